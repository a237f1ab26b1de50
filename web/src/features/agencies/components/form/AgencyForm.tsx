import { App, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { agencyInputSchema, agencyPatchSchema } from '../../../../../../domain/network/agency.schema.ts';
import { ApiError } from '../../../../api/client.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { FormFooter } from '../../../../shared/form/FormFooter.tsx';
import { useFinishSave } from '../../../../shared/form/useFinishSave.ts';
import { useFormFeedback } from '../../../../shared/form/useFormFeedback.ts';
import { useLeaveGuard } from '../../../../shared/useLeaveGuard.ts';
import { useCan } from '../../../auth/hooks/useSession.ts';
import { RegionSelect } from '../../../regions/components/RegionSelect.tsx';
import { agenciesApi, agencyKeys } from '../../api/agencies.api.ts';
import type { AgencyDetail } from '../../api/types.ts';
import { half, SharedAgencyFields } from './AgencyFields.tsx';
import { CreditCodeField } from './CreditCodeField.tsx';
import { type AgencyFormValues, emptyAgencyValues, toAgencyInput, toAgencyPatch, toAgencyValues } from './form-values.ts';
import { agencyRules } from './rules.ts';

/**
 * 新增 / 编辑社工机构 on a full page. The domain schema checks each field as it is typed and the whole
 * body before it is sent. A wrong check character in the credit code comes back as 422
 * CREDIT_CHECK_WARNING: the warning is shown under the field and an administrator may confirm it.
 */
export function AgencyForm({ detail, defaultRegion }: { detail?: AgencyDetail; defaultRegion?: string }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const finishSave = useFinishSave();
  const [form] = Form.useForm<AgencyFormValues>();
  const [initial] = useState<AgencyFormValues>(() => (detail ? toAgencyValues(detail) : emptyAgencyValues(defaultRegion)));
  const [saving, setSaving] = useState(false);
  const [creditWarning, setCreditWarning] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [dirty, setDirty] = useState(false);
  const release = useLeaveGuard(dirty);
  const rating = Form.useWatch('rating', form);

  const feedback = useFormFeedback(form, { fixErrorsText: t('org.fixErrors') });
  const showIssues = feedback.showIssues;

  const save = async (values: AgencyFormValues, overrideCheck = override) => {
    let saved: AgencyDetail;
    setSaving(true);
    try {
      if (detail) {
        const patch = toAgencyPatch(initial, values);
        if (Object.keys(patch).length === 0) {
          message.info(t('org.nothingChanged'));
          return;
        }
        const body = overrideCheck && 'creditCode' in patch ? { ...patch, overrideCreditCheck: true } : patch;
        if (showIssues(agencyPatchSchema.safeParse(body))) return;
        saved = await agenciesApi.update(detail.id, body);
      } else {
        const body = toAgencyInput(values, overrideCheck);
        if (showIssues(agencyInputSchema.safeParse(body))) return;
        saved = await agenciesApi.create(body);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CREDIT_CHECK_WARNING') {
        setCreditWarning(err.fieldIssues.find((i) => i.field === 'creditCode')?.message ?? err.message);
        setOverride(false);
        form.scrollToField('creditCode', { block: 'center' });
        return;
      }
      feedback.showServerError(err);
      return;
    } finally {
      setSaving(false);
    }
    await finishSave({
      saved,
      keys: agencyKeys,
      done: detail ? t('common.saved') : t('agency.created', { name: saved.name }),
      release,
      to: `/agencies/${saved.id}`,
    });
  };

  return (
    <Form<AgencyFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save(v)}
      onValuesChange={(changed) => {
        setDirty(true);
        // Another code needs its own confirmation.
        if ('creditCode' in changed) {
          setCreditWarning(null);
          setOverride(false);
        }
      }}
      onFinishFailed={feedback.onFinishFailed}
      data-testid="agency-form"
    >
      <Card title={t('agency.section.registration')} className="form-card">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('agency.name')} required rules={agencyRules.name}>
              <Input maxLength={100} data-testid="agency-form-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <CreditCodeField
              serverWarning={creditWarning}
              canOverride={can('agency.override')}
              override={override}
              onOverride={(checked) => {
                setOverride(checked);
                if (checked)
                  void form.validateFields().then(
                    (v) => save(v, true),
                    () => undefined,
                  );
              }}
            />
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('agency.region')} required rules={agencyRules.regionCode} extra={t('agency.regionHelp')}>
              <RegionSelect minLevel={2} data-testid="agency-form-region" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="registrationAuthority" label={t('agency.registrationAuthority')} rules={agencyRules.registrationAuthority}>
              <Input maxLength={64} data-testid="agency-form-authority" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="registeredOn" label={t('agency.registeredOn')} rules={agencyRules.registeredOn}>
              <DateStringPicker data-testid="agency-form-registered-on" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('agency.status')} required rules={agencyRules.status}>
              <Select options={labels.options('agencyStatus')} data-testid="agency-form-status" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="rating" label={t('agency.rating')} rules={agencyRules.rating}>
              <Select allowClear placeholder={t('agency.ratingNone')} options={labels.options('rating')} data-testid="agency-form-rating" />
            </Form.Item>
          </Col>
          {rating && (
            <Col {...half}>
              <Form.Item
                name="ratingYear"
                label={t('agency.ratingYear')}
                required
                rules={[{ required: true, message: t('agency.ratingYearRequired') }, ...agencyRules.ratingYear]}
              >
                <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid="agency-form-rating-year" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      <Card title={t('agency.section.contact')} className="form-card">
        <Row gutter={16}>
          <SharedAgencyFields />
        </Row>
      </Card>
      <FormFooter
        testId="agency-form"
        editing={!!detail}
        createLabel={t('agency.createSubmit')}
        saving={saving}
        onCancel={() => navigate(detail ? `/agencies/${detail.id}` : '/agencies')}
      />
    </Form>
  );
}
