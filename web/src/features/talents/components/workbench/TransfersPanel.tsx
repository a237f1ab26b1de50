import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { useErrorText, useNotifyError } from '../../../../shared/errors.ts';
import { formatDateTime, rowTestId } from '../../../../shared/format.ts';
import { talentKeys } from '../../api/talents.api.ts';
import { type DecisionStatus, type Transfer, workflowApi, workflowKeys } from '../../api/workflow.api.ts';
import { type Decision, DecisionModal } from './DecisionModal.tsx';
import { DecisionTag } from './DecisionTag.tsx';

type Direction = 'to_decide' | 'requested';

/** 调入申请: those for me to decide (the person is registered in my scope) and those I asked for. */
export function TransfersPanel({ canManage, initialDirection }: { canManage: boolean; initialDirection?: Direction }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<Direction>(initialDirection ?? 'to_decide');
  const [status, setStatus] = useState<DecisionStatus | undefined>(direction === 'to_decide' ? 'pending' : undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [decision, setDecision] = useState<Decision | null>(null);
  const list = useQuery({
    queryKey: workflowKeys.transfers(direction, status, paging.page, paging.pageSize),
    queryFn: () => workflowApi.transfers(direction, status, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });

  const decide = (r: Transfer, kind: 'approve' | 'reject') =>
    setDecision({
      kind,
      title: kind === 'approve' ? t('transfer.approveTitle', { name: r.talentName }) : t('transfer.rejectTitle', { name: r.talentName }),
      description: kind === 'approve' ? t('transfer.approveHelp', { from: r.fromRegionName ?? '', to: r.toRegionName ?? r.toRegion }) : undefined,
      run: async (note) => {
        try {
          await (kind === 'approve' ? workflowApi.approveTransfer(r.id, note) : workflowApi.rejectTransfer(r.id, note));
          message.success(kind === 'approve' ? t('transfer.approved', { name: r.talentName }) : t('transfer.rejected', { name: r.talentName }));
          await queryClient.invalidateQueries({ queryKey: workflowKeys.transfersAll });
          await queryClient.invalidateQueries({ queryKey: talentKeys.all });
          void queryClient.invalidateQueries({ queryKey: workflowKeys.todo });
        } catch (err) {
          notifyError(err);
          throw err;
        }
      },
    });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={direction}
          onChange={(v) => {
            setDirection(v as Direction);
            setStatus(v === 'to_decide' ? 'pending' : undefined);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'to_decide', label: t('transfer.toDecide') },
            { value: 'requested', label: t('transfer.requestedByMe') },
          ]}
          data-testid="transfer-direction"
        />
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={labels.options('submissionStatus')}
          data-testid="transfer-status"
        />
      </Space>
      {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      <Table<Transfer>
        rowKey="id"
        size="middle"
        data-testid="transfer-table"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: direction === 'to_decide' ? t('transfer.emptyToDecide') : t('transfer.emptyRequested') }}
        onRow={(r) => rowTestId(`transfer-row-${r.id}`)}
        columns={[
          { title: t('talent.name'), dataIndex: 'talentName' },
          { title: t('transfer.fromRegion'), dataIndex: 'fromRegionName', render: (v: string | null, r) => v ?? r.fromRegion ?? '—' },
          { title: t('transfer.toRegion'), dataIndex: 'toRegionName', render: (v: string | null, r) => v ?? r.toRegion },
          {
            title: t('transfer.reason'),
            dataIndex: 'reason',
            render: (v: string) => (
              <Typography.Text style={{ maxWidth: 220 }} ellipsis={{ tooltip: v }}>
                {v || '—'}
              </Typography.Text>
            ),
          },
          { title: t('transfer.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v, false) },
          {
            title: t('workbench.status'),
            dataIndex: 'status',
            render: (v: string, r) => (
              <Tooltip title={r.decisionNote ? `${t('workbench.note')}：${r.decisionNote}` : undefined}>
                <span>
                  <DecisionTag status={v} />
                </span>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r) =>
              canManage && r.mayDecide && r.status === 'pending' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => decide(r, 'approve')} data-testid={`transfer-approve-${r.id}`}>
                    {t('workbench.approve')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => decide(r, 'reject')} data-testid={`transfer-reject-${r.id}`}>
                    {t('workbench.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('table.total', { total: n }),
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
        }}
      />
      <DecisionModal value={decision} onClose={() => setDecision(null)} />
    </Space>
  );
}
