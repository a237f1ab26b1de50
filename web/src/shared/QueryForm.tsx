import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormInstance, Row } from 'antd';
import { Children, type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.ts';

export interface QueryFormProps<T extends object> {
  form: FormInstance<T>;
  /** The filters in force (from the URL or page state); the form shows them whenever they change. */
  value: T;
  /** The region selector: always the first field (UI.md). */
  region: ReactNode;
  /** Further fields shown at all times (each a Form.Item). */
  fields?: ReactNode;
  /** Fields behind 展开 / 收起. */
  more?: ReactNode;
  /** Raw form values on 查询; {} on 重置. */
  onSearch: (values: T) => void;
  /** Start expanded (e.g. when a hidden filter is in force). */
  defaultExpanded?: boolean;
  labelWidth?: number;
  /** data-testid of the form; the buttons get `${testIdPrefix}-submit`, `-reset`, `-toggle`. */
  testId: string;
  testIdPrefix: string;
}

const col = (node: ReactNode, i: number, hidden = false) => (
  // Hidden fields stay mounted so their values still go with 查询.
  <Col xs={24} md={12} xl={6} key={i} style={hidden ? { display: 'none' } : undefined}>
    {node}
  </Col>
);

/**
 * The query form of every list page: a card with the region selector first, the other filters in a
 * responsive grid, 展开/收起 for the rarer ones, and 重置 / 查询 on the right.
 */
export function QueryForm<T extends object>({
  form,
  value,
  region,
  fields,
  more,
  onSearch,
  defaultExpanded = false,
  labelWidth = 72,
  testId,
  testIdPrefix,
}: QueryFormProps<T>) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(defaultExpanded);
  // Follow the value by content, not identity: callers may build a fresh object on each render.
  const valueKey = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: valueKey stands for value.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, valueKey]);

  const moreItems = Children.toArray(more);
  return (
    <Card className="query-card">
      <Form<T> form={form} layout="horizontal" labelCol={{ flex: `${labelWidth}px` }} labelWrap onFinish={onSearch} data-testid={testId}>
        <Row gutter={16}>
          {col(region, -1)}
          {Children.toArray(fields).map((n, i) => col(n, i))}
          {moreItems.map((n, i) => col(n, 100 + i, !expanded))}
          <Col flex="auto" className="query-actions">
            {moreItems.length > 0 && (
              <Button
                type="link"
                onClick={() => setExpanded((e) => !e)}
                icon={expanded ? <UpOutlined /> : <DownOutlined />}
                iconPlacement="end"
                data-testid={`${testIdPrefix}-toggle`}
              >
                {expanded ? t('common.collapse') : t('common.expand')}
              </Button>
            )}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch({} as T);
              }}
              data-testid={`${testIdPrefix}-reset`}
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testIdPrefix}-submit`}>
              {t('common.search')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
