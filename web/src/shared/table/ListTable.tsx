import { Button, Empty, Space, Table, type TableColumnsType } from 'antd';
import type { SizeType } from 'antd/es/config-provider/SizeContext';
import { useI18n } from '../../i18n/index.ts';
import { rowTestId } from '../format.ts';
import type { ListQueryBase } from '../list/list-query.ts';
import type { PagedTableState } from '../list/usePagedList.ts';
import { listPagination } from './pagination.ts';
import { type SortMap, tableChangeToQuery } from './table-sort.ts';

export interface EmptyAction {
  label: string;
  onClick?: () => void;
  primary?: boolean;
}

interface ListTableProps<R extends { id: string }, Q extends ListQueryBase> extends PagedTableState<R, Q> {
  /** Test ids are `${testId}-table`, `${testId}-row-${id}` and `${testId}-empty`. */
  testId: string;
  canManage: boolean;
  sorts: SortMap;
  columns: TableColumnsType<R>;
  /** Column keys the user hid (TableSettings); tables without settings leave it out. */
  hidden?: ReadonlySet<string>;
  size?: SizeType;
  /** Instead of "共 N 条", e.g. when the server capped the count. */
  totalText?: (n: number) => string;
  /** What an empty list says: nothing matches the filters / nothing yet (managers, offered `actions`) / nothing yet. */
  empty: { filtered: string; canAdd: string; none: string; actions: EmptyAction[] };
}

/**
 * A server-paged, server-sorted list table whose page, size and sort live in the URL query (usePagedList);
 * the list tables spread their page's props into it and add their columns.
 */
export function ListTable<R extends { id: string }, Q extends ListQueryBase>(props: ListTableProps<R, Q>) {
  const { testId, canManage, query, filtered, sorts, columns, items, total, loading, hidden, size, totalText, onChange, empty } = props;
  const { t } = useI18n();
  return (
    <Table<R>
      rowKey="id"
      data-testid={`${testId}-table`}
      size={size}
      loading={loading}
      dataSource={items}
      columns={hidden ? columns.filter((c) => !hidden.has(String(c.key))) : columns}
      onChange={(p, _f, sorter) => onChange(tableChangeToQuery(query, sorts, p, sorter))}
      onRow={(r) => rowTestId(`${testId}-row-${r.id}`)}
      scroll={{ x: 'max-content' }}
      pagination={listPagination(query, total, totalText ?? ((n) => t('table.total', { total: n })))}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? empty.filtered : canManage ? empty.canAdd : empty.none}
            data-testid={`${testId}-empty`}
          >
            {!filtered && canManage && (
              <Space>
                {empty.actions.map((a) => (
                  <Button key={a.label} type={a.primary ? 'primary' : undefined} onClick={a.onClick}>
                    {a.label}
                  </Button>
                ))}
              </Space>
            )}
          </Empty>
        ),
      }}
    />
  );
}
