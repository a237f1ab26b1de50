import { Checkbox, Col, Form, Input, Switch } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { agencyRules } from './rules.ts';

export const half = { xs: 24, md: 12, xl: 8 };

/** The fields both the full agency form and 本机构's limited form edit. */
export function SharedAgencyFields() {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const partyOrg = Form.useWatch<boolean | undefined>('partyOrg');
  return (
    <>
      <Col {...half}>
        <Form.Item name="legalRep" label={t('agency.legalRep')} rules={agencyRules.legalRep}>
          <Input maxLength={32} data-testid="agency-form-legal-rep" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactPhone" label={t('agency.contactPhone')} rules={agencyRules.contactPhone}>
          <Input maxLength={20} data-testid="agency-form-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} xl={16}>
        <Form.Item name="address" label={t('agency.address')} rules={agencyRules.address}>
          <Input maxLength={200} data-testid="agency-form-address" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="tags" label={t('agency.tags')} rules={agencyRules.tags}>
          <Checkbox.Group options={labels.options('agencyTag')} data-testid="agency-form-tags" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="partyOrg" label={t('agency.partyOrg')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="agency-form-party" />
        </Form.Item>
      </Col>
      {partyOrg && (
        <Col {...half}>
          <Form.Item name="partyOrgOn" label={t('agency.partyOrgOn')} rules={agencyRules.partyOrgOn}>
            <DateStringPicker data-testid="agency-form-party-on" />
          </Form.Item>
        </Col>
      )}
    </>
  );
}
