import { Col, Form, Input, Row, Switch } from 'antd';
import { employmentSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { ListCard } from './ListCard.tsx';
import { rowRule, talentRules } from './rules.ts';

const col = { xs: 24, sm: 12, xl: 6 };

/** 工作: the current employer and post, then the employment history. */
export function WorkCard() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'employments', employmentSchema, i, f);
  return (
    <ListCard
      name="employments"
      anchor="work"
      title={t('talent.section.work')}
      addLabel={t('talent.form.addEmployment')}
      max={30}
      listTitle={t('talent.work.history')}
      newItem={() => ({ employer: '', post: '', professionalPost: false, startDate: null, endDate: null })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name={[f.name, 'employer']} label={t('talent.employer')} required rules={rule(f.name, 'employer')}>
              <Input maxLength={100} data-testid={`employments-${f.name}-employer`} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={[f.name, 'post']} label={t('talent.post')} rules={rule(f.name, 'post')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'startDate']} label={t('talent.work.start')} rules={rule(f.name, 'startDate')}>
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item
              name={[f.name, 'endDate']}
              label={t('talent.work.end')}
              dependencies={[['employments', f.name, 'startDate']]}
              rules={rule(f.name, 'endDate')}
            >
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'professionalPost']} label={t('talent.professionalPost')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        </Row>
      )}
    >
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="employer" label={t('talent.employer')} rules={talentRules.employer}>
            <Input maxLength={100} data-testid="talent-form-employer" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="post" label={t('talent.post')} rules={talentRules.post}>
            <Input maxLength={64} data-testid="talent-form-post" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="employmentStart" label={t('talent.employmentStart')} rules={talentRules.employmentStart}>
            <DateStringPicker data-testid="talent-form-employmentStart" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="professionalPost" label={t('talent.professionalPost')} valuePropName="checked" tooltip={t('talent.form.professionalPostHelp')}>
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="talent-form-professionalPost" />
          </Form.Item>
        </Col>
      </Row>
    </ListCard>
  );
}
