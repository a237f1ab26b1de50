import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { ownStaffAddSchema } from '../../../../../../domain/network/agency.schema.ts';
import '../../../../shared/zod-locale.ts';
import { applyFieldErrors } from '../../../../api/form-errors.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import { emptyToNull, zodRule } from '../../../../shared/zod-rules.ts';
import { agenciesApi, agencyKeys } from '../../api/agencies.api.ts';

interface Values {
  idNumber?: string;
  name?: string;
  post?: string;
  fullTime: boolean;
  since?: string | null;
}

const shape = ownStaffAddSchema.shape;

/**
 * 添加人员 for an agency administrator: they cannot search the registry, so they give the person's ID
 * number and name, which the server matches against the talents working in the field.
 */
export function AddOwnStaffModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await agenciesApi.addMyStaff({
        idNumber: v.idNumber?.trim() ?? '',
        name: v.name?.trim() ?? '',
        post: v.post?.trim() ?? '',
        fullTime: v.fullTime,
        since: v.since ?? null,
      });
      queryClient.setQueryData(agencyKeys.mine, saved);
      message.success(t('agency.staff.added'));
      form.resetFields();
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('agency.staff.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('agency.staff.add')}
      okButtonProps={{ loading: saving, 'data-testid': 'own-staff-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="own-staff-modal"
    >
      <Alert type="info" showIcon title={t('agency.staff.addHelp')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" initialValues={{ fullTime: true }} onFinish={submit} preserve={false}>
        <Form.Item name="name" label={t('agency.staff.name')} required rules={[zodRule(shape.name, (v) => v ?? '')]}>
          <Input maxLength={32} data-testid="own-staff-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('talent.idNumber')} required rules={[zodRule(shape.idNumber, (v) => v ?? '')]}>
          <Input maxLength={18} className="mono" data-testid="own-staff-id" />
        </Form.Item>
        <Form.Item name="post" label={t('agency.staff.post')} rules={[zodRule(shape.post, (v) => v ?? '')]}>
          <Input maxLength={64} data-testid="own-staff-post" />
        </Form.Item>
        <Form.Item name="fullTime" label={t('agency.staff.fullTime')} valuePropName="checked">
          <Switch checkedChildren={t('agency.staff.fullTimeYes')} unCheckedChildren={t('agency.staff.fullTimeNo')} />
        </Form.Item>
        <Form.Item name="since" label={t('agency.staff.since')} rules={[zodRule(shape.since, emptyToNull)]}>
          <DateStringPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
