import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { type KeyRule, keyRuleSchema } from '../../../../../../domain/talents/key-talent-rules.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { describeRule, newCondition } from './describe.ts';

/** One rule: its name, its conditions (all must hold), and the rule in words. */
export function RuleCard({ name, index, onRemove, removable }: { name: number; index: number; onRemove: () => void; removable: boolean }) {
  const { t, lang } = useI18n();
  const labels = useTalentLabels();
  const rule = Form.useWatch<KeyRule | undefined>(['rules', name]);
  const parsed = rule ? keyRuleSchema.safeParse(rule) : null;
  return (
    <Card
      size="small"
      className="rule-card"
      data-testid={`rules-rule-${index}`}
      title={t('rules.ruleN', { n: index + 1 })}
      extra={
        <Button type="text" danger icon={<DeleteOutlined />} disabled={!removable} onClick={onRemove} data-testid={`rules-remove-${index}`}>
          {t('rules.removeRule')}
        </Button>
      }
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'label']} label={t('rules.label')} required>
        <Input maxLength={60} showCount data-testid={`rules-label-${index}`} />
      </Form.Item>
      <Typography.Text type="secondary">{t('rules.allMustHold')}</Typography.Text>
      <Form.List name={[name, 'conditions']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, j) => (
              <ConditionEditor
                key={f.key}
                name={f.name}
                path={['rules', name, 'conditions', f.name]}
                onRemove={() => remove(f.name)}
                removable={fields.length > 1}
                testId={`rules-condition-${index}-${j}`}
              />
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              disabled={fields.length >= 6}
              onClick={() => add(newCondition('minCertificate'))}
              data-testid={`rules-add-condition-${index}`}
            >
              {t('rules.addCondition')}
            </Button>
          </>
        )}
      </Form.List>
      <div className="rule-preview" data-testid={`rules-preview-${index}`}>
        <Typography.Text type="secondary">{t('rules.preview')}</Typography.Text>
        {parsed?.success ? describeRule(parsed.data, lang, labels) : <Typography.Text type="warning">{t('rules.incomplete')}</Typography.Text>}
      </div>
    </Card>
  );
}
