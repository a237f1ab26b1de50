import { PlusOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Form, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { COUNTRY_CODE } from '../../../../domain/standards/region-code.ts';
import { defaultRuleSetFor, type KeyRuleSet, keyRuleSetSchema } from '../../../../domain/talents/key-talent-rules.ts';
import { applyFieldErrors } from '../../api/form-errors.ts';
import { useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { RegionSelect } from '../../features/regions/components/RegionSelect.tsx';
import { analyticsKeys } from '../../features/talents/api/analytics.api.ts';
import { talentKeys } from '../../features/talents/api/talents.api.ts';
import { workflowApi, workflowKeys } from '../../features/talents/api/workflow.api.ts';
import { newCondition } from '../../features/talents/components/rules/describe.ts';
import { RuleCard } from '../../features/talents/components/rules/RuleCard.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { formatDateTime, formatNumber } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import '../../shared/zod-locale.ts';

/** Empty major lists of 学历 conditions mean "any major": the schema wants them left out. */
function normalize(set: KeyRuleSet): KeyRuleSet {
  return {
    rules: (set.rules ?? []).map((r) => ({
      ...r,
      label: r.label?.trim() ?? '',
      conditions: (r.conditions ?? []).map((c) => (c.type === 'minEducation' && !c.majorClasses?.length ? { type: c.type, level: c.level } : c)),
    })),
  };
}

const newRuleId = () => `rule-${Date.now().toString(36)}`;

/** /talents/key-rules — the province's 重点人才 rules; saving re-decides every talent of the province. */
export default function KeyRulesPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const national = user.regionCode === COUNTRY_CODE;
  const own = user.regionPath.find((r) => r.level === 1)?.code;
  const [sp, setSp] = useSearchParams();
  const province = national ? (sp.get('province') ?? undefined) : own;
  const [form] = Form.useForm<KeyRuleSet>();
  const [saving, setSaving] = useState(false);
  const rules = useQuery({ queryKey: workflowKeys.rules(province ?? ''), queryFn: () => workflowApi.rules(province as string), enabled: !!province });

  useEffect(() => {
    if (rules.data) form.setFieldsValue(structuredClone(rules.data.ruleSet));
  }, [form, rules.data]);

  const save = async () => {
    if (!province) return;
    const body = normalize(form.getFieldsValue(true) as KeyRuleSet);
    const parsed = keyRuleSetSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      message.error(parsed.error.issues[0]?.message ?? t('talent.form.fixErrors'));
      return;
    }
    modal.confirm({
      title: t('rules.saveTitle'),
      content: t('rules.saveConfirm'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        setSaving(true);
        try {
          const res = await workflowApi.saveRules(province, parsed.data);
          queryClient.setQueryData(workflowKeys.rules(province), res);
          void queryClient.invalidateQueries({ queryKey: talentKeys.all });
          void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
          message.success(t('rules.saved', { n: formatNumber(res.recomputed ?? 0) }));
        } catch (err) {
          applyFieldErrors(form, err);
          notifyError(err);
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <PageContainer
      title={t('menu.keyRules')}
      subTitle={t('rules.subtitle')}
      extra={
        province && (
          <Space>
            <Button icon={<RollbackOutlined />} onClick={() => form.setFieldsValue(defaultRuleSetFor(province))} data-testid="rules-default">
              {t('rules.restoreDefault')}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save} disabled={!rules.data} data-testid="rules-save">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {national && (
        <Card size="small" className="query-card">
          <Space>
            <span>{t('rules.province')}</span>
            <RegionSelect
              exactLevel={1}
              value={province}
              onChange={(v) => setSp(v ? { province: v } : {})}
              style={{ width: 260 }}
              data-testid="rules-province"
            />
          </Space>
        </Card>
      )}
      {!province ? (
        <Alert type="info" showIcon title={t('rules.pickProvince')} />
      ) : rules.error ? (
        <Alert type="error" showIcon title={errorText(rules.error)} />
      ) : !rules.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            className="form-alert"
            title={t('rules.help')}
            description={
              rules.data.custom
                ? t('rules.customSince', { at: formatDateTime(rules.data.updatedAt, false), by: rules.data.updatedBy ?? '' })
                : t('rules.usingDefault')
            }
          />
          <Form<KeyRuleSet> form={form} layout="vertical" data-testid="rules-form">
            <Form.List name="rules">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <RuleCard key={f.key} name={f.name} index={i} onRemove={() => remove(f.name)} removable={fields.length > 1} />
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 20}
                    onClick={() => add({ id: newRuleId(), label: '', conditions: [newCondition('nativeOfProvince'), newCondition('minCertificate')] })}
                    data-testid="rules-add"
                  >
                    {t('rules.addRule')}
                  </Button>
                  <Typography.Text type="secondary">{t('rules.anyRule')}</Typography.Text>
                </Space>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </PageContainer>
  );
}
