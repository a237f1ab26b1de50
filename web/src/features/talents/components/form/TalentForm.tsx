import { Alert, App, Button, Col, Form, Row } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { talentInputSchema, talentPatchSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { ApiError } from '../../../../api/client.ts';
import { applyFieldErrors } from '../../../../api/form-errors.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { FormFooter } from '../../../../shared/form/FormFooter.tsx';
import { SectionAnchor } from '../../../../shared/form/SectionAnchor.tsx';
import { useFinishSave } from '../../../../shared/form/useFinishSave.ts';
import { useFormFeedback } from '../../../../shared/form/useFormFeedback.ts';
import { useLeaveGuard } from '../../../../shared/useLeaveGuard.ts';
import { type TalentDetail, talentKeys, talentsApi } from '../../api/talents.api.ts';
import type { NewTransfer } from '../../api/workflow.api.ts';
import { TransferRequestModal } from '../TransferRequestModal.tsx';
import { BasicInfoCard } from './BasicInfoCard.tsx';
import { CertificatesCard } from './CertificatesCard.tsx';
import { DispatchesCard } from './DispatchesCard.tsx';
import { EducationCard } from './EducationCard.tsx';
import { emptyFormValues, type TalentFormValues, toFormValues, toInput, toPatch } from './form-values.ts';
import { HonoursCard } from './HonoursCard.tsx';
import { TrainingsCard } from './TrainingsCard.tsx';
import { WorkCard } from './WorkCard.tsx';

type Clash = { kind: 'elsewhere'; message: string } | { kind: 'exists'; message: string; existingId: string } | null;

const SECTIONS = ['basic', 'certificates', 'educations', 'work', 'trainings', 'honours', 'dispatches'] as const;

/**
 * The whole talent record in one long form (cards, with an anchor to jump between them). The
 * domain schemas check each field as it is filled in and the whole body before it is sent; the
 * server's field errors land under the same fields, list rows included.
 */
export function TalentForm({ detail, defaultRegion }: { detail?: TalentDetail; defaultRegion?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const finishSave = useFinishSave();
  const [form] = Form.useForm<TalentFormValues>();
  const [initial] = useState<TalentFormValues>(() => (detail ? toFormValues(detail) : emptyFormValues(defaultRegion)));
  const [changeId, setChangeId] = useState(false);
  const [changePhone, setChangePhone] = useState(false);
  const [saving, setSaving] = useState(false);
  const [clash, setClash] = useState<Clash>(null);
  const [transfer, setTransfer] = useState<Partial<NewTransfer> | null>(null);
  const [dirty, setDirty] = useState(false);
  const release = useLeaveGuard(dirty);

  const feedback = useFormFeedback(form, { fixErrorsText: t('talent.form.fixErrors') });
  const showIssues = feedback.showIssues;

  const onFailed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'TALENT_ELSEWHERE') {
      setClash({ kind: 'elsewhere', message: err.message });
      applyFieldErrors(form, err);
      return;
    }
    const existingId = err instanceof ApiError ? err.fieldIssues.find((i) => i.field === 'existingId')?.message : undefined;
    if (err instanceof ApiError && err.code === 'CONFLICT' && existingId) {
      setClash({ kind: 'exists', message: err.message, existingId });
      applyFieldErrors(form, err);
      return;
    }
    feedback.showServerError(err);
  };

  const save = async (values: TalentFormValues) => {
    setClash(null);
    let saved: TalentDetail;
    setSaving(true);
    try {
      if (detail) {
        const patch = toPatch(initial, values, changeId, changePhone);
        if (Object.keys(patch).length === 0) {
          message.info(t('talent.form.nothingChanged'));
          return;
        }
        if (showIssues(talentPatchSchema.safeParse(patch))) return;
        saved = await talentsApi.update(detail.id, patch);
      } else {
        const body = toInput(values);
        if (showIssues(talentInputSchema.safeParse(body))) return;
        saved = await talentsApi.create(body);
      }
    } catch (err) {
      onFailed(err);
      return;
    } finally {
      setSaving(false);
    }
    await finishSave({
      saved,
      keys: talentKeys,
      done: detail ? t('common.saved') : t('talent.form.created', { name: saved.name }),
      release,
      to: `/talents/${saved.id}`,
    });
  };

  const cancel = () => navigate(detail ? `/talents/${detail.id}` : '/talents');

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {clash?.kind === 'elsewhere' && (
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            title={clash.message}
            data-testid="talent-elsewhere"
            action={
              <Button
                type="primary"
                size="small"
                onClick={() =>
                  setTransfer({ idNumber: form.getFieldValue('idNumber'), name: form.getFieldValue('name'), toRegionCode: form.getFieldValue('regionCode') })
                }
                data-testid="transfer-open"
              >
                {t('transfer.request')}
              </Button>
            }
          />
        )}
        {clash?.kind === 'exists' && (
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            title={clash.message}
            data-testid="talent-exists"
            action={
              <Link to={`/talents/${clash.existingId}`} data-testid="talent-exists-link">
                <Button size="small">{t('talent.form.viewExisting')}</Button>
              </Link>
            }
          />
        )}
        <Form<TalentFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={save}
          onValuesChange={() => setDirty(true)}
          onFinishFailed={feedback.onFinishFailed}
          scrollToFirstError={false}
          data-testid="talent-form"
          className="talent-form"
        >
          <BasicInfoCard
            stored={detail}
            changeId={changeId}
            onChangeId={() => setChangeId(true)}
            changePhone={changePhone}
            onChangePhone={() => setChangePhone(true)}
          />
          <CertificatesCard />
          <EducationCard />
          <WorkCard />
          <TrainingsCard />
          <HonoursCard />
          <DispatchesCard />
          <FormFooter testId="talent-form" editing={!!detail} createLabel={t('talent.form.createSubmit')} saving={saving} onCancel={cancel} />
        </Form>
      </Col>
      <Col flex="150px" className="form-anchor-col">
        <SectionAnchor sections={SECTIONS.map((s) => ({ key: s, title: t(`talent.section.${s === 'educations' ? 'education' : s}`) }))} />
      </Col>
      <TransferRequestModal
        value={transfer}
        onClose={() => setTransfer(null)}
        onDone={() => {
          setTransfer(null);
          release();
          navigate('/talents/workbench?tab=transfers&direction=requested');
        }}
      />
    </Row>
  );
}
