import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import { coverageKeys } from '../../api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../api/platforms.api.ts';
import type { PlatformCheck, PlatformDetail } from '../../api/types.ts';

/** 规范化检查: the province's items with 达标 switch, evidence and date; saving re-decides 规范化. */
export function ChecksTab({ platform, canManage }: { platform: PlatformDetail; canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<PlatformCheck[]>(() => platform.checks.map((c) => ({ ...c })));
  const [saving, setSaving] = useState(false);
  const set = (key: string, patch: Partial<PlatformCheck>) => setRows((rs) => rs.map((r) => (r.itemKey === key ? { ...r, ...patch } : r)));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await platformsApi.putChecks(
        platform.id,
        rows.map((r) => ({ itemKey: r.itemKey, met: r.met, evidence: r.evidence.trim(), checkedOn: r.checkedOn })),
      );
      queryClient.setQueryData(platformKeys.detail(platform.id), saved);
      setRows(saved.checks.map((c) => ({ ...c })));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: platformKeys.all, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
      ]);
      message.success(t('platform.checks.saved'));
    } catch (err) {
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  const met = rows.filter((r) => r.met).length;
  return (
    <div data-testid="platform-checks">
      {platform.standard ? (
        <Alert
          type="success"
          showIcon
          title={t('platform.standard')}
          description={t('platform.checks.progress', { met: platform.checksMet, total: platform.checksTotal })}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('platform.lacking', { items: platform.lacking.map((l) => l.name).join(t('common.listSeparator')) })}
          description={t('platform.checks.progress', { met: platform.checksMet, total: platform.checksTotal })}
          data-testid="platform-lacking"
        />
      )}
      <Table<PlatformCheck>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="itemKey"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('platform.checks.item'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <div style={{ minWidth: 160 }}>
                <div>{v}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.description}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('platform.checks.met'),
            dataIndex: 'met',
            width: 90,
            render: (v: boolean, r) => (
              <Switch
                checked={v}
                disabled={!canManage}
                onChange={(on) => set(r.itemKey, { met: on })}
                checkedChildren={t('common.yes')}
                unCheckedChildren={t('common.no')}
                data-testid={`check-met-${r.itemKey}`}
              />
            ),
          },
          {
            title: t('platform.checks.evidence'),
            dataIndex: 'evidence',
            render: (v: string, r) => (
              <Input
                value={v}
                maxLength={500}
                disabled={!canManage}
                style={{ minWidth: 220 }}
                onChange={(e) => set(r.itemKey, { evidence: e.target.value })}
                data-testid={`check-evidence-${r.itemKey}`}
              />
            ),
          },
          {
            title: t('platform.checks.checkedOn'),
            dataIndex: 'checkedOn',
            width: 160,
            render: (v: string | null, r) => (
              <DateStringPicker value={v} disabled={!canManage} onChange={(d) => set(r.itemKey, { checkedOn: d })} data-testid={`check-date-${r.itemKey}`} />
            ),
          },
        ]}
      />
      {canManage && (
        <div className="form-footer" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" style={{ marginRight: 12 }}>
            {t('platform.checks.progress', { met, total: rows.length })}
          </Typography.Text>
          <Button type="primary" loading={saving} onClick={save} data-testid="platform-checks-save">
            {t('platform.checks.save')}
          </Button>
        </div>
      )}
    </div>
  );
}
