import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { trainingSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { formatDecimal } from '../../../../shared/format.ts';
import { ListCard } from './ListCard.tsx';
import { rowRule } from './rules.ts';

const col = { xs: 24, sm: 12, xl: 6 };

/** 继续教育: training date, hours, title, organizer. */
export function TrainingsCard() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<{ hours?: number | null }[] | undefined>('trainings') ?? [];
  const total = rows.reduce((s, r) => s + (Number(r?.hours) || 0), 0);
  const rule = (i: number, f: string) => rowRule(form, 'trainings', trainingSchema, i, f);
  return (
    <ListCard
      name="trainings"
      anchor="trainings"
      title={t('talent.section.trainings')}
      addLabel={t('talent.form.addTraining')}
      max={500}
      newItem={() => ({ date: null, hours: null, title: '', organizer: '' })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'date']} label={t('talent.training.date')} required rules={rule(f.name, 'date')}>
              <DateStringPicker data-testid={`trainings-${f.name}-date`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'hours']} label={t('talent.training.hours')} required rules={rule(f.name, 'hours')}>
              <InputNumber min={0} max={500} style={{ width: '100%' }} data-testid={`trainings-${f.name}-hours`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={8}>
            <Form.Item name={[f.name, 'title']} label={t('talent.training.title')} required rules={rule(f.name, 'title')}>
              <Input maxLength={100} data-testid={`trainings-${f.name}-title`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={8}>
            <Form.Item name={[f.name, 'organizer']} label={t('talent.training.organizer')} rules={rule(f.name, 'organizer')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      )}
    >
      {rows.length > 0 && (
        <Typography.Paragraph type="secondary">{t('talent.form.trainingTotal', { n: rows.length, hours: formatDecimal(total) })}</Typography.Paragraph>
      )}
    </ListCard>
  );
}
