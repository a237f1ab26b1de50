import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { type ImportConfig, type ImportRowError, importApi, importKeys } from './import.api.ts';

/** 行号 / 列 / 错误说明, a page at a time. */
export function ImportErrorsTable({ config, jobId }: { config: ImportConfig; jobId: string }) {
  const { t } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const errors = useQuery({
    queryKey: importKeys.errors(config.kind, jobId, paging.page, paging.pageSize),
    queryFn: () => importApi(config).errors(jobId, paging.page, paging.pageSize),
  });
  return (
    <Table<ImportRowError>
      size="small"
      data-testid="import-errors"
      rowKey={(r) => `${r.rowNumber}-${r.column}-${r.message}`}
      loading={errors.isFetching}
      dataSource={errors.data?.items}
      columns={[
        { title: t('import.rowNumber'), dataIndex: 'rowNumber', width: 80 },
        { title: t('import.column'), dataIndex: 'column', width: 140 },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: errors.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('table.total', { total: n }),
        size: 'small',
        onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
      }}
    />
  );
}
