import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { pairingInputSchema } from '../../../../../../domain/network/agency.schema.ts';
import '../../../../shared/zod-locale.ts';
import { applyFieldErrors } from '../../../../api/form-errors.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import { emptyToNull, zodRule } from '../../../../shared/zod-rules.ts';
import { agenciesApi } from '../../api/agencies.api.ts';
import { AgencySearchSelect } from './AgencySearchSelect.tsx';

interface Values {
  role: 'mentor' | 'mentee';
  otherId?: string;
  program?: string;
  startOn?: string | null;
  endOn?: string | null;
  results?: string;
}

const shape = pairingInputSchema.shape;

/** 新增结对: this agency helps another one (帮扶方) or is helped (受帮扶方). */
export function PairingModal({ agencyId, open, onClose, onSaved }: { agencyId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    const mine = v.role === 'mentor';
    const body = {
      mentorId: mine ? agencyId : (v.otherId ?? ''),
      menteeId: mine ? (v.otherId ?? '') : agencyId,
      program: v.program,
      startOn: v.startOn ?? '',
      endOn: v.endOn ?? null,
      results: v.results?.trim() ?? '',
    };
    const parsed = pairingInputSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: (i.path[0] === 'mentorId' || i.path[0] === 'menteeId' ? 'otherId' : i.path[0]) as never,
          errors: [i.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      await agenciesApi.addPairing(parsed.data);
      message.success(t('pairing.added'));
      form.resetFields();
      onSaved();
    } catch (err) {
      const { unmatched, shown } = applyFieldErrors(form, err, { mentorId: 'otherId', menteeId: 'otherId' });
      if (!shown.length || unmatched.length) notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pairing.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'pairing-save' } as never}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'mentor', program: 'pairing', results: '' }}
        onFinish={submit}
        data-testid="pairing-form"
      >
        <Form.Item name="role" label={t('pairing.role')}>
          <Radio.Group
            options={[
              { value: 'mentor', label: t('pairing.asMentor') },
              { value: 'mentee', label: t('pairing.asMentee') },
            ]}
          />
        </Form.Item>
        <Form.Item name="otherId" label={t('pairing.other')} required rules={[{ required: true, message: t('pairing.otherRequired') }]}>
          <AgencySearchSelect excludeId={agencyId} data-testid="pairing-other" />
        </Form.Item>
        <Form.Item name="program" label={t('pairing.program')} required rules={[zodRule(shape.program)]}>
          <Select options={labels.options('program')} data-testid="pairing-program" />
        </Form.Item>
        <Form.Item name="startOn" label={t('pairing.startOn')} required rules={[zodRule(shape.startOn, (v) => v ?? '')]}>
          <DateStringPicker data-testid="pairing-start" />
        </Form.Item>
        <Form.Item name="endOn" label={t('pairing.endOn')} rules={[zodRule(shape.endOn, emptyToNull)]}>
          <DateStringPicker data-testid="pairing-end" />
        </Form.Item>
        <Form.Item name="results" label={t('pairing.results')} rules={[zodRule(shape.results)]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="pairing-results" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
