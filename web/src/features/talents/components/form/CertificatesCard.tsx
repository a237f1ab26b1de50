import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { certificateSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { ListCard } from './ListCard.tsx';
import { rowRule, uniqueCertificateRule } from './rules.ts';

const col = { xs: 24, sm: 12, xl: 6 };

/** 证书: level, number, year obtained, registration and re-registration dates. */
export function CertificatesCard() {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'certificates', certificateSchema, i, f);
  return (
    <ListCard
      name="certificates"
      anchor="certificates"
      title={t('talent.section.certificates')}
      addLabel={t('talent.form.addCertificate')}
      max={10}
      newItem={() => ({ level: undefined, certificateNo: '', obtainedYear: null, registeredOn: null, reregisteredOn: null })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name={[f.name, 'level']} label={t('talent.cert.level')} required rules={rule(f.name, 'level')}>
              <Select options={labels.options('certificateLevel')} data-testid={`certificates-${f.name}-level`} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name={[f.name, 'certificateNo']}
              label={t('talent.cert.no')}
              required
              rules={[...rule(f.name, 'certificateNo'), uniqueCertificateRule(form, f.name)]}
            >
              <Input maxLength={40} data-testid={`certificates-${f.name}-no`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'obtainedYear']} label={t('talent.cert.year')} required rules={rule(f.name, 'obtainedYear')}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} data-testid={`certificates-${f.name}-year`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'registeredOn']} label={t('talent.cert.registeredOn')} rules={rule(f.name, 'registeredOn')}>
              <DateStringPicker />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'reregisteredOn']} label={t('talent.cert.reregisteredOn')} rules={rule(f.name, 'reregisteredOn')}>
              <DateStringPicker />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
