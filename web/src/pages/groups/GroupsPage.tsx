import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../features/agencies/components/ExportButton.tsx';
import { filtersOf, useListQuery } from '../../features/agencies/hooks/useListQuery.ts';
import { useCan } from '../../features/auth/hooks/useSession.ts';
import { type GroupListItem, type GroupQuery, groupKeys, groupsApi } from '../../features/groups/api/groups.api.ts';
import { GroupQueryForm } from '../../features/groups/components/GroupQueryForm.tsx';
import { GroupTable } from '../../features/groups/components/GroupTable.tsx';
import { useGroupImportConfig } from '../../features/groups/group-import.ts';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText, useNotifyError } from '../../shared/errors.ts';
import { ImportWizard } from '../../shared/import/ImportWizard.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';

const SPEC = { text: ['regionCode', 'kind', 'registration', 'incubatorId', 'q', 'status'], sorts: ['name', 'region_code', 'members', 'updated_at'] } as const;

/** 社区社会组织: query form, table, 新增 and 导出 Excel. Filters live in the URL. */
export default function GroupsPage() {
  const can = useCan();
  const canManage = can('network.manage');
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  const importConfig = useGroupImportConfig();
  const [query, setQuery] = useListQuery<GroupQuery>(SPEC);
  const list = useQuery({ queryKey: groupKeys.list(query), queryFn: () => groupsApi.list(query), placeholderData: keepPreviousData });
  const filters = filtersOf(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: groupKeys.all });

  const remove = (g: GroupListItem) =>
    modal.confirm({
      title: t('group.deleteTitle', { name: g.name }),
      content: t('group.deleteConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await groupsApi.remove(g.id);
          message.success(t('group.deleted', { name: g.name }));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <PageContainer
      title={t('menu.groups')}
      extra={
        <Space wrap>
          {canManage && (
            <Link to="/groups/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="group-create">
                {t('group.create')}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="group-import">
              {t('org.import')}
            </Button>
          )}
          <ExportButton
            path="/community-groups/export.xlsx"
            filters={filters}
            total={list.data?.total ?? 0}
            baseName={t('group.exportFileName')}
            testId="group-export"
          />
        </Space>
      }
    >
      <GroupQueryForm value={filters} onSearch={(f) => setQuery({ ...f, page: 1 }, true)} />
      <Card
        title={t('group.list')}
        extra={
          <Tooltip title={t('common.refresh')}>
            <Button type="text" icon={<ReloadOutlined />} onClick={() => refresh()} aria-label={t('common.refresh')} data-testid="group-refresh" />
          </Tooltip>
        }
      >
        {list.error && !list.data ? (
          <div role="alert">{errorText(list.error)}</div>
        ) : (
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
        )}
      </Card>
      {canManage && <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} config={importConfig} />}
    </PageContainer>
  );
}
