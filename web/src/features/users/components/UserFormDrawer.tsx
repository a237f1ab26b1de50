import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { levelOf } from '../../../../../domain/standards/region-code.ts';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import { scopeRootOf, useCurrentUser } from '../../auth/hooks/useSession.ts';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import { type NewUser, type User, usersApi } from '../api/users.api.ts';
import { useRoles } from '../hooks/useRoles.ts';
import { AgencySelect } from './AgencySelect.tsx';

/** The role whose account acts for one agency (domain/auth/roles.ts: boundTo 'agency'). */
const AGENCY_BOUND_ROLE = 'agency_admin';

export type UserDrawerState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

interface FormValues {
  username?: string;
  displayName: string;
  role?: string;
  regionCode?: string;
  /** The agency of a role bound to one (社工机构管理员). */
  boundEntityId?: string;
}

interface UserFormDrawerProps {
  state: UserDrawerState;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string) => void;
  onUpdated: (user: User) => void;
}

/** 新增 / 编辑 用户: the role decides which level the region must have, and the region picker follows. */
export function UserFormDrawer({ state, onClose, onCreated, onUpdated }: UserFormDrawerProps) {
  const { t } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const root = scopeRootOf(me);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const roles = useRoles();
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form);
  const roleInfo = roles.data?.find((r) => r.role === role);
  const requiredLevel = roleInfo?.regionLevel ?? undefined;
  const editingSelf = state?.mode === 'edit' && state.user.id === me.id;
  // Roles bound to an agency act for one agency: the form asks which (the API requires it).
  const needsAgency = role === AGENCY_BOUND_ROLE;

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      if (state?.mode === 'create') {
        const body: NewUser = {
          username: (v.username ?? '').trim(),
          displayName: v.displayName.trim(),
          role: v.role ?? '',
          regionCode: v.regionCode ?? '',
          ...(v.role === AGENCY_BOUND_ROLE ? { boundEntityId: v.boundEntityId ?? null } : {}),
        };
        return { kind: 'create' as const, res: await usersApi.create(body) };
      }
      if (state?.mode !== 'edit') throw new Error('no user');
      const u = state.user;
      const patch: Partial<Omit<NewUser, 'username'>> = {};
      if (v.displayName.trim() !== u.displayName) patch.displayName = v.displayName.trim();
      if (v.role && v.role !== u.role) patch.role = v.role;
      if (v.regionCode && v.regionCode !== u.regionCode) patch.regionCode = v.regionCode;
      if ((v.role ?? u.role) === AGENCY_BOUND_ROLE && v.boundEntityId && v.boundEntityId !== u.boundEntityId) patch.boundEntityId = v.boundEntityId;
      return { kind: 'edit' as const, res: Object.keys(patch).length ? await usersApi.update(u.id, patch) : u };
    },
    onSuccess: (out) => {
      if (out.kind === 'create') onCreated(out.res.user, out.res.initialPassword);
      else {
        message.success(t('common.saved'));
        onUpdated(out.res);
      }
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });

  const roleOptions = (roles.data ?? [])
    .filter((r) => r.assignable || (state?.mode === 'edit' && r.role === state.user.role))
    .map((r) => ({
      value: r.role,
      disabled: !r.assignable,
      label: (
        <Space size={6}>
          <span>{labels.role(r.role, r.name)}</span>
          {r.regionLevel !== null && <Typography.Text type="secondary">({labels.level(r.regionLevel)})</Typography.Text>}
        </Space>
      ),
    }));

  const onRoleChange = (next: string) => {
    const info = roles.data?.find((r) => r.role === next);
    const level = info?.regionLevel;
    const current = form.getFieldValue('regionCode') as string | undefined;
    if (level === null || level === undefined) return;
    if (level === root.level) form.setFieldValue('regionCode', root.code);
    else if (current && levelOf(current) !== level) form.setFieldValue('regionCode', undefined);
  };

  const initialValues: FormValues =
    state?.mode === 'edit'
      ? {
          displayName: state.user.displayName,
          role: state.user.role,
          regionCode: state.user.regionCode,
          boundEntityId: state.user.role === AGENCY_BOUND_ROLE ? (state.user.boundEntityId ?? undefined) : undefined,
        }
      : { displayName: '' };

  return (
    <Drawer
      title={state?.mode === 'edit' ? t('user.editTitle', { name: state.user.displayName }) : t('user.create')}
      open={!!state}
      onClose={onClose}
      size={520}
      destroyOnHidden
      data-testid="user-form-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-form-submit">
            {state?.mode === 'create' ? t('user.createSubmit') : t('common.save')}
          </Button>
        </Space>
      }
    >
      {state && (
        <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} requiredMark>
          {state.mode === 'create' ? (
            <Form.Item
              name="username"
              label={t('user.username')}
              extra={t('user.usernameHelp')}
              rules={[
                { required: true, whitespace: true, message: t('user.usernameRequired') },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, message: t('user.usernameFormat') },
              ]}
            >
              <Input maxLength={32} autoComplete="off" data-testid="user-form-username" />
            </Form.Item>
          ) : (
            <Form.Item label={t('user.username')}>
              <Input value={state.user.username} disabled />
            </Form.Item>
          )}
          <Form.Item
            name="displayName"
            label={t('user.displayName')}
            rules={[
              { required: true, whitespace: true, message: t('user.displayNameRequired') },
              { max: 32, message: t('user.displayNameTooLong') },
            ]}
          >
            <Input maxLength={32} data-testid="user-form-displayName" />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('user.role')}
            rules={[{ required: true, message: t('user.roleRequired') }]}
            extra={editingSelf ? t('user.selfRoleFixed') : undefined}
          >
            <Select options={roleOptions} loading={roles.isPending} onChange={onRoleChange} disabled={editingSelf} data-testid="user-form-role" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('user.region')}
            rules={[{ required: true, message: t('user.regionRequired') }]}
            extra={
              role === undefined
                ? t('user.regionPickRoleFirst')
                : requiredLevel !== undefined
                  ? t('user.regionLevelRule', { role: labels.role(role, roleInfo?.name), level: labels.level(requiredLevel) })
                  : t('user.regionAnyLevel')
            }
          >
            <RegionSelect exactLevel={requiredLevel} disabled={role === undefined || editingSelf} data-testid="user-form-region" />
          </Form.Item>
          {needsAgency && (
            <Form.Item
              name="boundEntityId"
              label={t('user.boundAgency')}
              rules={[{ required: true, message: t('user.boundAgencyRequired') }]}
              extra={t('user.boundAgencyHelp')}
            >
              <AgencySelect currentName={state.mode === 'edit' ? state.user.boundEntityName : null} disabled={editingSelf} data-testid="user-form-agency" />
            </Form.Item>
          )}
        </Form>
      )}
    </Drawer>
  );
}
