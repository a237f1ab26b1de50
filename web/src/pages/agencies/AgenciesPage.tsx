import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencyImportConfig } from '../../features/agencies/agency-import.ts';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import type { AgencyListItem, AgencyQuery } from '../../features/agencies/api/types.ts';
import { AgencyQueryForm } from '../../features/agencies/components/AgencyQueryForm.tsx';
import { AgencyTable, useAgencyColumnTitles } from '../../features/agencies/components/AgencyTable.tsx';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { filtersOf } from '../../shared/list/list-query.ts';
import { useListQuery } from '../../shared/list/useListQuery.ts';
import { TableSettings, useTableSettings } from '../../shared/TableSettings.tsx';
import { useConfirmDelete } from '../../shared/useConfirmDelete.ts';

const SPEC = { text: ['regionCode', 'q', 'tag', 'rating', 'status'], flags: ['eligible'], sorts: ['name', 'region_code', 'rating', 'updated_at'] } as const;

/** 社工机构: query form, table and toolbar (新增, 导出 Excel). Filters live in the URL. */
export default function AgenciesPage() {
  const can = useCan();
  const canManage = can('agency.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = useAgencyImportConfig();
  const [query, setQuery] = useListQuery<AgencyQuery>(SPEC);
  const settings = useTableSettings('agencies');
  const columnTitles = useAgencyColumnTitles();
  const list = useQuery({ queryKey: agencyKeys.list(query), queryFn: () => agenciesApi.list(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: agencyKeys.all });

  const remove = (r: AgencyListItem) =>
    confirmDelete({
      title: t('agency.deleteTitle', { name: r.name }),
      content: t('agency.deleteConfirm'),
      done: t('agency.deleted', { name: r.name }),
      remove: () => agenciesApi.remove(r.id),
      after: refresh,
    });

  return (
    <ListPage
      title={t('menu.agencies')}
      testId="agency"
      canManage={canManage}
      create={{ to: '/agencies/new', label: t('agency.create') }}
      importing={{ label: t('org.import'), config: importConfig, open: importOpen, onOpenChange: setImportOpen }}
      exportButton={
        <ExportButton
          path="/agencies/export.xlsx"
          filters={filters}
          total={list.data?.total ?? 0}
          baseName={t('agency.exportFileName')}
          testId="agency-export"
        />
      }
      queryForm={<AgencyQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />}
      listTitle={t('agency.list')}
      onRefresh={refresh}
      tableSettings={
        <TableSettings
          columns={columnTitles}
          hidden={settings.hidden}
          onHiddenChange={settings.setHidden}
          size={settings.size}
          onSizeChange={settings.setSize}
          testIdPrefix="agency-table"
        />
      }
      error={list.error && !list.data ? list.error : null}
    >
      <AgencyTable
        query={query}
        filtered={Object.keys(filters).length > 0}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        canManage={canManage}
        hidden={settings.hidden}
        size={settings.size}
        onChange={(p) => setQuery(p)}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/agencies/new')}
      />
    </ListPage>
  );
}
