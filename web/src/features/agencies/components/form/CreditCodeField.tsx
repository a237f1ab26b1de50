import type { FormRule } from 'antd';
import { Alert, Checkbox, Form, Input, Typography } from 'antd';
import { parseCreditCode } from '../../../../../../domain/standards/credit-code.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { agencyRules } from './rules.ts';

/** A wrong check character as a warning while typing (the server will ask for confirmation too). */
const checkCharWarning: FormRule = {
  warningOnly: true,
  validator: async (_r, value) => {
    if (!value) return;
    const parsed = parseCreditCode(String(value));
    if (parsed.ok && parsed.value.warning) throw new Error(parsed.value.warning);
  },
};

interface CreditCodeFieldProps {
  /** The server's CREDIT_CHECK_WARNING message, once it answered so. */
  serverWarning: string | null;
  canOverride: boolean;
  override: boolean;
  /** Ticking the box saves again with overrideCreditCheck=true. */
  onOverride: (checked: boolean) => void;
  disabled?: boolean;
}

/**
 * 统一社会信用代码: the format is checked as it is typed (a wrong format is refused); a wrong check
 * character is a warning an administrator may accept after comparing with the certificate.
 */
export function CreditCodeField({ serverWarning, canOverride, override, onOverride, disabled }: CreditCodeFieldProps) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="creditCode"
        label={t('agency.creditCode')}
        required
        rules={[...agencyRules.creditCode, checkCharWarning]}
        normalize={(v: string) => v?.toUpperCase()}
        extra={t('agency.creditCodeHelp')}
      >
        <Input maxLength={24} className="mono" disabled={disabled} autoComplete="off" data-testid="agency-form-credit-code" />
      </Form.Item>
      {serverWarning && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={serverWarning}
          data-testid="agency-credit-warning"
          description={
            canOverride ? (
              <Checkbox checked={override} onChange={(e) => onOverride(e.target.checked)} data-testid="agency-credit-override">
                {t('agency.creditOverrideConfirm')}
              </Checkbox>
            ) : (
              <Typography.Text type="secondary" data-testid="agency-credit-needs-admin">
                {t('agency.creditNeedsAdmin')}
              </Typography.Text>
            )
          }
        />
      )}
    </>
  );
}
