import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../../api/client.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import { useDebounced } from '../../../../shared/useDebounced.ts';
import { TierTag } from '../../../talents/components/TalentTags.tsx';
import { coverageKeys } from '../../api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../api/platforms.api.ts';
import type { PlatformDetail, PlatformStaff } from '../../api/types.ts';

interface TalentHit {
  id: string;
  name: string;
  tier: string;
  regionName: string | null;
  idNumberMasked: string;
}

/** A talent in the user's scope, searched by name (/talents?q=). */
function TalentPicker({ exclude, onPick }: { exclude: Set<string>; onPick: (t: TalentHit) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const hits = useQuery({
    queryKey: ['talents', 'pick', q],
    queryFn: () => api.get<{ items: TalentHit[] }>('/talents', { query: { q, page: 1, pageSize: 20 } }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const items = hits.data?.items ?? [];
  return (
    <Select<string>
      style={{ width: 320, maxWidth: '100%' }}
      value={null}
      placeholder={t('platform.staff.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onChange={(id) => {
        const hit = items.find((h) => h.id === id);
        if (hit) onPick(hit);
        setSearch('');
      }}
      options={items.map((h) => ({
        value: h.id,
        disabled: exclude.has(h.id),
        label: `${h.name} · ${h.idNumberMasked}${h.regionName ? ` · ${h.regionName}` : ''}`,
      }))}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : q ? t('common.noData') : null}
      data-testid="platform-staff-search"
    />
  );
}

/** 人员: linked talents with tier, post, full-time and since; add by name, remove, save as a whole. */
export function StaffTab({ platform, canManage }: { platform: PlatformDetail; canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<PlatformStaff[]>(() => platform.staff.map((s) => ({ ...s })));
  const [saving, setSaving] = useState(false);
  const set = (id: string, patch: Partial<PlatformStaff>) => setRows((rs) => rs.map((r) => (r.talentId === id ? { ...r, ...patch } : r)));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await platformsApi.putStaff(
        platform.id,
        rows.map((r) => ({ talentId: r.talentId, post: r.post.trim(), fullTime: r.fullTime, since: r.since })),
      );
      queryClient.setQueryData(platformKeys.detail(platform.id), saved);
      setRows(saved.staff.map((s) => ({ ...s })));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: platformKeys.all, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
      ]);
      message.success(t('platform.staff.saved'));
    } catch (err) {
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="platform-staff">
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          {t('platform.staff.summary', { fullTime: platform.staffFullTime, partTime: platform.staffPartTime, certified: platform.staffCertified })}
        </Typography.Text>
        {canManage && (
          <TalentPicker
            exclude={new Set(rows.map((r) => r.talentId))}
            onPick={(h) => setRows((rs) => [...rs, { talentId: h.id, name: h.name, tier: h.tier, post: '', fullTime: true, since: null }])}
          />
        )}
      </Space>
      <Table<PlatformStaff>
        size="small"
        rowKey="talentId"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.staff.empty')} /> }}
        columns={[
          { title: t('platform.staff.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/talents/${r.talentId}`}>{v}</Link> },
          { title: t('platform.staff.tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
          {
            title: t('platform.staff.post'),
            dataIndex: 'post',
            render: (v: string, r) => (
              <Input
                value={v}
                maxLength={64}
                disabled={!canManage}
                style={{ minWidth: 140 }}
                onChange={(e) => set(r.talentId, { post: e.target.value })}
                data-testid={`staff-post-${r.talentId}`}
              />
            ),
          },
          {
            title: t('platform.staff.fullTime'),
            dataIndex: 'fullTime',
            render: (v: boolean, r) => (
              <Switch checked={v} disabled={!canManage} onChange={(on) => set(r.talentId, { fullTime: on })} data-testid={`staff-fulltime-${r.talentId}`} />
            ),
          },
          {
            title: t('platform.staff.since'),
            dataIndex: 'since',
            width: 160,
            render: (v: string | null, r) => <DateStringPicker value={v} disabled={!canManage} onChange={(d) => set(r.talentId, { since: d })} />,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: PlatformStaff) => (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => setRows((rs) => rs.filter((x) => x.talentId !== r.talentId))}
                      aria-label={t('common.delete')}
                      data-testid={`staff-remove-${r.talentId}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <div className="form-footer" style={{ marginTop: 16 }}>
          <Button type="primary" loading={saving} onClick={save} data-testid="platform-staff-save">
            {t('platform.staff.save')}
          </Button>
        </div>
      )}
    </div>
  );
}
