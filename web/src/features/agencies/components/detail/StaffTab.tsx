import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Space, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/index.ts';
import { DateStringPicker } from '../../../../shared/DateStringPicker.tsx';
import { useNotifyError } from '../../../../shared/errors.ts';
import { formatDate } from '../../../../shared/format.ts';
import { TierTag } from '../../../talents/components/TalentTags.tsx';
import { agenciesApi, agencyKeys } from '../../api/agencies.api.ts';
import type { AgencyDetail, LinkedStaff } from '../../api/types.ts';
import { AddOwnStaffModal } from './AddOwnStaffModal.tsx';
import { TalentSearchSelect } from './TalentSearchSelect.tsx';

type Row = Omit<LinkedStaff, 'tier'> & { tier: string | null };

/**
 * 人员: the talents working for the agency. 编辑 turns the table into a draft (add by searching the
 * registry, change post / full-time / since, remove); 保存 replaces the whole list (PUT staff).
 * `own` (本机构, an agency administrator): no registry search and no talent pages — people are added
 * one at a time by ID number and name (添加人员), the draft edits and removes the current ones.
 */
export function StaffTab({ agency, canEdit, own = false }: { agency: AgencyDetail; canEdit: boolean; own?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState(false);
  const rows = draft ?? agency.staff;
  const patch = (id: string, p: Partial<Row>) => setDraft((d) => (d ?? []).map((r) => (r.talentId === id ? { ...r, ...p } : r)));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const staff = draft.map((r) => ({ talentId: r.talentId, post: r.post.trim(), fullTime: r.fullTime, since: r.since }));
      const saved = own ? await agenciesApi.setMyStaff(staff) : await agenciesApi.setStaff(agency.id, staff);
      queryClient.setQueryData(own ? agencyKeys.mine : agencyKeys.detail(agency.id), saved);
      await queryClient.invalidateQueries({ queryKey: agencyKeys.all, refetchType: 'none' });
      message.success(t('common.saved'));
      setDraft(null);
    } catch (err) {
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('agency.staff.name'),
      dataIndex: 'name',
      render: (v: string, r) => (draft || own ? v : <Link to={`/talents/${r.talentId}`}>{v}</Link>),
    },
    { title: t('agency.staff.tier'), dataIndex: 'tier', render: (v: string | null) => (v ? <TierTag tier={v} /> : '—') },
    {
      title: t('agency.staff.post'),
      dataIndex: 'post',
      render: (v: string, r) =>
        draft ? (
          <Input value={v} maxLength={64} onChange={(e) => patch(r.talentId, { post: e.target.value })} data-testid={`agency-staff-post-${r.talentId}`} />
        ) : (
          v || '—'
        ),
    },
    {
      title: t('agency.staff.fullTime'),
      dataIndex: 'fullTime',
      render: (v: boolean, r) =>
        draft ? (
          <Switch
            checked={v}
            onChange={(c) => patch(r.talentId, { fullTime: c })}
            checkedChildren={t('agency.staff.fullTimeYes')}
            unCheckedChildren={t('agency.staff.fullTimeNo')}
          />
        ) : v ? (
          t('agency.staff.fullTimeYes')
        ) : (
          t('agency.staff.fullTimeNo')
        ),
    },
    {
      title: t('agency.staff.since'),
      dataIndex: 'since',
      render: (v: string | null, r) => (draft ? <DateStringPicker value={v} onChange={(d) => patch(r.talentId, { since: d })} /> : formatDate(v) || '—'),
    },
    ...(draft
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: Row) => (
              <Button
                type="link"
                danger
                icon={<DeleteOutlined />}
                onClick={() => setDraft((d) => (d ?? []).filter((x) => x.talentId !== r.talentId))}
                data-testid={`agency-staff-remove-${r.talentId}`}
              >
                {t('agency.staff.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Space wrap>
          {draft ? (
            <>
              {!own && (
                <TalentSearchSelect
                  exclude={new Set(draft.map((r) => r.talentId))}
                  onPick={(p) => setDraft((d) => [...(d ?? []), { talentId: p.id, name: p.name, tier: null, post: '', fullTime: true, since: null }])}
                />
              )}
              <Button onClick={() => setDraft(null)} data-testid="agency-staff-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="primary" loading={saving} onClick={save} data-testid="agency-staff-save">
                {t('common.save')}
              </Button>
            </>
          ) : (
            <>
              {own && (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="own-staff-add">
                  {t('agency.staff.add')}
                </Button>
              )}
              <Button
                icon={<EditOutlined />}
                onClick={() => setDraft(agency.staff)}
                disabled={own && agency.staff.length === 0}
                data-testid="agency-staff-edit"
              >
                {t('agency.staff.edit')}
              </Button>
            </>
          )}
        </Space>
      )}
      {own && <AddOwnStaffModal open={adding} onClose={() => setAdding(false)} />}
      <Table<Row>
        rowKey="talentId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="agency-staff-table"
        locale={{ emptyText: t(own ? 'agency.staff.emptyOwn' : 'agency.staff.empty') }}
      />
    </Space>
  );
}
