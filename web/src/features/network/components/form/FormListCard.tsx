import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, type FormListFieldData, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../i18n/index.ts';

interface FormListCardProps {
  name: 'honours' | 'funding';
  anchor: string;
  title: string;
  addLabel: string;
  newItem: () => object;
  max: number;
  renderRow: (field: FormListFieldData) => ReactNode;
  /** Fields of the record above the list. */
  children?: ReactNode;
}

/** A card holding one of the platform's lists as a Form.List: numbered rows, delete per row, 添加 below. */
export function FormListCard({ name, anchor, title, addLabel, newItem, max, renderRow, children }: FormListCardProps) {
  const { t } = useI18n();
  return (
    <Card id={anchor} title={title} className="form-card" data-testid={`platform-form-${anchor}`}>
      {children}
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.form.noRows')} style={{ margin: '8px 0' }} />}
            {fields.map((field, i) => (
              <div className="form-list-row" key={field.key} data-testid={`${name}-row-${i}`}>
                <div className="form-list-row-head">
                  <Typography.Text type="secondary">#{i + 1}</Typography.Text>
                  <Tooltip title={t('platform.form.removeRow')}>
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('platform.form.removeRow')}
                      data-testid={`${name}-remove-${i}`}
                    />
                  </Tooltip>
                </div>
                {renderRow(field)}
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= max} onClick={() => add(newItem())} data-testid={`${name}-add`}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
