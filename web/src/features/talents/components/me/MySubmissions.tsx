import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { workflowApi, workflowKeys } from '../../api/workflow.api.ts';
import { DecisionTag } from '../workbench/DecisionTag.tsx';
import { SubmissionPayload } from '../workbench/SubmissionPayload.tsx';

/** 我的申报: each submission as a small card (readable on a phone), newest first. */
export function MySubmissions() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: workflowKeys.mySubmissions, queryFn: workflowApi.mySubmissions });
  return (
    <Card title={t('me.submissions')} data-testid="me-submissions">
      {!list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('me.noSubmissions')} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {list.data.items.map((s) => (
            <div key={s.id} className="submission-item" data-testid={`me-submission-${s.id}`}>
              <div className="submission-item-head">
                <Tag>{s.kind === 'certificate' ? t('submission.kind.certificate') : t('submission.kind.training')}</Tag>
                <DecisionTag status={s.status} />
              </div>
              <div>
                <SubmissionPayload s={s} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('me.submittedAt', { at: formatDateTime(s.submittedAt, false) })}
                {s.decisionNote ? ` · ${t('workbench.note')}：${s.decisionNote}` : ''}
              </Typography.Text>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
