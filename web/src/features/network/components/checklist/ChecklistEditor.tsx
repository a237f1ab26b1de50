import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Space, Tooltip } from 'antd';
import { checklistItemSchema } from '../../../../../../domain/network/checklist.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { zodItemRule } from '../../../../shared/zod-rules.ts';

export interface ChecklistFormValues {
  items: { key?: string; name?: string; description?: string }[];
}

/** The province's item list as a Form.List: key, name, description; add, remove and reorder. */
export function ChecklistEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance<ChecklistFormValues>();
  const rule = (i: number, field: string) => [zodItemRule(checklistItemSchema, () => form.getFieldValue(['items', i]), field)];
  const uniqueKey = (i: number) => ({
    validator: async (_r: unknown, value: string) => {
      const items = (form.getFieldValue('items') ?? []) as ChecklistFormValues['items'];
      if (value && items.some((it, j) => j < i && it?.key?.trim() === value.trim())) throw new Error('项目代码重复');
    },
  });
  return (
    <Form.List name="items">
      {(fields, { add, remove, move }) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="checklist-items">
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`#${i + 1}`}
              data-testid={`checklist-item-${i}`}
              extra={
                <Space size={0}>
                  <Tooltip title={t('checklist.moveUp')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('checklist.moveUp')}
                      data-testid={`checklist-up-${i}`}
                    />
                  </Tooltip>
                  <Tooltip title={t('checklist.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('checklist.moveDown')}
                      data-testid={`checklist-down-${i}`}
                    />
                  </Tooltip>
                  <Tooltip title={t('checklist.remove')}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 1}
                      onClick={() => remove(f.name)}
                      aria-label={t('checklist.remove')}
                      data-testid={`checklist-remove-${i}`}
                    />
                  </Tooltip>
                </Space>
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[f.name, 'key']}
                    label={t('checklist.key')}
                    tooltip={t('checklist.keyHelp')}
                    required
                    rules={[...rule(f.name, 'key'), uniqueKey(f.name)]}
                  >
                    <Input maxLength={24} className="mono" data-testid={`checklist-key-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'name']} label={t('checklist.name')} required rules={rule(f.name, 'name')}>
                    <Input maxLength={20} data-testid={`checklist-name-${i}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[f.name, 'description']} label={t('checklist.description')} rules={rule(f.name, 'description')}>
                    <Input maxLength={200} data-testid={`checklist-description-${i}`} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= 12}
            onClick={() => add({ key: '', name: '', description: '' })}
            data-testid="checklist-add"
          >
            {t('checklist.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
