import { useMutation, useQuery } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import { formatNumber } from '../../../shared/format.ts';
import { type Region, regionKeys, regionsApi } from '../api/regions.api.ts';
import { RegionSelect } from './RegionSelect.tsx';

interface FormValues {
  validTo: Dayjs;
  replacedBy?: string;
}

/** Revokes a division and its whole subtree, on a date, optionally merged into a same-level division. */
export function RevokeRegionModal({ region, onClose, onRevoked }: { region: Region | null; onClose: () => void; onRevoked: (count: number) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const detail = useQuery({ queryKey: regionKeys.detail(region?.code ?? ''), queryFn: () => regionsApi.get(region?.code as string), enabled: !!region });

  const revoke = useMutation({
    mutationFn: (v: FormValues) => regionsApi.revoke(region?.code as string, { validTo: v.validTo.format('YYYY-MM-DD'), replacedBy: v.replacedBy ?? null }),
    onSuccess: (res) => {
      message.success(t('region.revoked', { n: res.revoked }));
      onRevoked(res.revoked);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });

  const below = Object.entries(detail.data?.counts ?? {})
    .map(([level, n]) => ({ level: Number(level), n }))
    .filter((c) => region && c.level > region.level && c.n > 0)
    .sort((a, b) => a.level - b.level);
  const belowText = below.map((c) => t('region.countAtLevel', { level: labels.level(c.level), n: formatNumber(c.n) })).join(t('common.listSeparator'));

  return (
    <Modal
      title={region ? t('region.revokeTitle', { name: region.name }) : ''}
      open={!!region}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('region.revokeConfirm')}
      okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'region-revoke-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="region-revoke-modal"
    >
      {region && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              below.length ? t('region.revokeWarningSubtree', { name: region.name, list: belowText }) : t('region.revokeWarningLeaf', { name: region.name })
            }
            description={t('region.revokeFinal')}
          />
          <Form<FormValues> form={form} layout="vertical" initialValues={{ validTo: dayjs() }} onFinish={(v) => revoke.mutate(v)}>
            <Form.Item name="validTo" label={t('region.validTo')} rules={[{ required: true, message: t('region.validToRequired') }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="replacedBy" label={t('region.mergeInto')} extra={t('region.mergeIntoHelp', { level: labels.level(region.level) })}>
              <RegionSelect exactLevel={region.level} data-testid="region-revoke-merge" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
