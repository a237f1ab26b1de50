import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isRegionCode, levelOf, PREFIX_LENGTH, type RegionLevel, regionPrefix } from '../../../../../domain/standards/region-code.ts';
import { applyFieldErrors } from '../../../api/form-errors.ts';
import { type MessageKey, useI18n } from '../../../i18n/index.ts';
import { DESIGNATION_KEYS, URBAN_RURAL_CODES, useLabels } from '../../../i18n/labels.ts';
import { useNotifyError } from '../../../shared/errors.ts';
import { type Region, type RegionPatch, regionsApi } from '../api/regions.api.ts';

interface FormValues {
  code?: string;
  name: string;
  population?: number | null;
  urbanRuralClass?: string | null;
  designations?: string[];
  validFrom?: Dayjs;
}

export type RegionDrawerState = { mode: 'create'; parent: Region } | { mode: 'edit'; region: Region } | null;

const SEGMENT_HINT: Partial<Record<number, MessageKey>> = { 4: 'region.segmentHint.4', 5: 'region.segmentHint.5' };

/** Where the new code's own digits go: the parent's prefix before, zeros after. */
function codeShape(parent: Region) {
  const childLevel = (parent.level + 1) as RegionLevel;
  const prefix = parent.level === 0 ? '' : regionPrefix(parent.code);
  const segmentLength = PREFIX_LENGTH[childLevel] - prefix.length;
  const suffix = '0'.repeat(12 - PREFIX_LENGTH[childLevel]);
  return { childLevel, prefix, segmentLength, suffix };
}

const groupDigits = (v: string | number | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Drawer form to add a division under `parent` or edit one (name, population, urban-rural class, designations). */
export function RegionFormDrawer({ state, onClose, onSaved }: { state: RegionDrawerState; onClose: () => void; onSaved: (region: Region) => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const segment = Form.useWatch('code', form);

  const shape = state?.mode === 'create' ? codeShape(state.parent) : null;
  const fullCode = shape && segment ? `${shape.prefix}${segment}${shape.suffix}` : null;

  const save = useMutation({
    mutationFn: async (v: FormValues): Promise<Region | null> => {
      if (!state) return null;
      if (state.mode === 'create' && shape) {
        return regionsApi.create({
          code: `${shape.prefix}${v.code}${shape.suffix}`,
          name: v.name.trim(),
          population: v.population ?? null,
          urbanRuralClass: v.urbanRuralClass ?? null,
          designations: v.designations ?? [],
          validFrom: v.validFrom?.format('YYYY-MM-DD'),
        });
      }
      if (state.mode !== 'edit') return null;
      const r = state.region;
      const patch: RegionPatch = {};
      if (v.name.trim() !== r.name) patch.name = v.name.trim();
      if ((v.population ?? null) !== r.population) patch.population = v.population ?? null;
      if ((v.urbanRuralClass ?? null) !== r.urbanRuralClass) patch.urbanRuralClass = v.urbanRuralClass ?? null;
      const designations = [...(v.designations ?? [])].sort();
      if (designations.join() !== [...r.designations].sort().join()) patch.designations = designations;
      if (!Object.keys(patch).length) return r;
      return regionsApi.update(r.code, patch);
    },
    onSuccess: (region) => {
      if (!region || !state) return;
      message.success(state.mode === 'create' ? t('region.created', { name: region.name }) : t('common.saved'));
      onSaved(region);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      notifyError(err);
    },
  });

  const initialValues: FormValues | undefined =
    state?.mode === 'edit'
      ? {
          name: state.region.name,
          population: state.region.population,
          urbanRuralClass: state.region.urbanRuralClass,
          designations: state.region.designations,
        }
      : { name: '', designations: [], validFrom: dayjs() };

  const title =
    state?.mode === 'create' ? t('region.addChildOf', { name: state.parent.name }) : state ? t('region.editTitle', { name: state.region.name }) : '';
  const hintKey = shape ? SEGMENT_HINT[shape.childLevel] : undefined;

  return (
    <Drawer
      title={title}
      open={!!state}
      onClose={onClose}
      size={520}
      destroyOnHidden
      data-testid="region-form-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="region-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {state && (
        <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} requiredMark>
          {shape && state.mode === 'create' && (
            <Form.Item
              label={t('region.code')}
              required
              extra={
                <div>
                  {fullCode && isRegionCode(fullCode) && levelOf(fullCode) === shape.childLevel
                    ? t('region.codePreview', { code: fullCode, level: labels.level(shape.childLevel) })
                    : t('region.codeHelp', { n: shape.segmentLength, level: labels.level(shape.childLevel) })}
                  {hintKey && <div>{t(hintKey)}</div>}
                </div>
              }
            >
              <Space.Compact style={{ width: '100%' }}>
                {shape.prefix && <Space.Addon className="mono">{shape.prefix}</Space.Addon>}
                <Form.Item
                  name="code"
                  noStyle
                  rules={[
                    { required: true, message: t('region.codeRequired', { n: shape.segmentLength }) },
                    {
                      validator: async (_r, v: string | undefined) => {
                        if (!v) return;
                        if (!new RegExp(`^\\d{${shape.segmentLength}}$`).test(v) || /^0+$/.test(v)) {
                          throw new Error(t('region.codeRequired', { n: shape.segmentLength }));
                        }
                        const code = `${shape.prefix}${v}${shape.suffix}`;
                        if (!isRegionCode(code) || levelOf(code) !== shape.childLevel) throw new Error(t('region.codeInvalid'));
                      },
                    },
                  ]}
                >
                  <Input
                    className="mono"
                    maxLength={shape.segmentLength}
                    placeholder={`${'0'.repeat(shape.segmentLength - 1)}1`}
                    data-testid="region-form-code"
                  />
                </Form.Item>
                {shape.suffix && <Space.Addon className="mono">{shape.suffix}</Space.Addon>}
              </Space.Compact>
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label={t('region.name')}
            rules={[
              { required: true, whitespace: true, message: t('region.nameRequired') },
              { max: 50, message: t('region.nameTooLong') },
            ]}
          >
            <Input maxLength={50} showCount data-testid="region-form-name" />
          </Form.Item>
          <Form.Item name="population" label={t('region.population')} extra={t('region.populationHelp')}>
            <InputNumber<number>
              min={0}
              max={2_000_000_000}
              precision={0}
              style={{ width: '100%' }}
              formatter={groupDigits}
              parser={(v) => Number((v ?? '').replace(/,/g, ''))}
              suffix={t('unit.personsShort')}
              data-testid="region-form-population"
            />
          </Form.Item>
          <Form.Item name="urbanRuralClass" label={t('region.urbanRuralClass')} extra={t('region.urbanRuralHelp')}>
            <Select allowClear options={URBAN_RURAL_CODES.map((c) => ({ value: c, label: labels.urbanRural(c) }))} data-testid="region-form-urban-rural" />
          </Form.Item>
          <Form.Item name="designations" label={t('region.designations')}>
            <Select
              mode="multiple"
              allowClear
              options={DESIGNATION_KEYS.map((k) => ({ value: k, label: labels.designation(k) }))}
              data-testid="region-form-designations"
            />
          </Form.Item>
          {state.mode === 'create' && (
            <Form.Item name="validFrom" label={t('region.validFrom')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowClear={false} />
            </Form.Item>
          )}
        </Form>
      )}
    </Drawer>
  );
}
