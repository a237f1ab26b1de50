import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, type FormListFieldData, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface FormListCardProps {
  /** The list's field name (certificates, trainings …). */
  name: string;
  /** Anchor id of the card. */
  anchor: string;
  title: string;
  addLabel: string;
  newItem: () => object;
  max: number;
  /** The row's fields (a Row of Form.Items named [field.name, 'x']). */
  renderRow: (field: FormListFieldData) => ReactNode;
  /** Fields of the record shown above the list (e.g. 职称 beside 学历). */
  children?: ReactNode;
  /** A heading between those fields and the rows. */
  listTitle?: string;
  /** The card's data-testid is `${testIdPrefix}-${anchor}` (talent-form-…, platform-form-…). */
  testIdPrefix: string;
  /** What an empty list says. */
  emptyText: string;
  /** Label of each row's delete button. */
  removeLabel: string;
}

/**
 * A form card holding one of the record's lists (a 人才's certificates, a 阵地's honours …) as a Form.List:
 * numbered rows, a delete button per row, 添加 below (off at `max`). Row test ids are `${name}-row-${i}`,
 * `${name}-remove-${i}` and `${name}-add`.
 */
export function FormListCard(props: FormListCardProps) {
  const { name, anchor, title, addLabel, newItem, max, renderRow, children, listTitle, testIdPrefix, emptyText, removeLabel } = props;
  return (
    <Card id={anchor} title={title} className="form-card" data-testid={`${testIdPrefix}-${anchor}`}>
      {children}
      {listTitle && <Typography.Title level={5}>{listTitle}</Typography.Title>}
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ margin: '8px 0' }} />}
            {fields.map((field, i) => (
              <div className="form-list-row" key={field.key} data-testid={`${name}-row-${i}`}>
                <div className="form-list-row-head">
                  <Typography.Text type="secondary">#{i + 1}</Typography.Text>
                  <Tooltip title={removeLabel}>
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={removeLabel}
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
