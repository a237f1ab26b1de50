import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { useLabels } from '../../../i18n/labels.ts';
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
  useEffect(() => {
    form.setFieldsValue({ q: value.q, role: value.role, status: value.status, regionCode: value.regionCode });
  }, [form, value.q, value.role, value.status, value.regionCode]);

  return (
    <Card className="query-card">
      <Form<UserFilters>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '72px' }}
        onFinish={(v) => onSearch({ q: v.q?.trim() || undefined, role: v.role, status: v.status, regionCode: v.regionCode })}
        data-testid="user-query-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="regionCode" label={t('user.region')}>
              <RegionSelect placeholder={t('common.all')} data-testid="user-filter-region" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input allowClear placeholder={t('user.keywordPlaceholder')} data-testid="user-filter-keyword" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="role" label={t('user.role')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                loading={roles.isPending}
                options={(roles.data ?? []).map((r) => ({ value: r.role, label: labels.role(r.role, r.name) }))}
                data-testid="user-filter-role"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="status" label={t('user.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={[
                  { value: 'active', label: t('user.status.active') },
                  { value: 'disabled', label: t('user.status.disabled') },
                ]}
                data-testid="user-filter-status"
              />
            </Form.Item>
          </Col>
          <Col span={24} className="query-actions">
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
              data-testid="user-filter-reset"
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="user-filter-submit">
              {t('common.search')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
