import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { platformRules } from './rules.ts';

const third = { xs: 24, md: 12, xl: 8 };
const quarter = { xs: 12, md: 6 };

/** 场地与设施: floor area, rooms, equipment, how it was built. */
export function SiteCard() {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const count = (name: 'roomsIndividual' | 'roomsGroup' | 'roomsActivity') => (
    <Col {...quarter}>
      <Form.Item name={name} label={t(`platform.${name}`)} rules={platformRules[name]}>
        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid={`platform-form-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card id="site" title={t('platform.section.site')} className="form-card" data-testid="platform-form-site">
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item name="floorArea" label={t('platform.floorArea')} rules={platformRules.floorArea}>
            <InputNumber min={0} max={100_000} precision={1} style={{ width: '100%' }} data-testid="platform-form-floorArea" />
          </Form.Item>
        </Col>
        {count('roomsIndividual')}
        {count('roomsGroup')}
        {count('roomsActivity')}
        <Col xs={24} xl={16}>
          <Form.Item name="equipment" label={t('platform.equipment')} rules={platformRules.equipment}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="platform-form-equipment" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="constructionSource" label={t('platform.constructionSource')}>
            <Select allowClear options={labels.options('constructionSource')} data-testid="platform-form-constructionSource" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 服务与开放: services, hours, contact, and whether the public finder shows it. */
export function ServiceCard() {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  return (
    <Card id="service" title={t('platform.section.service')} className="form-card" data-testid="platform-form-service">
      <Form.Item name="services" label={t('platform.services')} rules={platformRules.services}>
        <Checkbox.Group options={labels.options('service')} data-testid="platform-form-services" />
      </Form.Item>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="openingHours" label={t('platform.openingHours')} rules={platformRules.openingHours}>
            <Input maxLength={100} placeholder={t('platform.openingHoursPlaceholder')} data-testid="platform-form-openingHours" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="contactName" label={t('platform.contactName')} rules={platformRules.contactName}>
            <Input maxLength={32} data-testid="platform-form-contactName" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="contactPhone" label={t('platform.contactPhone')} rules={platformRules.contactPhone}>
            <Input maxLength={20} data-testid="platform-form-contactPhone" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('platform.isPublic')} extra={<Typography.Text type="secondary">{t('platform.isPublicHelp')}</Typography.Text>}>
            <Form.Item name="isPublic" valuePropName="checked" noStyle>
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="platform-form-isPublic" />
            </Form.Item>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
