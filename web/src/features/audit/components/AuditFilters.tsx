import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { RegionSelect } from '../../regions/components/RegionSelect.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../api/audit.api.ts';

export interface AuditFilterValues {
  regionCode?: string;
  actor?: string;
  action?: string;
  range?: [Dayjs, Dayjs] | null;
  entityType?: string;
  entityId?: string;
}

/** 地区 / 操作人 / 操作类型 / 时间范围, and behind 展开: 对象类型 / 对象编号. */
export function AuditFilters({ value, onSearch }: { value: AuditFilterValues; onSearch: (v: AuditFilterValues) => void }) {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();
  const [expanded, setExpanded] = useState(Boolean(value.entityType || value.entityId));
  useEffect(() => {
    form.setFieldsValue(value);
  }, [form, value]);

  return (
    <Card className="query-card">
      <Form<AuditFilterValues>
        form={form}
        labelCol={{ flex: '72px' }}
        onFinish={(v) => onSearch({ ...v, actor: v.actor?.trim() || undefined, entityId: v.entityId?.trim() || undefined })}
        data-testid="audit-filter-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="regionCode" label={t('audit.region')}>
              <RegionSelect placeholder={t('common.all')} data-testid="audit-filter-region" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-filter-actor" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={AUDIT_ACTIONS.map((a) => ({ value: a, label: tx(`audit.action.${a}`, a) }))}
                data-testid="audit-filter-action"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="range" label={t('audit.range')}>
              <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowEmpty={[true, true]} data-testid="audit-filter-range" />
            </Form.Item>
          </Col>
          {expanded && (
            <>
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="entityType" label={t('audit.entityType')}>
                  <Select
                    allowClear
                    placeholder={t('common.all')}
                    options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: tx(`audit.entity.${e}`, e) }))}
                    data-testid="audit-filter-entity-type"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="entityId" label={t('audit.entityId')}>
                  <Input allowClear placeholder={t('audit.entityIdPlaceholder')} data-testid="audit-filter-entity-id" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24} className="query-actions">
            <Button type="link" onClick={() => setExpanded((e) => !e)} icon={expanded ? <UpOutlined /> : <DownOutlined />} iconPlacement="end">
              {expanded ? t('common.collapse') : t('common.expand')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-submit">
              {t('common.search')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
