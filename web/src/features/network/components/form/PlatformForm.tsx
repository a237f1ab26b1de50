import { App, Col, Form, Row } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { platformInputSchema, platformPatchSchema } from '../../../../../../domain/network/platform.schema.ts';
import { ApiError } from '../../../../api/client.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { FormFooter } from '../../../../shared/form/FormFooter.tsx';
import { SectionAnchor } from '../../../../shared/form/SectionAnchor.tsx';
import { useFinishSave } from '../../../../shared/form/useFinishSave.ts';
import { useFormFeedback } from '../../../../shared/form/useFormFeedback.ts';
import { useLeaveGuard } from '../../../../shared/useLeaveGuard.ts';
import { coverageKeys } from '../../api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../api/platforms.api.ts';
import type { PlatformDetail } from '../../api/types.ts';
import { BasicCard } from './BasicCard.tsx';
import { DemoCard, FundingCard } from './DemoFundingCards.tsx';
import { emptyFormValues, type PlatformFormValues, toFormValues, toInput, toPatch } from './form-values.ts';
import { ServiceCard, SiteCard } from './SiteServiceCards.tsx';

const SECTIONS = ['basic', 'site', 'service', 'demo', 'funding'] as const;

/** Server fields named differently in the form: money is typed in 元 but sent in 分. */
function fieldMapOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(err.fieldIssues.filter((i) => /\.amountFen$/.test(i.field)).map((i) => [i.field, i.field.replace(/amountFen$/, 'amountYuan')]));
}

/** Schema paths as form paths (funding rows hold 元). */
const formPath = (path: PropertyKey[]) => path.map((p) => (p === 'amountFen' ? 'amountYuan' : p)) as (string | number)[];

/**
 * The whole platform in one form (cards, with an anchor to jump between them). The domain schema
 * checks each field as it is filled in and the whole body before it is sent; the server's field
 * errors land under the same fields, list rows included. Saving refreshes lists and coverage.
 */
export function PlatformForm({ detail, prefill = {} }: { detail?: PlatformDetail; prefill?: { regionCode?: string; kind?: string } }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const finishSave = useFinishSave();
  const [form] = Form.useForm<PlatformFormValues>();
  const [initial] = useState<PlatformFormValues>(() => (detail ? toFormValues(detail) : emptyFormValues(prefill)));
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const release = useLeaveGuard(dirty);
  const toBody = () => toInput({ ...initial, ...form.getFieldsValue(true) });

  const feedback = useFormFeedback(form, { fixErrorsText: t('platform.form.fixErrors'), formPath });
  const showIssues = feedback.showIssues;

  const save = async (values: PlatformFormValues) => {
    let saved: PlatformDetail;
    setSaving(true);
    try {
      if (detail) {
        const patch = toPatch(initial, { ...initial, ...values });
        if (Object.keys(patch).length === 0) {
          message.info(t('platform.form.nothingChanged'));
          return;
        }
        if (showIssues(platformPatchSchema.safeParse(patch))) return;
        saved = await platformsApi.update(detail.id, patch);
      } else {
        const body = toInput(values);
        if (showIssues(platformInputSchema.safeParse(body))) return;
        saved = await platformsApi.create(body);
      }
    } catch (err) {
      feedback.showServerError(err, fieldMapOf(err));
      return;
    } finally {
      setSaving(false);
    }
    await finishSave({
      saved,
      keys: platformKeys,
      alsoRefresh: [coverageKeys.all],
      done: detail ? t('common.saved') : t('platform.form.created', { name: saved.name }),
      release,
      to: `/network/platforms/${saved.id}`,
    });
  };

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Form<PlatformFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={save}
          onValuesChange={() => setDirty(true)}
          onFinishFailed={feedback.onFinishFailed}
          scrollToFirstError={false}
          data-testid="platform-form"
          className="talent-form"
        >
          <BasicCard toBody={toBody} agencyName={detail?.agencyName} />
          <SiteCard />
          <ServiceCard />
          <DemoCard toBody={toBody} />
          <FundingCard />
          <FormFooter
            testId="platform-form"
            editing={!!detail}
            createLabel={t('platform.form.createSubmit')}
            saving={saving}
            onCancel={() => navigate(detail ? `/network/platforms/${detail.id}` : '/network/platforms')}
          />
        </Form>
      </Col>
      <Col flex="150px" className="form-anchor-col">
        <SectionAnchor sections={SECTIONS.map((s) => ({ key: s, title: t(`platform.section.${s}`) }))} />
      </Col>
    </Row>
  );
}
