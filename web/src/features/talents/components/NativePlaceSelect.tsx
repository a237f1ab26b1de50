import { IdcardOutlined } from '@ant-design/icons';
import { Button, Form, Space, Tooltip } from 'antd';
import { parseIdNumber } from '../../../../../domain/standards/id-number.ts';
import { isRegionCode } from '../../../../../domain/standards/region-code.ts';
import { useI18n } from '../../../i18n/index.ts';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';

interface NativePlaceSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

/**
 * 籍贯: a province, city or county. Picked from the region tree, or taken from the ID number's
 * address code (the first six digits), which also reaches places outside the user's scope.
 */
export function NativePlaceSelect({ value, onChange, id, ...rest }: NativePlaceSelectProps) {
  const { t } = useI18n();
  const idNumber = Form.useWatch<string | undefined>('idNumber');
  const parsed = idNumber ? parseIdNumber(idNumber) : null;
  const fromId = parsed?.ok ? `${parsed.value.addressCode}000000` : null;
  const usable = fromId && isRegionCode(fromId) ? fromId : null;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <RegionSelect
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null)}
        minLevel={1}
        maxLevel={3}
        allowCode
        placeholder={t('talent.form.regionOrCode')}
        data-testid={rest['data-testid']}
      />
      <Tooltip title={usable ? t('talent.form.nativeFromId', { code: usable.slice(0, 6) }) : t('talent.form.nativeFromIdNone')}>
        <Button icon={<IdcardOutlined />} disabled={!usable} onClick={() => usable && onChange?.(usable)} data-testid="talent-form-native-from-id" />
      </Tooltip>
    </Space.Compact>
  );
}
