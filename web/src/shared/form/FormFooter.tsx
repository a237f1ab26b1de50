import { Button, Space } from 'antd';
import { useI18n } from '../../i18n/index.ts';

interface FormFooterProps {
  /** Test ids are `${testId}-cancel` and `${testId}-submit`. */
  testId: string;
  /** Editing shows 保存; creating shows `createLabel`. */
  editing: boolean;
  createLabel: string;
  saving: boolean;
  onCancel: () => void;
}

/** The record forms' footer: 取消 (back to where the user came from) and the submit button. */
export function FormFooter({ testId, editing, createLabel, saving, onCancel }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <div className="form-footer">
      <Space>
        <Button onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid={`${testId}-submit`}>
          {editing ? t('common.save') : createLabel}
        </Button>
      </Space>
    </div>
  );
}
