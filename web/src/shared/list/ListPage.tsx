import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../errors.ts';
import { type ImportConfig, ImportWizard } from '../import/ImportWizard.tsx';
import { PageContainer } from '../PageContainer.tsx';

interface ListPageProps {
  title: string;
  /** Test ids are `${testId}-create`, `${testId}-import` and `${testId}-refresh`. */
  testId: string;
  canManage: boolean;
  /** 新增: where the create form lives. */
  create: { to: string; label: string };
  /** 批量导入: the shared wizard; its open state stays with the page because the empty table opens it too. */
  importing: { label: string; config: ImportConfig; open: boolean; onOpenChange: (open: boolean) => void };
  /** 导出 Excel (shown to readers too). */
  exportButton: ReactNode;
  queryForm: ReactNode;
  listTitle: string;
  onRefresh: () => void;
  /** Beside 刷新 in the card header, e.g. the column settings. */
  tableSettings?: ReactNode;
  /** The list failed and nothing is shown yet: the error takes the table's place. */
  error: unknown;
  /** The table. */
  children: ReactNode;
}

/**
 * The list pages' frame (人才, 阵地, 社工机构, 社区社会组织): title with 新增 / 批量导入 / 导出 Excel, the query
 * form, a card with 刷新 around the table, and the import wizard. The pages bring their own columns and filters.
 */
export function ListPage(props: ListPageProps) {
  const { title, testId, canManage, create, importing, exportButton, queryForm, listTitle, onRefresh, tableSettings, error, children } = props;
  const { t } = useI18n();
  const errorText = useErrorText();
  const refresh = (
    <Tooltip title={t('common.refresh')}>
      <Button type="text" icon={<ReloadOutlined />} onClick={() => onRefresh()} aria-label={t('common.refresh')} data-testid={`${testId}-refresh`} />
    </Tooltip>
  );
  return (
    <PageContainer
      title={title}
      extra={
        <Space wrap>
          {canManage && (
            <Link to={create.to}>
              <Button type="primary" icon={<PlusOutlined />} data-testid={`${testId}-create`}>
                {create.label}
              </Button>
            </Link>
          )}
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => importing.onOpenChange(true)} data-testid={`${testId}-import`}>
              {importing.label}
            </Button>
          )}
          {exportButton}
        </Space>
      }
    >
      {queryForm}
      <Card
        title={listTitle}
        extra={
          tableSettings ? (
            <Space size={0}>
              {refresh}
              {tableSettings}
            </Space>
          ) : (
            refresh
          )
        }
      >
        {error ? <div role="alert">{errorText(error)}</div> : children}
      </Card>
      {canManage && <ImportWizard open={importing.open} onClose={() => importing.onOpenChange(false)} config={importing.config} />}
    </PageContainer>
  );
}
