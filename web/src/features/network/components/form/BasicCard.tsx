import { AimOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { PlatformKind } from '../../../../../../domain/network/code-lists.ts';
import { KIND_LEVELS } from '../../../../../../domain/network/platform-kind.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useLabels } from '../../../../i18n/labels.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { RegionSelect } from '../../../regions/components/RegionSelect.tsx';
import { AgencySelect } from '../AgencySelect.tsx';
import type { PlatformFormValues } from './form-values.ts';
import { crossRule, platformRules, regionRule } from './rules.ts';

const third = { xs: 24, md: 12, xl: 8 };

/** 基本信息: kind first (it decides the region level), name, region, address, coordinates, dates, status, operator. */
export function BasicCard({ toBody, agencyName }: { toBody: () => unknown; agencyName?: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useNetworkLabels();
  const common = useLabels();
  const form = Form.useFormInstance<PlatformFormValues>();
  const kind = Form.useWatch('kind', form) as PlatformKind | undefined;
  const mode = Form.useWatch('operatingMode', form);
  const levels = kind ? KIND_LEVELS[kind] : undefined;

  const locate = () => {
    if (!navigator.geolocation) {
      message.error(t('platform.locationUnsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        // Six decimals: about 0.1 m, more than a typed address needs.
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        form.setFieldsValue({ lng: round(pos.coords.longitude), lat: round(pos.coords.latitude) });
        void form.validateFields(['lng', 'lat']);
      },
      (err) => message.error(t('platform.locationFailed', { reason: err.message })),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  return (
    <Card id="basic" title={t('platform.section.basic')} className="form-card" data-testid="platform-form-basic">
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item
            name="kind"
            label={t('platform.kind')}
            required
            rules={platformRules.kind}
            extra={levels ? t('platform.form.kindHelp', { levels: levels.map((l) => common.level(l)).join(t('common.listSeparator')) }) : undefined}
          >
            <Select
              options={labels.options('kind')}
              data-testid="platform-form-kind"
              onChange={() => {
                // A region of the wrong level for the new kind is shown as such at once.
                if (form.getFieldValue('regionCode')) void form.validateFields(['regionCode']);
              }}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="name" label={t('platform.name')} required rules={platformRules.name}>
            <Input maxLength={100} data-testid="platform-form-name" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="regionCode" label={t('platform.region')} required rules={regionRule(form)} dependencies={['kind']}>
            <RegionSelect
              key={kind ?? 'none'}
              disabled={!kind}
              placeholder={kind ? undefined : t('platform.form.kindFirst')}
              minLevel={levels ? Math.min(...levels) : undefined}
              maxLevel={levels ? Math.max(...levels) : undefined}
              data-testid="platform-form-region"
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item name="address" label={t('platform.address')} rules={platformRules.address}>
            <Input maxLength={200} data-testid="platform-form-address" />
          </Form.Item>
        </Col>
        <Col xs={12} xl={4}>
          <Form.Item name="lng" label={t('platform.lng')} rules={[crossRule('lng', toBody)]} dependencies={['lat']}>
            <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} data-testid="platform-form-lng" />
          </Form.Item>
        </Col>
        <Col xs={12} xl={4}>
          <Form.Item
            name="lat"
            label={t('platform.lat')}
            rules={[crossRule('lat', toBody)]}
            dependencies={['lng']}
            extra={
              <Button type="link" size="small" icon={<AimOutlined />} onClick={locate} style={{ padding: 0 }} data-testid="platform-form-locate">
                {t('platform.useLocation')}
              </Button>
            }
          >
            <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} data-testid="platform-form-lat" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="openedOn" label={t('platform.openedOn')} rules={platformRules.openedOn}>
            <DateStringPicker data-testid="platform-form-openedOn" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="status" label={t('platform.status')} required rules={platformRules.status}>
            <Select options={labels.options('status')} data-testid="platform-form-status" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="operatingMode" label={t('platform.operatingMode')} required rules={platformRules.operatingMode}>
            <Select
              options={labels.options('operatingMode')}
              data-testid="platform-form-operatingMode"
              onChange={(v) => {
                if (v === 'self') form.setFieldValue('agencyId', null);
              }}
            />
          </Form.Item>
        </Col>
        {mode === 'agency' && (
          <Col {...third}>
            <Form.Item name="agencyId" label={t('platform.agency')} required rules={[crossRule('agencyId', toBody)]}>
              <AgencySelect knownName={agencyName} data-testid="platform-form-agency" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}
