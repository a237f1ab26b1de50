import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { useNotifyError } from '../../../../shared/errors.ts';
import { formatDate } from '../../../../shared/format.ts';
import { agenciesApi, agencyKeys } from '../../api/agencies.api.ts';
import type { AgencyDetail, AgencyPairing } from '../../api/types.ts';
import { PairingModal } from './PairingModal.tsx';

/** 结对帮扶: pairings where the agency helps or is helped; add and delete (with a confirm). */
export function PairingsTab({ agency, canEdit }: { agency: AgencyDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const reload = () => queryClient.invalidateQueries({ queryKey: agencyKeys.all });

  const remove = (p: AgencyPairing) =>
    modal.confirm({
      title: t('pairing.deleteTitle', { name: p.otherName }),
      content: t('pairing.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await agenciesApi.removePairing(p.id);
          message.success(t('pairing.deleted'));
          await reload();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="pairing-add">
          {t('pairing.add')}
        </Button>
      )}
      <Table<AgencyPairing>
        rowKey="id"
        size="small"
        dataSource={agency.pairings}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="agency-pairings-table"
        locale={{ emptyText: t('pairing.empty') }}
        columns={[
          {
            title: t('pairing.role'),
            dataIndex: 'role',
            render: (v: string) => <Tag color={v === 'mentor' ? 'blue' : 'orange'}>{v === 'mentor' ? t('pairing.roleMentor') : t('pairing.roleMentee')}</Tag>,
          },
          { title: t('pairing.other'), dataIndex: 'otherName', render: (v: string, r) => (canEdit ? <Link to={`/agencies/${r.otherId}`}>{v}</Link> : v) },
          { title: t('pairing.program'), dataIndex: 'program', render: (v: string) => labels.name('program', v) },
          {
            title: t('pairing.period'),
            key: 'period',
            render: (_: unknown, r) => `${formatDate(r.startOn)} ~ ${r.endOn ? formatDate(r.endOn) : t('pairing.ongoing')}`,
          },
          { title: t('pairing.results'), dataIndex: 'results', render: (v: string) => v || '—' },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: AgencyPairing) => (
                    <Button type="link" danger size="small" onClick={() => remove(r)} data-testid={`pairing-delete-${r.id}`}>
                      {t('common.delete')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <PairingModal
          agencyId={agency.id}
          open={adding}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
    </Space>
  );
}
