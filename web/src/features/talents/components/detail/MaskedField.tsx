import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';

interface MaskedFieldProps {
  masked: string | null;
  /** The full value once revealed. */
  full: string | null | undefined;
  shown: boolean;
  /** Absent when the role may not reveal. */
  onToggle?: () => void;
  loading?: boolean;
  testId: string;
}

/** 5201**********123X with an eye icon: revealing asks the server (and is audited). */
export function MaskedField({ masked, full, shown, onToggle, loading, testId }: MaskedFieldProps) {
  const { t } = useI18n();
  if (!masked) return <span>—</span>;
  return (
    <span className="masked-field">
      <span className="mono" data-testid={testId}>
        {shown && full ? full : masked}
      </span>
      {onToggle && (
        <Tooltip title={shown ? t('talent.hide') : t('talent.revealHint')}>
          <Button
            type="text"
            size="small"
            loading={loading}
            icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={onToggle}
            aria-label={shown ? t('talent.hide') : t('talent.reveal')}
            data-testid={`${testId}-reveal`}
          />
        </Tooltip>
      )}
    </span>
  );
}
