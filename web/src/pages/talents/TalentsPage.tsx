import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { type TalentListItem, talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { useTalentImportConfig } from '../../features/talents/components/import/talent-import.ts';
import { TalentExportButton } from '../../features/talents/components/TalentExportButton.tsx';
import { TalentQueryForm } from '../../features/talents/components/TalentQueryForm.tsx';
import { TalentTable, useTalentColumnTitles } from '../../features/talents/components/TalentTable.tsx';
import { TALENT_QUERY_SPEC } from '../../features/talents/hooks/talent-query-spec.ts';
import { useI18n } from '../../i18n/index.ts';
import { ListPage } from '../../shared/list/ListPage.tsx';
import { usePagedList } from '../../shared/list/usePagedList.ts';
import { TableSettings, useTableSettings } from '../../shared/TableSettings.tsx';
import { deleteTexts, useConfirmDelete } from '../../shared/useConfirmDelete.ts';

/** 人才列表: the query form, the table and its toolbar (新增, 批量导入, 导出 Excel). Filters live in the URL. */
export default function TalentsPage() {
  const can = useCan();
  const canManage = can('talent.manage');
  const { t } = useI18n();
  const confirmDelete = useConfirmDelete();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const settings = useTableSettings('talents');
  const columnTitles = useTalentColumnTitles();
  const importConfig = useTalentImportConfig();

  const { list, filters, refresh, table, error, search } = usePagedList({ spec: TALENT_QUERY_SPEC, keys: talentKeys, fetch: talentsApi.list });

  const remove = (r: TalentListItem) =>
    confirmDelete({
      ...deleteTexts(t, 'talent', r.name),
      remove: () => talentsApi.remove(r.id),
      after: refresh,
    });

  return (
    <ListPage
      title={t('menu.talents')}
      testId="talent"
      canManage={canManage}
      create={{ to: '/talents/new', label: t('talent.create') }}
      importing={{ label: t('talent.import'), config: importConfig, open: importOpen, onOpenChange: setImportOpen }}
      exportButton={<TalentExportButton filters={filters} total={list.data?.total ?? 0} canReveal={can('talent.reveal')} />}
      queryForm={<TalentQueryForm value={filters} onSearch={search} />}
      listTitle={t('talent.list')}
      onRefresh={refresh}
      tableSettings={
        <TableSettings
          columns={columnTitles}
          hidden={settings.hidden}
          onHiddenChange={settings.setHidden}
          size={settings.size}
          onSizeChange={settings.setSize}
          testIdPrefix="talent-table"
        />
      }
      error={error}
    >
      <TalentTable
        {...table}
        totalCapped={list.data?.totalCapped ?? false}
        canManage={canManage}
        hidden={settings.hidden}
        size={settings.size}
        onDelete={remove}
        onImport={() => setImportOpen(true)}
        onCreate={() => navigate('/talents/new')}
      />
    </ListPage>
  );
}
