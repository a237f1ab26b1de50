import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { coverageKeys } from '../../features/network/api/coverage.api.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import type { PlatformListItem } from '../../features/network/api/types.ts';
import { PlatformExportButton } from '../../features/network/components/PlatformExportButton.tsx';
import { PlatformQueryForm } from '../../features/network/components/PlatformQueryForm.tsx';
import { PlatformTable } from '../../features/network/components/PlatformTable.tsx';
import { usePlatformImportConfig } from '../../features/network/hooks/usePlatformImportConfig.ts';
import { platformFiltersOf, usePlatformQuery } from '../../features/network/hooks/usePlatformQuery.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { ImportWizard } from '../../shared/import/ImportWizard.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** 阵地列表: the query form, the table and its toolbar (新增, 批量导入, 导出 Excel). Filters live in the URL. */
export default function PlatformsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [query, setQuery] = usePlatformQuery();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = usePlatformImportConfig();

  const list = useQuery({ queryKey: platformKeys.list(query), queryFn: () => platformsApi.list(query), placeholderData: keepPreviousData });
  const filters = platformFiltersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: platformKeys.all });

  const remove = (r: PlatformListItem) =>
    modal.confirm({
      title: t('platform.deleteTitle', { name: r.name }),
      // The list does not carry the photo count; the detail is one request away and the warning should be exact.
      content: <DeleteWarning id={r.id} />,
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await platformsApi.remove(r.id);
          message.success(t('platform.deleted', { name: r.name }));
          queryClient.removeQueries({ queryKey: platformKeys.detail(r.id) });
          await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: coverageKeys.all })]);
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={t('menu.platforms')}
      extra={
        <Space wrap>
          {canManage && (
            <Link to="/network/platforms/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="platform-create">
                {t('platform.create')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="platform-import">
              {t('platform.import')}
            </Button>
          )}
          <PlatformExportButton filters={filters} total={list.data?.total ?? 0} />
        </Space>
      }
    >
      <PlatformQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />
      <Card
        title={t('platform.list')}
        extra={
          <Tooltip title={t('common.refresh')}>
            <Button type="text" icon={<ReloadOutlined />} onClick={() => refresh()} aria-label={t('common.refresh')} data-testid="platform-refresh" />
          </Tooltip>
        }
      >
        {list.error && !list.data ? (
          <div role="alert">{errorText(list.error)}</div>
        ) : (
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
        )}
      </Card>
      {canManage && <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} config={importConfig} />}
    </PageContainer>
  );
}

/** What deleting a platform takes with it, with its real photo count. */
function DeleteWarning({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useQuery({ queryKey: platformKeys.detail(id), queryFn: () => platformsApi.get(id) });
  return <span data-testid="platform-delete-warning">{t('platform.deleteConfirm', { photos: detail.data ? detail.data.photos.length : '…' })}</span>;
}
