import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { honourSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { ListCard } from './ListCard.tsx';
import { rowRule } from './rules.ts';

/** 表彰奖励: level, title, year. */
export function HonoursCard() {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'honours', honourSchema, i, f);
  return (
    <ListCard
      name="honours"
      anchor="honours"
      title={t('talent.section.honours')}
      addLabel={t('talent.form.addHonour')}
      max={50}
      newItem={() => ({ level: undefined, title: '', year: null })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name={[f.name, 'level']} label={t('talent.honour.level')} required rules={rule(f.name, 'level')}>
              <Select options={labels.options('honourLevel')} data-testid={`honours-${f.name}-level`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={12}>
            <Form.Item name={[f.name, 'title']} label={t('talent.honour.title')} required rules={rule(f.name, 'title')}>
              <Input maxLength={100} data-testid={`honours-${f.name}-title`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name={[f.name, 'year']} label={t('talent.honour.year')} required rules={rule(f.name, 'year')}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} data-testid={`honours-${f.name}-year`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
