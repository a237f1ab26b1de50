import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Card, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { type User, type UserQuery, type UserSort, userKeys, usersApi } from '../../features/users/api/users.api.ts';
import { type OneTimePassword, OneTimePasswordModal } from '../../features/users/components/OneTimePasswordModal.tsx';
import { type UserDrawerState, UserFormDrawer } from '../../features/users/components/UserFormDrawer.tsx';
import { type UserFilters, UserQueryForm } from '../../features/users/components/UserQueryForm.tsx';
import { UserTable } from '../../features/users/components/UserTable.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

const PAGE_SIZES = [10, 20, 50, 100];
const SORTS: UserSort[] = ['username', 'created_at', 'last_login_at', 'region_code'];

/** The query lives in the address (?q=&role=&page=…), so reload and back keep it. */
function readQuery(sp: URLSearchParams): UserQuery {
  const pageSize = Number(sp.get('pageSize'));
  const sort = sp.get('sort') as UserSort | null;
  const status = sp.get('status');
  return {
    q: sp.get('q') || undefined,
    role: sp.get('role') || undefined,
    status: status === 'active' || status === 'disabled' ? status : undefined,
    regionCode: sp.get('regionCode') || undefined,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    order: sp.get('order') === 'asc' ? 'asc' : sp.get('order') === 'desc' ? 'desc' : undefined,
    page: Math.max(1, Number(sp.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

function writeQuery(q: UserQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) sp.set(k, String(v));
  return sp;
}

export default function UsersPage() {
  const me = useCurrentUser();
  const can = useCan();
  const canManage = can('user.manage');
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readQuery(searchParams), [searchParams]);
  const [drawer, setDrawer] = useState<UserDrawerState>(null);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);

  const list = useQuery({ queryKey: userKeys.list(query), queryFn: () => usersApi.list(query), placeholderData: keepPreviousData });
  const setQuery = (patch: Partial<UserQuery>) => setSearchParams(writeQuery({ ...query, ...patch }));
  const filters: UserFilters = { q: query.q, role: query.role, status: query.status, regionCode: query.regionCode };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.all });

  const resetPassword = (u: User) =>
    modal.confirm({
      title: t('user.resetConfirmTitle', { name: u.displayName }),
      content: t('user.resetConfirm'),
      okText: t('user.resetPassword'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        try {
          const res = await usersApi.resetPassword(u.id);
          setOtp({ username: u.username, displayName: u.displayName, password: res.password, kind: 'reset' });
          void refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  const toggleStatus = (u: User) => {
    const disabling = u.status === 'active';
    modal.confirm({
      title: disabling ? t('user.disableConfirmTitle', { name: u.displayName }) : t('user.enableConfirmTitle', { name: u.displayName }),
      content: disabling ? t('user.disableConfirm') : t('user.enableConfirm'),
      okText: disabling ? t('user.disable') : t('user.enable'),
      okButtonProps: { danger: disabling, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await (disabling ? usersApi.disable(u.id) : usersApi.enable(u.id));
          message.success(disabling ? t('user.disabled', { name: u.displayName }) : t('user.enabled', { name: u.displayName }));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });
  };

  return (
    <PageContainer
      title={t('menu.users')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="new-user-button">
            {t('user.create')}
          </Button>
        )
      }
    >
      <UserQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 })} />
      <Card
        title={t('user.list')}
        extra={
          <Tooltip title={t('common.refresh')}>
            <Button type="text" icon={<ReloadOutlined />} onClick={() => refresh()} aria-label={t('common.refresh')} data-testid="user-refresh" />
          </Tooltip>
        }
      >
        {list.error && !list.data ? (
          <div role="alert">{errorText(list.error)}</div>
        ) : (
          <UserTable
            me={me}
            canManage={canManage}
            query={query}
            filtered={filtered}
            items={list.data?.items}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            onChange={setQuery}
            onEdit={(u) => setDrawer({ mode: 'edit', user: u })}
            onResetPassword={resetPassword}
            onToggleStatus={toggleStatus}
            onCreate={() => setDrawer({ mode: 'create' })}
          />
        )}
      </Card>
      <UserFormDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onCreated={(user, initialPassword) => {
          setDrawer(null);
          setOtp({ username: user.username, displayName: user.displayName, password: initialPassword, kind: 'initial' });
          void refresh();
        }}
        onUpdated={() => {
          setDrawer(null);
          void refresh();
        }}
      />
      <OneTimePasswordModal value={otp} onClose={() => setOtp(null)} />
    </PageContainer>
  );
}
