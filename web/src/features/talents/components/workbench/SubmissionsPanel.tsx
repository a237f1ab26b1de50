import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { useErrorText, useNotifyError } from '../../../../shared/errors.ts';
import { formatDateTime, rowTestId } from '../../../../shared/format.ts';
import { talentKeys } from '../../api/talents.api.ts';
import { type DecisionStatus, type Submission, workflowApi, workflowKeys } from '../../api/workflow.api.ts';
import { type Decision, DecisionModal } from './DecisionModal.tsx';
import { DecisionTag } from './DecisionTag.tsx';
import { SubmissionPayload } from './SubmissionPayload.tsx';

/** 本人申报审核: certificates and training hours social workers submitted; approved ones enter the record. */
export function SubmissionsPanel() {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DecisionStatus | undefined>('pending');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [decision, setDecision] = useState<Decision | null>(null);
  const list = useQuery({
    queryKey: workflowKeys.submissions(status, paging.page, paging.pageSize),
    queryFn: () => workflowApi.submissions(status, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });

  const decide = (s: Submission, kind: 'approve' | 'reject') =>
    setDecision({
      kind,
      title: kind === 'approve' ? t('submission.approveTitle', { name: s.talentName ?? '' }) : t('submission.rejectTitle', { name: s.talentName ?? '' }),
      description: kind === 'approve' ? t('submission.approveHelp') : undefined,
      run: async (note) => {
        try {
          await (kind === 'approve' ? workflowApi.approveSubmission(s.id, note) : workflowApi.rejectSubmission(s.id, note));
          message.success(kind === 'approve' ? t('submission.approved') : t('submission.rejected'));
          await queryClient.invalidateQueries({ queryKey: workflowKeys.submissionsAll });
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
        data-testid="submission-status"
      />
      {list.error && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      <Table<Submission>
        rowKey="id"
        data-testid="submission-table"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('submission.empty') }}
        onRow={(r) => rowTestId(`submission-row-${r.id}`)}
        columns={[
          { title: t('talent.name'), dataIndex: 'talentName', render: (v: string | null, r) => <Link to={`/talents/${r.talentId}`}>{v ?? '—'}</Link> },
          {
            title: t('submission.kind'),
            dataIndex: 'kind',
            render: (v: string) => <Tag>{v === 'certificate' ? t('submission.kind.certificate') : t('submission.kind.training')}</Tag>,
          },
          { title: t('submission.content'), key: 'payload', render: (_: unknown, r) => <SubmissionPayload s={r} /> },
          { title: t('submission.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v, false) },
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
              r.status === 'pending' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => decide(r, 'approve')} data-testid={`submission-approve-${r.id}`}>
                    {t('workbench.approve')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => decide(r, 'reject')} data-testid={`submission-reject-${r.id}`}>
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
