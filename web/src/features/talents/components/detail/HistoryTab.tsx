import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { type TalentListName, useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { useErrorText } from '../../../../shared/errors.ts';
import type { ChangeValueFormatter } from '../../../audit/components/ChangesTable.tsx';
import { historyColumns, historyExpandable } from '../../../audit/components/history-table.tsx';
import { talentKeys, talentsApi } from '../../api/talents.api.ts';

/** Fields the history stores as codes, and the list that names them. */
const CODED: Record<string, TalentListName> = { titleLevel: 'titleLevel', teachingSubject: 'teachingSubject', status: 'status' };

/** 变更历史: the record's audit entries (from before a transfer too), each with 修改前 → 修改后. */
export function HistoryTab({ talentId }: { talentId: string }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const errorText = useErrorText();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const history = useQuery({
    queryKey: talentKeys.history(talentId, paging.page, paging.pageSize),
    queryFn: () => talentsApi.history(talentId, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const format: ChangeValueFormatter = (field, v) => (CODED[field] && typeof v === 'string' ? labels.name(CODED[field], v) : undefined);

  if (history.error) return <Alert type="error" showIcon title={errorText(history.error)} />;
  return (
    <Table
      rowKey="id"
      size="small"
      data-testid="talent-history"
      loading={history.isFetching}
      dataSource={history.data?.items}
      scroll={{ x: 'max-content' }}
      columns={[
        ...historyColumns(t),
        {
          title: t('talent.history.fields'),
          key: 'fields',
          render: (_: unknown, r) =>
            r.changes ? (
              <Typography.Text type="secondary">
                {Object.keys(r.changes).length > 0 ? t('talent.history.changedCount', { n: Object.keys(r.changes).length }) : '—'}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
      expandable={historyExpandable(t, format, 'talentField')}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: history.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('table.total', { total: n }),
        onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
      }}
    />
  );
}
