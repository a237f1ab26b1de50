import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { type GroupListItem, type GroupQuery, groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupQueryForm } from '../../features/groups/components/GroupQueryForm.tsx';
import { GroupTable } from '../../features/groups/components/GroupTable.tsx';
import { useGroupImportConfig } from '../../features/groups/group-import.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { filtersOf } from '../../shared/list/list-query.ts';
import { useListQuery } from '../../shared/list/useListQuery.ts';
import { useConfirmDelete } from '../../shared/useConfirmDelete.ts';

const SPEC = { text: ['regionCode', 'kind', 'registration', 'incubatorId', 'q', 'status'], sorts: ['name', 'region_code', 'members', 'updated_at'] } as const;

/** 社区社会组织: query form, table, 新增 and 导出 Excel. Filters live in the URL. */
export default function GroupsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = useGroupImportConfig();
  const [query, setQuery] = useListQuery<GroupQuery>(SPEC);
  const list = useQuery({ queryKey: groupKeys.list(query), queryFn: () => groupsApi.list(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: groupKeys.all });

  const remove = (g: GroupListItem) =>
    confirmDelete({
      title: t('group.deleteTitle', { name: g.name }),
      content: t('group.deleteConfirm'),
      done: t('group.deleted', { name: g.name }),
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
      queryForm={<GroupQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />}
      listTitle={t('group.list')}
      onRefresh={refresh}
      error={list.error && !list.data ? list.error : null}
    >
      <GroupTable
        query={query}
        filtered={Object.keys(filters).length > 0}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        canManage={canManage}
        platformLinks={can('network.read')}
        onChange={(p) => setQuery(p)}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/groups/new')}
      />
    </ListPage>
  );
}
