import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { checklistSetSchema, DEFAULT_CHECKLIST } from '../../../../domain/network/checklist.ts';
import { isRegionCode, levelOf } from '../../../../domain/standards/region-code.ts';
import { applyFieldErrors } from '../../api/form-errors.ts';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import { ChecklistEditor, type ChecklistFormValues } from '../../features/network/components/checklist/ChecklistEditor.tsx';
import { regionKeys, regionsApi } from '../../features/regions/api/regions.api.ts';
import { RegionSelect } from '../../features/regions/components/RegionSelect.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useLeaveGuard } from '../../shared/useLeaveGuard.ts';

/** The province of a region code ('520102…' → '520000000000'). */
const provinceOf = (code: string) => `${code.slice(0, 2)}0000000000`;

/**
 * 规范化标准 (network.rules): the province's checklist items, editable; saving re-decides every
 * platform of the province. A province administrator edits their own province; the system
 * administrator picks one (?province=).
 */
export default function ChecklistPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const root = scopeRootOf(user);
  const [sp, setSp] = useSearchParams();
  const asked = sp.get('province');
  const province = root.level >= 1 ? provinceOf(root.code) : asked && isRegionCode(asked) && levelOf(asked) === 1 ? asked : undefined;
  const [form] = Form.useForm<ChecklistFormValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const release = useLeaveGuard(dirty);

  const provinceInfo = useQuery({
    queryKey: regionKeys.detail(province ?? ''),
    queryFn: () => regionsApi.get(province as string),
    enabled: !!province,
    staleTime: 60_000,
  });
  const standard = useQuery({
    queryKey: platformKeys.checklist(province ?? ''),
    queryFn: () => platformsApi.checklist(province as string),
    enabled: !!province,
  });
  useEffect(() => {
    if (!standard.data) return;
    form.setFieldsValue({ items: standard.data.items.map((i) => ({ ...i })) });
    setDirty(false);
  }, [standard.data, form]);

  const save = async (v: ChecklistFormValues) => {
    if (!province) return;
    const items = (v.items ?? []).map((i) => ({ key: (i.key ?? '').trim(), name: (i.name ?? '').trim(), description: (i.description ?? '').trim() }));
    const parsed = checklistSetSchema.safeParse(items);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.filter((i) => i.path.length > 1).map((i) => ({ name: ['items', ...i.path] as never, errors: [i.message] })));
      message.error(parsed.error.issues[0]?.message ?? t('platform.form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = await platformsApi.saveChecklist(province, parsed.data);
      queryClient.setQueryData(platformKeys.checklist(province), saved);
      // Every platform of the province may have changed its 规范化 decision.
      await Promise.all([queryClient.invalidateQueries({ queryKey: platformKeys.all }), queryClient.invalidateQueries({ queryKey: coverageKeys.all })]);
      release();
      setDirty(false);
      message.success(t('checklist.saved', { n: saved.recomputed ?? 0 }));
    } catch (err) {
      applyFieldErrors(form, err);
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  const data = standard.data;
  return (
    <PageContainer
      title={t('checklist.title')}
      subTitle={province && data ? t('checklist.subtitle', { province: provinceInfo.data?.region.name ?? province }) : undefined}
      extra={
        root.level === 0 && (
          <div style={{ width: 240 }}>
            <RegionSelect
              exactLevel={1}
              maxLevel={1}
              value={province}
              onChange={(code) => setSp(code ? { province: code } : {})}
              placeholder={t('checklist.pickProvince')}
              data-testid="checklist-province"
            />
          </div>
        )
      }
    >
      {!province ? (
        <Alert type="info" showIcon title={t('checklist.pickProvince')} />
      ) : standard.error ? (
        <Alert type="error" showIcon title={errorText(standard.error)} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Card
          title={
            <Space size={8} wrap>
              {data.custom ? <Tag color="blue">{t('checklist.custom')}</Tag> : <Tag>{t('checklist.default')}</Tag>}
              {data.updatedAt && (
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  {t('checklist.updated', { by: data.updatedBy ?? '—', at: formatDateTime(data.updatedAt, false) })}
                </Typography.Text>
              )}
            </Space>
          }
        >
          <Form<ChecklistFormValues> form={form} layout="vertical" onFinish={save} onValuesChange={() => setDirty(true)} data-testid="checklist-form">
            <ChecklistEditor />
            <div className="form-footer" style={{ marginTop: 16 }}>
              <Space wrap>
                <Button
                  onClick={() => {
                    form.setFieldsValue({ items: DEFAULT_CHECKLIST.map((i) => ({ ...i })) });
                    setDirty(true);
                  }}
                  data-testid="checklist-default"
                >
                  {t('checklist.resetDefault')}
                </Button>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="checklist-save">
                  {t('checklist.save')}
                </Button>
              </Space>
            </div>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
