import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useDownload } from '../../../api/download.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatNumber } from '../../../shared/format.ts';
import type { TalentFilters } from '../api/talents.api.ts';

interface TalentExportButtonProps {
  filters: TalentFilters;
  /** Rows the current query matches. */
  total: number;
  canReveal: boolean;
}

/** 导出 Excel: exactly the filtered rows; full ID numbers only on request (audited on the server). */
export function TalentExportButton({ filters, total, canReveal }: TalentExportButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reveal, setReveal] = useState(false);
  const { download, pending } = useDownload();

  const run = async () => {
    const name = `${t('talent.exportFileName')}_${dayjs().format('YYYY-MM-DD')}.xlsx`;
    const ok = await download('/talents/export.xlsx', { ...filters, reveal: canReveal && reveal ? true : undefined }, name);
    if (ok) setOpen(false);
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('talent.export')}
      content={
        <Space orientation="vertical" style={{ maxWidth: 300 }} data-testid="talent-export-panel">
          <Typography.Text>{t('talent.exportCount', { n: formatNumber(total) })}</Typography.Text>
          {canReveal && (
            <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="talent-export-reveal">
              {t('talent.exportReveal')}
            </Checkbox>
          )}
          {canReveal && reveal && <Typography.Text type="warning">{t('talent.exportRevealNote')}</Typography.Text>}
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" size="small" loading={pending} disabled={total === 0} onClick={run} data-testid="talent-export-confirm">
              {t('talent.exportConfirm')}
            </Button>
          </div>
        </Space>
      }
    >
      <Button icon={<DownloadOutlined />} data-testid="talent-export">
        {t('talent.export')}
      </Button>
    </Popover>
  );
}
