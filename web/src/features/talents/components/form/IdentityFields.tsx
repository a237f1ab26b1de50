import { EditOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { parseIdNumber } from '../../../../../../domain/standards/id-number.ts';
import { ageOn } from '../../../../../../domain/talents/age.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { talentRules } from './rules.ts';

export interface IdentityFieldsProps {
  /** Edit mode: the stored (masked) values; undefined when creating. */
  stored?: { idNumberMasked: string; birthDate: string; sex: string; phoneMasked: string | null };
  changeId: boolean;
  onChangeId: () => void;
  changePhone: boolean;
  onChangePhone: () => void;
}

/** 出生日期 · 性别 · 年龄 as read from the ID number while it is typed. */
function DerivedIdentity({ birthDate, sex }: { birthDate: string; sex: string }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const age = ageOn(birthDate, dayjs().format('YYYY-MM-DD'));
  return (
    <Typography.Text type="secondary" data-testid="talent-form-derived">
      {t('talent.form.derived', { birthDate, sex: labels.name('sex', sex), age })}
    </Typography.Text>
  );
}

/**
 * 身份证号码 and 联系电话. Creating: typed in full, birth date and sex shown as derived. Editing: the
 * stored values are masked, so they stay as they are unless the user chooses 修改 and types new ones.
 */
export function IdNumberField({ stored, changeId, onChangeId }: Omit<IdentityFieldsProps, 'changePhone' | 'onChangePhone'>) {
  const { t } = useI18n();
  const idNumber = Form.useWatch<string | undefined>('idNumber');
  const parsed = idNumber ? parseIdNumber(idNumber) : null;
  const derived = parsed?.ok ? { birthDate: parsed.value.birthDate, sex: String(parsed.value.sex) } : null;
  const editingId = !stored || changeId;

  return editingId ? (
    <Form.Item
      name="idNumber"
      label={t('talent.idNumber')}
      required
      rules={talentRules.idNumber}
      validateDebounce={300}
      extra={derived ? <DerivedIdentity {...derived} /> : t('talent.form.idHelp')}
    >
      <Input maxLength={18} autoComplete="off" className="mono" data-testid="talent-form-idNumber" />
    </Form.Item>
  ) : (
    <Form.Item label={t('talent.idNumber')} required extra={<DerivedIdentity birthDate={stored.birthDate} sex={stored.sex} />}>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={stored.idNumberMasked} disabled className="mono" />
        <Button icon={<EditOutlined />} onClick={onChangeId} data-testid="talent-form-change-id">
          {t('talent.form.change')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}

/** 联系电话: typed when creating; masked when editing until the user chooses 修改. */
export function PhoneField({ stored, changePhone, onChangePhone }: Pick<IdentityFieldsProps, 'stored' | 'changePhone' | 'onChangePhone'>) {
  const { t } = useI18n();
  return !stored || changePhone ? (
    <Form.Item name="phone" label={t('talent.phone')} rules={talentRules.phone} extra={stored ? t('talent.form.phoneClearHelp') : undefined}>
      <Input maxLength={20} autoComplete="off" data-testid="talent-form-phone" />
    </Form.Item>
  ) : (
    <Form.Item label={t('talent.phone')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={stored.phoneMasked ?? ''} placeholder={t('talent.form.noPhone')} disabled className="mono" />
        <Button icon={<EditOutlined />} onClick={onChangePhone} data-testid="talent-form-change-phone">
          {t('talent.form.change')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
