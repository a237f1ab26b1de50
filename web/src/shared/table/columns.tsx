import { Button, Space, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Link } from 'react-router';
import type { TFunction } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';

interface RowActionsOptions<R> {
  t: TFunction;
  canManage: boolean;
  /** The record's page; 编辑 goes to `${path}/edit`. */
  path: (r: R) => string;
  /** Test ids are `${testId}-view-${id}`, `${testId}-edit-${id}`, `${testId}-delete-${id}`. */
  testId: string;
  onDelete: (r: R) => void;
}

/** The 操作 column of the list tables: 查看 for everyone, 编辑 and 删除 (asks first, see useConfirmDelete) for managers. */
export function rowActionsColumn<R extends { id: string }>({ t, canManage, path, testId, onDelete }: RowActionsOptions<R>): ColumnType<R> {
  return {
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    width: canManage ? 150 : 70,
    render: (_: unknown, r) => (
      <Space size={0}>
        <Link to={path(r)}>
          <Button type="link" size="small" data-testid={`${testId}-view-${r.id}`}>
            {t('common.view')}
          </Button>
        </Link>
        {canManage && (
          <Link to={`${path(r)}/edit`}>
            <Button type="link" size="small" data-testid={`${testId}-edit-${r.id}`}>
              {t('common.edit')}
            </Button>
          </Link>
        )}
        {canManage && (
          <Button type="link" size="small" danger onClick={() => onDelete(r)} data-testid={`${testId}-delete-${r.id}`}>
            {t('common.delete')}
          </Button>
        )}
      </Space>
    ),
  };
}

/** The region column: the division's name, its 12-digit code on hover (or the code alone when the name is missing). */
export function regionColumn<R extends { regionCode: string; regionName?: string | null }>(title: string, sortable: object): ColumnType<R> {
  return {
    title,
    dataIndex: 'regionName',
    ...sortable,
    render: (v: string | null | undefined, r) => <Tooltip title={<span className="mono">{r.regionCode}</span>}>{v || r.regionCode}</Tooltip>,
  };
}

/** The first column: the record's name, a link to its page (`${testId}-link-${id}`), kept in view when scrolling. */
export function nameLinkColumn<R extends { id: string }>(title: string, sortable: object, path: (r: R) => string, testId: string): ColumnType<R> {
  return {
    title,
    dataIndex: 'name',
    fixed: 'left',
    ...sortable,
    render: (v: string, r) => (
      <Link to={path(r)} data-testid={`${testId}-link-${r.id}`}>
        {v}
      </Link>
    ),
  };
}

/** 更新时间 to the minute. */
export function updatedAtColumn<R>(title: string, sortable: object): ColumnType<R> {
  return { title, dataIndex: 'updatedAt', ...sortable, render: (v: string) => formatDateTime(v, false) };
}
