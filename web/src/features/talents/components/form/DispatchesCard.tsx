import { Col, Form, Row, Select } from 'antd';
import { dispatchSchema } from '../../../../../../domain/talents/talent.schema.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { RegionSelect } from '../../../regions/components/RegionSelect.tsx';
import { ListCard } from './ListCard.tsx';
import { rowRule } from './rules.ts';

const col = { xs: 24, sm: 12, xl: 6 };

/** 选派: program (三区计划, 牵手计划 …), from and to regions, dates. */
export function DispatchesCard() {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const form = Form.useFormInstance();
  const rule = (i: number, f: string) => rowRule(form, 'dispatches', dispatchSchema, i, f);
  return (
    <ListCard
      name="dispatches"
      anchor="dispatches"
      title={t('talent.section.dispatches')}
      addLabel={t('talent.form.addDispatch')}
      max={30}
      newItem={() => ({ program: undefined, fromRegion: null, toRegion: null, startDate: null, endDate: null })}
      renderRow={(f) => (
        <Row gutter={16}>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'program']} label={t('talent.dispatch.program')} required rules={rule(f.name, 'program')}>
              <Select options={labels.options('program')} data-testid={`dispatches-${f.name}-program`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={6}>
            <Form.Item name={[f.name, 'fromRegion']} label={t('talent.dispatch.from')} rules={rule(f.name, 'fromRegion')}>
              <RegionSelect allowCode minLevel={1} placeholder={t('talent.form.regionOrCode')} />
            </Form.Item>
          </Col>
          <Col {...col} xl={6}>
            <Form.Item name={[f.name, 'toRegion']} label={t('talent.dispatch.to')} rules={rule(f.name, 'toRegion')}>
              <RegionSelect allowCode minLevel={1} placeholder={t('talent.form.regionOrCode')} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item name={[f.name, 'startDate']} label={t('talent.dispatch.start')} required rules={rule(f.name, 'startDate')}>
              <DateStringPicker data-testid={`dispatches-${f.name}-start`} />
            </Form.Item>
          </Col>
          <Col {...col} xl={4}>
            <Form.Item
              name={[f.name, 'endDate']}
              label={t('talent.dispatch.end')}
              dependencies={[['dispatches', f.name, 'startDate']]}
              rules={rule(f.name, 'endDate')}
            >
              <DateStringPicker />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}
