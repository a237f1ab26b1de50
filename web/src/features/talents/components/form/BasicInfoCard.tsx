import { Card, Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { RegionSelect } from '../../../regions/components/RegionSelect.tsx';
import { NativePlaceSelect } from '../NativePlaceSelect.tsx';
import { type IdentityFieldsProps, IdNumberField, PhoneField } from './IdentityFields.tsx';
import { talentRules } from './rules.ts';

const half = { xs: 24, md: 12, xl: 8 };

/** 基本信息: identity, origin, contact, work region, categories, fields, roles, status. */
export function BasicInfoCard(identity: IdentityFieldsProps) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  return (
    <Card id="basic" title={t('talent.section.basic')} className="form-card" data-testid="talent-form-basic">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label={t('talent.name')} required rules={talentRules.name}>
            <Input maxLength={32} data-testid="talent-form-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <IdNumberField {...identity} />
        </Col>
        <Col {...half}>
          <Form.Item name="ethnicity" label={t('talent.ethnicity')} required rules={talentRules.ethnicity}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={labels.options('ethnicity')} data-testid="talent-form-ethnicity" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="nativePlace" label={t('talent.nativePlace')} rules={talentRules.nativePlace} extra={t('talent.form.nativePlaceHelp')}>
            <NativePlaceSelect data-testid="talent-form-nativePlace" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="regionCode" label={t('talent.workRegion')} required rules={talentRules.regionCode} extra={t('talent.form.regionHelp')}>
            <RegionSelect minLevel={3} data-testid="talent-form-region" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <PhoneField {...identity} />
        </Col>
        <Col {...half}>
          <Form.Item name="partyMember" label={t('talent.partyMember')} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="talent-form-party" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="categories" label={t('talent.category')} required rules={talentRules.categories}>
            <Checkbox.Group options={labels.options('category')} data-testid="talent-form-categories" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="fields" label={t('talent.field')} rules={talentRules.fields}>
            <Select mode="multiple" allowClear options={labels.options('field')} data-testid="talent-form-fields" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="roles" label={t('talent.role')} rules={talentRules.roles}>
            <Select mode="multiple" allowClear options={labels.options('role')} data-testid="talent-form-roles" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="status" label={t('talent.status')} required rules={talentRules.status}>
            <Select options={labels.options('status')} data-testid="talent-form-status" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
