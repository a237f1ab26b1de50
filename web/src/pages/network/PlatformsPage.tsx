import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { type PlatformQuery, platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import type { PlatformListItem } from '../../features/network/api/types.ts';
import { PlatformExportButton } from '../../features/network/components/PlatformExportButton.tsx';
import { PlatformQueryForm } from '../../features/network/components/PlatformQueryForm.tsx';
import { PlatformTable } from '../../features/network/components/PlatformTable.tsx';
import { PLATFORM_QUERY_SPEC } from '../../features/network/hooks/platform-query-spec.ts';
import { usePlatformImportConfig } from '../../features/network/hooks/usePlatformImportConfig.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { filtersOf } from '../../shared/list/list-query.ts';
import { useListQuery } from '../../shared/list/useListQuery.ts';
import { useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** 阵地列表: the query form, the table and its toolbar (新增, 批量导入, 导出 Excel). Filters live in the URL. */
export default function PlatformsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [query, setQuery] = useListQuery<PlatformQuery>(PLATFORM_QUERY_SPEC);
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = usePlatformImportConfig();

  const list = useQuery({ queryKey: platformKeys.list(query), queryFn: () => platformsApi.list(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: platformKeys.all });

  const remove = (r: PlatformListItem) =>
    confirmDelete({
      title: t('platform.deleteTitle', { name: r.name }),
      // The list does not carry the photo count; the detail is one request away and the warning should be exact.
      content: <DeleteWarning id={r.id} />,
      done: t('platform.deleted', { name: r.name }),
      remove: () => platformsApi.remove(r.id),
      after: () => {
        queryClient.removeQueries({ queryKey: platformKeys.detail(r.id) });
        return Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: coverageKeys.all })]);
      },
    });

  return (
    <ListPage
      title={t('menu.platforms')}
      testId="platform"
      canManage={canManage}
      create={{ to: '/network/platforms/new', label: t('platform.create') }}
      importing={{ label: t('platform.import'), config: importConfig, open: importOpen, onOpenChange: setImportOpen }}
      exportButton={<PlatformExportButton filters={filters} total={list.data?.total ?? 0} />}
      queryForm={<PlatformQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />}
      listTitle={t('platform.list')}
      onRefresh={refresh}
      error={list.error && !list.data ? list.error : null}
    >
      <PlatformTable
        query={query}
        filtered={Object.keys(filters).length > 0}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        canManage={canManage}
        onChange={(p) => setQuery(p)}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/network/platforms/new')}
      />
    </ListPage>
  );
}

/** What deleting a platform takes with it, with its real photo count. */
function DeleteWarning({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useQuery({ queryKey: platformKeys.detail(id), queryFn: () => platformsApi.get(id) });
  return <span data-testid="platform-delete-warning">{t('platform.deleteConfirm', { photos: detail.data ? detail.data.photos.length : '…' })}</span>;
}
