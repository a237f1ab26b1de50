import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAgencyImportConfig } from '../../features/agencies/agency-import.ts';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import type { AgencyListItem, AgencyQuery } from '../../features/agencies/api/types.ts';
import { AgencyQueryForm } from '../../features/agencies/components/AgencyQueryForm.tsx';
import { AgencyTable, useAgencyColumnTitles } from '../../features/agencies/components/AgencyTable.tsx';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { filtersOf, useListQuery } from '../../features/agencies/hooks/useListQuery.ts';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { ImportWizard } from '../../shared/import/ImportWizard.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { TableSettings, useTableSettings } from '../../shared/TableSettings.tsx';

const SPEC = { text: ['regionCode', 'q', 'tag', 'rating', 'status'], flags: ['eligible'], sorts: ['name', 'region_code', 'rating', 'updated_at'] } as const;

/** 社工机构: query form, table and toolbar (新增, 导出 Excel). Filters live in the URL. */
export default function AgenciesPage() {
  const can = useCan();
  const canManage = can('agency.manage');
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
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
    modal.confirm({
      title: t('agency.deleteTitle', { name: r.name }),
      content: t('agency.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await agenciesApi.remove(r.id);
          message.success(t('agency.deleted', { name: r.name }));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={t('menu.agencies')}
      extra={
        <Space wrap>
          {canManage && (
            <Link to="/agencies/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="agency-create">
                {t('agency.create')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="agency-import">
              {t('org.import')}
            </Button>
          )}
          <ExportButton
            path="/agencies/export.xlsx"
            filters={filters}
            total={list.data?.total ?? 0}
            baseName={t('agency.exportFileName')}
            testId="agency-export"
          />
        </Space>
      }
    >
      <AgencyQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />
      <Card
        title={t('agency.list')}
        extra={
          <Space size={0}>
            <Tooltip title={t('common.refresh')}>
              <Button type="text" icon={<ReloadOutlined />} onClick={() => refresh()} aria-label={t('common.refresh')} data-testid="agency-refresh" />
            </Tooltip>
            <TableSettings
              columns={columnTitles}
              hidden={settings.hidden}
              onHiddenChange={settings.setHidden}
              size={settings.size}
              onSizeChange={settings.setSize}
              testIdPrefix="agency-table"
            />
          </Space>
        }
      >
        {list.error && !list.data ? (
          <div role="alert">{errorText(list.error)}</div>
        ) : (
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
        )}
      </Card>
      {canManage && <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} config={importConfig} />}
    </PageContainer>
  );
}
