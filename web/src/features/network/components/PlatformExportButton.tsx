import { DownloadOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useDownload } from '../../../api/download.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatNumber } from '../../../shared/format.ts';
import type { PlatformFilters } from '../api/platforms.api.ts';

/** 导出 Excel: exactly the rows the filters in force select. */
export function PlatformExportButton({ filters, total }: { filters: PlatformFilters; total: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { download, pending } = useDownload();
  const run = async () => {
    const name = `${t('platform.exportFileName')}_${dayjs().format('YYYY-MM-DD')}.xlsx`;
    if (await download('/platforms/export.xlsx', { ...filters }, name)) setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('platform.export')}
      content={
        <Space orientation="vertical" style={{ maxWidth: 300 }} data-testid="platform-export-panel">
          <Typography.Text>{t('platform.exportCount', { n: formatNumber(total) })}</Typography.Text>
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" size="small" loading={pending} disabled={total === 0} onClick={run} data-testid="platform-export-confirm">
              {t('platform.exportConfirm')}
            </Button>
          </div>
        </Space>
      }
    >
      <Button icon={<DownloadOutlined />} data-testid="platform-export">
        {t('platform.export')}
      </Button>
    </Popover>
  );
}
