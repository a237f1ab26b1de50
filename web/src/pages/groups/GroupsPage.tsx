import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { type GroupListItem, groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupQueryForm } from '../../features/groups/components/GroupQueryForm.tsx';
import { GroupTable } from '../../features/groups/components/GroupTable.tsx';
import { useGroupImportConfig } from '../../features/groups/group-import.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { usePagedList } from '../../shared/list/usePagedList.ts';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

const SPEC = { text: ['regionCode', 'kind', 'registration', 'incubatorId', 'q', 'status'], sorts: ['name', 'region_code', 'members', 'updated_at'] } as const;

/** 社区社会组织: query form, table, 新增 and 导出 Excel. Filters live in the URL. */
export default function GroupsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = useGroupImportConfig();
  const { list, filters, refresh, table, error, search } = usePagedList({ spec: SPEC, keys: groupKeys, fetch: groupsApi.list });

  const remove = (g: GroupListItem) =>
    confirmDelete({
      ...deleteTexts(t, 'group', g.name),
      remove: () => groupsApi.remove(g.id),
      after: refresh,
    });

  return (
    <ListPage
      title={t('menu.groups')}
      testId="group"
      canManage={canManage}
      create={{ to: '/groups/new', label: t('group.create') }}
      importing={{ label: t('org.import'), config: importConfig, open: importOpen, onOpenChange: setImportOpen }}
      exportButton={
        <ExportButton
          path="/community-groups/export.xlsx"
          filters={filters}
          total={list.data?.total ?? 0}
          baseName={t('group.exportFileName')}
          testId="group-export"
        />
      }
      queryForm={<GroupQueryForm value={filters} onSearch={search} />}
      listTitle={t('group.list')}
      onRefresh={refresh}
      error={error}
    >
      <GroupTable
        {...table}
        canManage={canManage}
        platformLinks={can('network.read')}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/groups/new')}
      />
    </ListPage>
  );
}
