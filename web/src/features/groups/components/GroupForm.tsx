import { App, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { communityGroupInputSchema, communityGroupPatchSchema } from '../../../../../domain/network/community-group.schema.ts';
import '../../../shared/zod-locale.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { DateStringPicker } from '../../../shared/DateStringPicker.tsx';
import { FormFooter } from '../../../shared/form/FormFooter.tsx';
import { useFinishSave } from '../../../shared/form/useFinishSave.ts';
import { useFormFeedback } from '../../../shared/form/useFormFeedback.ts';
import { useLeaveGuard } from '../../../shared/useLeaveGuard.ts';
import { emptyToNull, zodRule } from '../../../shared/zod-rules.ts';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import { type CommunityGroupInput, type GroupDetail, groupKeys, groupsApi } from '../api/groups.api.ts';
import { StationSelect } from './StationSelect.tsx';

type Values = Partial<CommunityGroupInput>;

const core = communityGroupInputSchema.shape;
const rules = {
  name: [zodRule(core.name)],
  regionCode: [zodRule(core.regionCode)],
  kind: [zodRule(core.kind)],
  members: [zodRule(core.members, (v) => v ?? 0)],
  registration: [zodRule(core.registration)],
  establishedOn: [zodRule(core.establishedOn, emptyToNull)],
  contactName: [zodRule(core.contactName)],
  contactPhone: [zodRule(core.contactPhone, emptyToNull)],
  status: [zodRule(core.status)],
  note: [zodRule(core.note)],
};
const KEYS = [
  'name',
  'regionCode',
  'kind',
  'members',
  'registration',
  'incubatorId',
  'establishedOn',
  'contactName',
  'contactPhone',
  'status',
  'note',
] as const;
const half = { xs: 24, md: 12, xl: 8 };

/** The township of a township or village code (first nine digits). */
export const townshipOf = (code: string | undefined | null) => (code && /^\d{12}$/.test(code) && code.slice(6, 9) !== '000' ? `${code.slice(0, 9)}000` : null);

function normalize(v: Values): CommunityGroupInput {
  return {
    ...v,
    name: v.name?.trim() ?? '',
    members: v.members ?? 0,
    incubatorId: v.incubatorId || null,
    establishedOn: (emptyToNull(v.establishedOn) as string | null) ?? null,
    contactName: v.contactName?.trim() ?? '',
    contactPhone: (emptyToNull(v.contactPhone?.trim()) as string | null) ?? null,
    note: v.note?.trim() ?? '',
  } as CommunityGroupInput;
}

/** 新增 / 编辑社区社会组织: region at township or village level, the incubating station of that township. */
export function GroupForm({ detail, defaultRegion }: { detail?: GroupDetail; defaultRegion?: string }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const finishSave = useFinishSave();
  const [form] = Form.useForm<Values>();
  const feedback = useFormFeedback(form, { fixErrorsText: t('org.fixErrors') });
  const [initial] = useState<Values>(() =>
    detail
      ? (Object.fromEntries(KEYS.map((k) => [k, detail[k]])) as Values)
      : { regionCode: defaultRegion, members: 0, registration: 'filed', status: 'active', incubatorId: null, contactName: '', note: '' },
  );
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const release = useLeaveGuard(dirty);
  const regionCode = Form.useWatch('regionCode', form);
  const lastRegion = useRef(initial.regionCode);

  const save = async (values: Values) => {
    const body = normalize(values);
    let saved: GroupDetail;
    setSaving(true);
    try {
      if (detail) {
        const before = normalize(initial);
        const patch = Object.fromEntries(KEYS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(body[k] ?? null)).map((k) => [k, body[k]]));
        if (Object.keys(patch).length === 0) {
          message.info(t('org.nothingChanged'));
          return;
        }
        const parsed = communityGroupPatchSchema.safeParse(patch);
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
          return;
        }
        saved = await groupsApi.update(detail.id, parsed.data);
      } else {
        const parsed = communityGroupInputSchema.safeParse(body);
        if (!parsed.success) {
          form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
          return;
        }
        saved = await groupsApi.create(parsed.data);
      }
    } catch (err) {
      feedback.showServerError(err);
      return;
    } finally {
      setSaving(false);
    }
    await finishSave({
      saved,
      keys: groupKeys,
      done: detail ? t('common.saved') : t('group.created', { name: saved.name }),
      release,
      to: `/groups/${saved.id}`,
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      onValuesChange={(changed: Values) => {
        setDirty(true);
        // Another township has other stations.
        if ('regionCode' in changed) {
          if (townshipOf(changed.regionCode) !== townshipOf(lastRegion.current)) form.setFieldValue('incubatorId', null);
          lastRegion.current = changed.regionCode;
        }
      }}
      onFinishFailed={feedback.onFinishFailed}
      data-testid="group-form"
    >
      <Card title={t('group.section.basic')} className="form-card">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('group.name')} required rules={rules.name}>
              <Input maxLength={100} data-testid="group-form-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('group.region')} required rules={rules.regionCode} extra={t('group.regionHelp')}>
              <RegionSelect minLevel={4} data-testid="group-form-region" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label={t('group.kind')} required rules={rules.kind}>
              <Select options={labels.options('groupKind')} data-testid="group-form-kind" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="registration" label={t('group.registration')} required rules={rules.registration}>
              <Select options={labels.options('registration')} data-testid="group-form-registration" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="members" label={t('group.members')} rules={rules.members}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="group-form-members" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="establishedOn" label={t('group.establishedOn')} rules={rules.establishedOn}>
              <DateStringPicker data-testid="group-form-established" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="incubatorId" label={t('group.incubator')} extra={t('group.incubatorHelp')}>
              <StationSelect townshipCode={townshipOf(regionCode)} initialName={detail?.incubatorName} data-testid="group-form-incubator" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('group.status')} required rules={rules.status}>
              <Select options={labels.options('groupStatus')} data-testid="group-form-status" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactName" label={t('group.contactName')} rules={rules.contactName}>
              <Input maxLength={32} data-testid="group-form-contact" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactPhone" label={t('group.contactPhone')} rules={rules.contactPhone}>
              <Input maxLength={20} data-testid="group-form-phone" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('group.note')} rules={rules.note}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="group-form-note" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <FormFooter
        testId="group-form"
        editing={!!detail}
        createLabel={t('group.createSubmit')}
        saving={saving}
        onCancel={() => navigate(detail ? `/groups/${detail.id}` : '/groups')}
      />
    </Form>
  );
}
