import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import type { PlatformListItem } from '../../features/network/api/types.ts';
import { PlatformExportButton } from '../../features/network/components/PlatformExportButton.tsx';
import { PlatformQueryForm } from '../../features/network/components/PlatformQueryForm.tsx';
import { PlatformTable } from '../../features/network/components/PlatformTable.tsx';
import { PLATFORM_QUERY_SPEC } from '../../features/network/hooks/platform-query-spec.ts';
import { usePlatformImportConfig } from '../../features/network/hooks/usePlatformImportConfig.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { usePagedList } from '../../shared/list/usePagedList.ts';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** 阵地列表: the query form, the table and its toolbar (新增, 批量导入, 导出 Excel). Filters live in the URL. */
export default function PlatformsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = usePlatformImportConfig();

  const { list, filters, refresh, table, error, search } = usePagedList({ spec: PLATFORM_QUERY_SPEC, keys: platformKeys, fetch: platformsApi.list });

  const remove = (r: PlatformListItem) =>
    confirmDelete({
      ...deleteTexts(t, 'platform', r.name),
      // The list does not carry the photo count; the detail is one request away and the warning should be exact.
      content: <DeleteWarning id={r.id} />,
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
      queryForm={<PlatformQueryForm value={filters} onSearch={search} />}
      listTitle={t('platform.list')}
      onRefresh={refresh}
      error={error}
    >
      <PlatformTable
        {...table}
        canManage={canManage}
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
