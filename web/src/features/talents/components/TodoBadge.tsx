import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/index.ts';
import { workflowApi, workflowKeys } from '../api/workflow.api.ts';

/** The header's to-do count: transfer requests awaiting my decision plus pending self-submissions. */
export function TodoBadge() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const todo = useQuery({
    queryKey: workflowKeys.todo,
    queryFn: async () => {
      const [transfers, submissions] = await Promise.all([workflowApi.transfers('to_decide', 'pending', 1, 10), workflowApi.submissions('pending', 1, 10)]);
      return { transfers: transfers.total, submissions: submissions.total };
    },
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const n = (todo.data?.transfers ?? 0) + (todo.data?.submissions ?? 0);
  const tab = todo.data && todo.data.transfers === 0 && todo.data.submissions > 0 ? '?tab=submissions' : '';
  return (
    <Tooltip title={todo.data ? t('todo.summary', { transfers: todo.data.transfers, submissions: todo.data.submissions }) : t('todo.title')}>
      <Button type="text" className="header-todo" onClick={() => navigate(`/talents/workbench${tab}`)} aria-label={t('todo.title')} data-testid="header-todo">
        <Badge count={n} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
