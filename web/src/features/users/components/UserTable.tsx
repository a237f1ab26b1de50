import { Button, Empty, Space, Table, type TableColumnsType, type TablePaginationConfig, Tag, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { ROLE_DEFINITIONS, type Role } from '../../../../../domain/auth/roles.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { SessionUser } from '../../auth/api/auth.api.ts';
import type { User, UserQuery, UserSort } from '../api/users.api.ts';

interface UserTableProps {
  me: SessionUser;
  canManage: boolean;
  query: UserQuery;
  filtered: boolean;
  items: User[] | undefined;
  total: number;
  loading: boolean;
  onChange: (patch: Partial<UserQuery>) => void;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleStatus: (user: User) => void;
  onCreate: () => void;
}

const SORTABLE: Record<string, UserSort> = { username: 'username', createdAt: 'created_at', lastLoginAt: 'last_login_at' };

export function UserTable(props: UserTableProps) {
  const { me, canManage, query, filtered, items, total, loading, onChange, onEdit, onResetPassword, onToggleStatus, onCreate } = props;
  const { t } = useI18n();
  const labels = useLabels();
  const myRank = ROLE_DEFINITIONS[me.role as Role]?.rank ?? 0;
  const sortOrder = (field: UserSort) => (query.sort === field ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableColumnsType<User> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: sortOrder('username'),
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.role'), dataIndex: 'role', render: (v: string, r) => labels.role(v, r.roleName) },
    {
      title: t('user.region'),
      dataIndex: 'regionName',
      render: (v: string | null, r) => (
        <>
          <Tooltip title={<span className="mono">{r.regionCode}</span>}>{v ?? r.regionCode}</Tooltip>
          {r.boundEntityName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.boundEntityName}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      render: (v: User['status'], r) => (
        <Space size={[4, 4]} wrap>
          {v === 'active' ? <Tag color="success">{t('user.status.active')}</Tag> : <Tag color="error">{t('user.status.disabled')}</Tag>}
          {r.locked && <Tag color="warning">{t('user.status.locked')}</Tag>}
          {r.mustChangePassword && <Tag color="processing">{t('user.status.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder('last_login_at'),
      render: (v: string | null) => (v ? formatDateTime(v, false) : <Typography.Text type="secondary">{t('user.neverLoggedIn')}</Typography.Text>),
    },
    {
      title: t('user.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrder('created_at'),
      render: (v: string) => formatDateTime(v, false),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 190,
            render: (_: unknown, r: User) => {
              const self = r.id === me.id;
              const above = (ROLE_DEFINITIONS[r.role as Role]?.rank ?? 0) > myRank;
              if (above) return <Typography.Text type="secondary">{t('user.higherRole')}</Typography.Text>;
              return (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`user-edit-${r.username}`}>
                    {t('common.edit')}
                  </Button>
                  {!self && (
                    <Button type="link" size="small" onClick={() => onResetPassword(r)} data-testid={`user-reset-password-${r.username}`}>
                      {t('user.resetPassword')}
                    </Button>
                  )}
                  {!self && (
                    <Button
                      type="link"
                      size="small"
                      danger={r.status === 'active'}
                      onClick={() => onToggleStatus(r)}
                      data-testid={`user-toggle-status-${r.username}`}
                    >
                      {r.status === 'active' ? t('user.disable') : t('user.enable')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<User> | SorterResult<User>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? SORTABLE[String(s.field)] : undefined;
    const pageSize = p.pageSize ?? query.pageSize;
    onChange({
      page: pageSize !== query.pageSize || field !== query.sort ? 1 : (p.current ?? 1),
      pageSize,
      sort: field,
      order: field ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
    });
  };

  return (
    <Table<User>
      rowKey="id"
      data-testid="user-table"
      loading={loading}
      dataSource={items}
      columns={columns}
      onChange={onTableChange}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('table.total', { total: n }),
      }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('user.emptyFiltered') : canManage ? t('user.emptyCanCreate') : t('user.empty')}>
            {!filtered && canManage && (
              <Button type="primary" onClick={onCreate}>
                {t('user.create')}
              </Button>
            )}
          </Empty>
        ),
      }}
    />
  );
}
