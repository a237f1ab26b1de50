import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencyImportConfig } from '../../features/agencies/agency-import.ts';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import type { AgencyListItem } from '../../features/agencies/api/types.ts';
import { AgencyQueryForm } from '../../features/agencies/components/AgencyQueryForm.tsx';
import { AgencyTable, useAgencyColumnTitles } from '../../features/agencies/components/AgencyTable.tsx';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { usePagedList } from '../../shared/list/usePagedList.ts';
import { TableSettings, useTableSettings } from '../../shared/TableSettings.tsx';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

const SPEC = { text: ['regionCode', 'q', 'tag', 'rating', 'status'], flags: ['eligible'], sorts: ['name', 'region_code', 'rating', 'updated_at'] } as const;

/** 社工机构: query form, table and toolbar (新增, 导出 Excel). Filters live in the URL. */
export default function AgenciesPage() {
  const can = useCan();
  const canManage = can('agency.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = useAgencyImportConfig();
  const settings = useTableSettings('agencies');
  const columnTitles = useAgencyColumnTitles();
  const { list, filters, refresh, table, error, search } = usePagedList({ spec: SPEC, keys: agencyKeys, fetch: agenciesApi.list });

  const remove = (r: AgencyListItem) =>
    confirmDelete({
      ...deleteTexts(t, 'agency', r.name),
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
      queryForm={<AgencyQueryForm value={filters} onSearch={search} />}
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
      error={error}
    >
      <AgencyTable
        {...table}
        canManage={canManage}
        hidden={settings.hidden}
        size={settings.size}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/agencies/new')}
      />
    </ListPage>
  );
}
