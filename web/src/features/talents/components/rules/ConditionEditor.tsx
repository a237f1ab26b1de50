import { DeleteOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Tooltip } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { CONDITION_TYPES, type ConditionType, newCondition } from './describe.ts';

interface ConditionEditorProps {
  /** Path of the condition in the form: ['rules', i, 'conditions', j]. */
  path: (string | number)[];
  /** Name of the condition inside its Form.List. */
  name: number;
  onRemove: () => void;
  removable: boolean;
  testId: string;
}

/** One condition: its type, then the parameters that type takes. */
export function ConditionEditor({ path, name, onRemove, removable, testId }: ConditionEditorProps) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const form = Form.useFormInstance();
  const type = Form.useWatch<ConditionType | undefined>([...path, 'type'], form);

  const param = () => {
    switch (type) {
      case 'minCertificate':
        return (
          <Form.Item name={[name, 'level']} label={t('rules.param.certificate')}>
            <Select options={labels.options('certificateLevel')} />
          </Form.Item>
        );
      case 'minTitle':
        return (
          <Form.Item name={[name, 'level']} label={t('rules.param.title')}>
            <Select options={labels.options('titleLevel', ['none'])} />
          </Form.Item>
        );
      case 'teaches':
        return (
          <Form.Item name={[name, 'subjects']} label={t('rules.param.subjects')}>
            <Select mode="multiple" options={labels.options('teachingSubject', ['none'])} />
          </Form.Item>
        );
      case 'degree':
        return (
          <Row gutter={8}>
            <Col span={10}>
              <Form.Item name={[name, 'degree']} label={t('rules.param.degree')}>
                <Select options={labels.options('degree', ['none'])} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name={[name, 'majorClasses']} label={t('rules.param.majors')}>
                <Select mode="multiple" options={labels.options('majorClass')} />
              </Form.Item>
            </Col>
          </Row>
        );
      case 'minEducation':
        return (
          <Row gutter={8}>
            <Col span={10}>
              <Form.Item name={[name, 'level']} label={t('rules.param.education')}>
                <Select options={labels.options('education', ['unknown'])} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name={[name, 'majorClasses']} label={t('rules.param.majorsOptional')}>
                <Select mode="multiple" allowClear options={labels.options('majorClass')} />
              </Form.Item>
            </Col>
          </Row>
        );
      default:
        return null;
    }
  };

  return (
    <Row gutter={8} align="top" className="rule-condition" data-testid={testId}>
      <Col xs={24} md={8}>
        <Form.Item name={[name, 'type']} label={t('rules.conditionType')}>
          <Select
            options={CONDITION_TYPES.map((c) => ({ value: c, label: t(`rules.type.${c}`) }))}
            onChange={(v: ConditionType) => form.setFieldValue(path, newCondition(v))}
            data-testid={`${testId}-type`}
          />
        </Form.Item>
      </Col>
      <Col xs={22} md={15}>
        {param()}
      </Col>
      <Col xs={2} md={1}>
        <Tooltip title={t('rules.removeCondition')}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={!removable}
            onClick={onRemove}
            style={{ marginTop: 30 }}
            aria-label={t('rules.removeCondition')}
            data-testid={`${testId}-remove`}
          />
        </Tooltip>
      </Col>
    </Row>
  );
}
