import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { educationSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { ListCard } from './ListCard.tsx';
import { rowRule, talentRules } from './rules.ts';

const col = { xs: 24, sm: 12, xl: 8 };
const narrow = { xs: 24, sm: 12, xl: 4 };

/** 学历与职称: the education list, then professional title and teaching subject. */
export function EducationCard() {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'educations', educationSchema, i, f);
  return (
    <ListCard
      name="educations"
      anchor="educations"
      title={t('talent.section.education')}
      addLabel={t('talent.form.addEducation')}
      max={10}
      listTitle={t('talent.edu.list')}
      newItem={() => ({ level: undefined, school: '', majorClass: undefined, major: '', graduationYear: null, degree: 'none' })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col {...narrow}>
            <Form.Item name={[f.name, 'level']} label={t('talent.edu.level')} required rules={rule(f.name, 'level')}>
              <Select options={labels.options('education', ['unknown'])} data-testid={`educations-${f.name}-level`} />
            </Form.Item>
          </Col>
          <Col {...narrow} xl={6}>
            <Form.Item name={[f.name, 'school']} label={t('talent.edu.school')} rules={rule(f.name, 'school')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...narrow}>
            <Form.Item name={[f.name, 'majorClass']} label={t('talent.edu.majorClass')} required rules={rule(f.name, 'majorClass')}>
              <Select options={labels.options('majorClass')} data-testid={`educations-${f.name}-majorClass`} />
            </Form.Item>
          </Col>
          <Col {...narrow}>
            <Form.Item name={[f.name, 'major']} label={t('talent.edu.major')} rules={rule(f.name, 'major')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...narrow} xl={3}>
            <Form.Item name={[f.name, 'graduationYear']} label={t('talent.edu.year')} rules={rule(f.name, 'graduationYear')}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...narrow} xl={3}>
            <Form.Item name={[f.name, 'degree']} label={t('talent.edu.degree')} rules={rule(f.name, 'degree')}>
              <Select options={labels.options('degree')} />
            </Form.Item>
          </Col>
        </Row>
      )}
    >
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="titleLevel" label={t('talent.titleLevel')} rules={talentRules.titleLevel}>
            <Select options={labels.options('titleLevel')} data-testid="talent-form-titleLevel" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="titleName" label={t('talent.titleName')} rules={talentRules.titleName}>
            <Input maxLength={32} placeholder={t('talent.form.titleNamePlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="teachingSubject" label={t('talent.teachingSubject')} rules={talentRules.teachingSubject}>
            <Select options={labels.options('teachingSubject')} data-testid="talent-form-teachingSubject" />
          </Form.Item>
        </Col>
      </Row>
      <Divider style={{ margin: '4px 0 16px' }} />
    </ListCard>
  );
}
