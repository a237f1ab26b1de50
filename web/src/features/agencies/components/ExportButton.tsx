import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useDownload } from '../../../api/download.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatNumber } from '../../../shared/format.ts';

interface ExportButtonProps {
  /** API path of the export (/agencies/export.xlsx). */
  path: string;
  /** The list's filters in force: the file holds exactly those rows. */
  filters: object;
  total: number;
  /** File name without date and extension (社工机构). */
  baseName: string;
  testId: string;
}

/** 导出 Excel of a list: exactly what is filtered, saved under a Chinese name with the date. */
export function ExportButton({ path, filters, total, baseName, testId }: ExportButtonProps) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  const run = () => download(path, filters as Record<string, string | number | boolean | undefined>, `${baseName}_${dayjs().format('YYYY-MM-DD')}.xlsx`);
  return (
    <Tooltip title={t('org.exportCount', { n: formatNumber(total) })}>
      <Button icon={<DownloadOutlined />} loading={pending} disabled={total === 0} onClick={run} data-testid={testId}>
        {t('org.export')}
      </Button>
    </Tooltip>
  );
}
