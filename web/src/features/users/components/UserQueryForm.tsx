import { Form, Input, Select } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { QueryForm } from '../../../shared/QueryForm.tsx';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import type { UserQuery } from '../api/users.api.ts';
import { useRoles } from '../hooks/useRoles.ts';

export type UserFilters = Pick<UserQuery, 'q' | 'role' | 'status' | 'regionCode'>;

/** 地区 / 关键字 / 角色 / 状态 with 查询 and 重置. */
export function UserQueryForm({ value, onSearch }: { value: UserFilters; onSearch: (filters: UserFilters) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const roles = useRoles();
  const [form] = Form.useForm<UserFilters>();

  return (
    <QueryForm<UserFilters>
      form={form}
      value={value}
      testId="user-query-form"
      testIdPrefix="user-filter"
      onSearch={(v) => onSearch({ q: v.q?.trim() || undefined, role: v.role, status: v.status, regionCode: v.regionCode })}
      region={
        <Form.Item name="regionCode" label={t('user.region')}>
          <RegionSelect placeholder={t('common.all')} data-testid="user-filter-region" />
        </Form.Item>
      }
      fields={[
        <Form.Item name="q" label={t('common.keyword')} key="q">
          <Input allowClear placeholder={t('user.keywordPlaceholder')} data-testid="user-filter-keyword" />
        </Form.Item>,
        <Form.Item name="role" label={t('user.role')} key="role">
          <Select
            allowClear
            placeholder={t('common.all')}
            loading={roles.isPending}
            options={(roles.data ?? []).map((r) => ({ value: r.role, label: labels.role(r.role, r.name) }))}
            data-testid="user-filter-role"
          />
        </Form.Item>,
        <Form.Item name="status" label={t('user.status')} key="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            options={[
              { value: 'active', label: t('user.status.active') },
              { value: 'disabled', label: t('user.status.disabled') },
            ]}
            data-testid="user-filter-status"
          />
        </Form.Item>,
      ]}
    />
  );
}
