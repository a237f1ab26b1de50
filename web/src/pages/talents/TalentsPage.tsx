import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { type TalentListItem, talentKeys, talentsApi } from '../../features/talents/api/talents.api.ts';
import { useTalentImportConfig } from '../../features/talents/components/import/talent-import.ts';
import { TalentExportButton } from '../../features/talents/components/TalentExportButton.tsx';
import { TalentQueryForm } from '../../features/talents/components/TalentQueryForm.tsx';
import { TalentTable, useTalentColumnTitles } from '../../features/talents/components/TalentTable.tsx';
import { filtersOf, useTalentQuery } from '../../features/talents/hooks/useTalentQuery.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { ImportWizard } from '../../shared/import/ImportWizard.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { TableSettings, useTableSettings } from '../../shared/TableSettings.tsx';

/** 人才列表: the query form, the table and its toolbar (新增, 批量导入, 导出 Excel). Filters live in the URL. */
export default function TalentsPage() {
  const can = useCan();
  const canManage = can('talent.manage');
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [query, setQuery] = useTalentQuery();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const settings = useTableSettings('talents');
  const columnTitles = useTalentColumnTitles();
  const importConfig = useTalentImportConfig();

  const list = useQuery({ queryKey: talentKeys.list(query), queryFn: () => talentsApi.list(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const filtered = Object.keys(filters).length > 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: talentKeys.all });

  const remove = (r: TalentListItem) =>
    modal.confirm({
      title: t('talent.deleteTitle', { name: r.name }),
      content: t('talent.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await talentsApi.remove(r.id);
          message.success(t('talent.deleted', { name: r.name }));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={t('menu.talents')}
      extra={
        <Space wrap>
          {canManage && (
            <Link to="/talents/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="talent-create">
                {t('talent.create')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="talent-import">
              {t('talent.import')}
            </Button>
          )}
          <TalentExportButton filters={filters} total={list.data?.total ?? 0} canReveal={can('talent.reveal')} />
        </Space>
      }
    >
      <TalentQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />
      <Card
        title={t('talent.list')}
        extra={
          <Space size={0}>
            <Tooltip title={t('common.refresh')}>
              <Button type="text" icon={<ReloadOutlined />} onClick={() => refresh()} aria-label={t('common.refresh')} data-testid="talent-refresh" />
            </Tooltip>
            <TableSettings
              columns={columnTitles}
              hidden={settings.hidden}
              onHiddenChange={settings.setHidden}
              size={settings.size}
              onSizeChange={settings.setSize}
              testIdPrefix="talent-table"
            />
          </Space>
        }
      >
        {list.error && !list.data ? (
          <div role="alert">{errorText(list.error)}</div>
        ) : (
          <TalentTable
            query={query}
            filtered={filtered}
            items={list.data?.items}
            total={list.data?.total ?? 0}
            totalCapped={list.data?.totalCapped ?? false}
            loading={list.isFetching}
            canManage={canManage}
            hidden={settings.hidden}
            size={settings.size}
            onChange={(p) => setQuery(p)}
            onDelete={remove}
            onImport={() => setImportOpen(true)}
            onCreate={() => navigate('/talents/new')}
          />
        )}
      </Card>
      {canManage && <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} config={importConfig} />}
    </PageContainer>
  );
}
