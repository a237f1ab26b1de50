import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import { regionPathText } from '../../../shared/format.ts';
import { agenciesApi, agencyKeys } from '../api/agencies.api.ts';
import type { AgencyDetail } from '../api/types.ts';
import { SharedAgencyFields } from './form/AgencyFields.tsx';
import { type AgencyFormValues, toAgencyValues, toMyAgencyPatch } from './form/form-values.ts';

/**
 * 本机构's limited edit: contact, address, legal representative, party organisation and tags. The
 * credit code, region, rating and eligibility are the civil-affairs office's and shown read-only.
 */
export function MyAgencyDrawer({ agency, open, onClose }: { agency: AgencyDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AgencyFormValues>();
  const [initial] = useState(() => toAgencyValues(agency));
  const [saving, setSaving] = useState(false);

  const save = async (values: AgencyFormValues) => {
    const patch = toMyAgencyPatch(initial, values);
    if (Object.keys(patch).length === 0) {
      message.info(t('org.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      const saved = await agenciesApi.updateMine(patch);
      queryClient.setQueryData(agencyKeys.mine, saved);
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('myAgency.editTitle')}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="my-agency-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} data-testid="my-agency-readonly">
        <Descriptions.Item label={t('agency.name')}>{agency.name}</Descriptions.Item>
        <Descriptions.Item label={t('agency.creditCode')}>
          <span className="mono">{agency.creditCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agency.region')}>{regionPathText(agency.regionPath)}</Descriptions.Item>
        <Descriptions.Item label={t('agency.rating')}>
          {agency.rating ? `${labels.name('rating', agency.rating)}${agency.ratingYear ? ` (${agency.ratingYear})` : ''}` : t('agency.ratingNone')}
        </Descriptions.Item>
      </Descriptions>
      <Form<AgencyFormValues> form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="my-agency-form">
        <Row gutter={16}>
          <SharedAgencyFields />
        </Row>
      </Form>
      <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('myAgency.readonlyHint')}</div>
    </Drawer>
  );
}
