import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { FormListCard } from './FormListCard.tsx';
import { crossRule, platformRules, rowRule } from './rules.ts';

const third = { xs: 24, md: 12, xl: 8 };

/** 示范与荣誉: demonstration level and year, brand, honours, note. */
export function DemoCard({ toBody }: { toBody: () => unknown }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const talentLabels = useTalentLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'honours', i, f);
  return (
    <FormListCard
      name="honours"
      anchor="demo"
      title={t('platform.section.demo')}
      addLabel={t('platform.form.addHonour')}
      max={50}
      newItem={() => ({ level: undefined, title: '', year: null })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name={[f.name, 'level']} label={t('platform.form.honourLevel')} required rules={rule(f.name, 'level')}>
              <Select options={talentLabels.options('honourLevel')} data-testid={`honours-${f.name}-level`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={12}>
            <Form.Item name={[f.name, 'title']} label={t('platform.form.honourTitle')} required rules={rule(f.name, 'title')}>
              <Input maxLength={100} data-testid={`honours-${f.name}-title`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Form.Item name={[f.name, 'year']} label={t('platform.form.honourYear')} required rules={rule(f.name, 'year')}>
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid={`honours-${f.name}-year`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    >
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="demoLevel" label={t('platform.demoLevel')}>
            <Select
              allowClear
              options={labels.options('demoLevel')}
              data-testid="platform-form-demoLevel"
              onChange={() => void form.validateFields(['demoYear']).catch(() => undefined)}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="demoYear"
            label={t('platform.demoYear')}
            rules={[...platformRules.demoYear, crossRule('demoYear', toBody)]}
            dependencies={['demoLevel']}
          >
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid="platform-form-demoYear" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="brand" label={t('platform.brand')} rules={platformRules.brand}>
            <Input maxLength={64} data-testid="platform-form-brand" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="note" label={t('platform.note')} rules={platformRules.note}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="platform-form-note" />
          </Form.Item>
        </Col>
      </Row>
    </FormListCard>
  );
}

/** 资金投入: year, source, amount in 元 (sent as 分), note. */
export function FundingCard() {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'funding', i, f);
  return (
    <FormListCard
      name="funding"
      anchor="funding"
      title={t('platform.section.funding')}
      addLabel={t('platform.form.addFunding')}
      max={100}
      newItem={() => ({ year: new Date().getFullYear(), source: undefined, amountYuan: null, note: '' })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col xs={12} xl={4}>
            <Form.Item name={[f.name, 'year']} label={t('platform.form.fundingYear')} required rules={rule(f.name, 'year')}>
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid={`funding-${f.name}-year`} />
            </Form.Item>
          </Col>
          <Col xs={12} xl={6}>
            <Form.Item name={[f.name, 'source']} label={t('platform.form.fundingSource')} required rules={rule(f.name, 'source')}>
              <Select options={labels.options('fundingSource')} data-testid={`funding-${f.name}-source`} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={6}>
            <Form.Item name={[f.name, 'amountYuan']} label={t('platform.form.amountYuan')} required rules={rule(f.name, 'amountYuan')}>
              <InputNumber min={0} precision={2} step={1000} style={{ width: '100%' }} data-testid={`funding-${f.name}-amount`} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={8}>
            <Form.Item name={[f.name, 'note']} label={t('platform.form.fundingNote')} rules={rule(f.name, 'note')}>
              <Input maxLength={200} data-testid={`funding-${f.name}-note`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
