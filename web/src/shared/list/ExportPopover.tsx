import { DownloadOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useDownload } from '../../api/download.ts';
import { formatNumber } from '../format.ts';

interface ExportPopoverProps {
  /** Test ids are `${testId}` (the button), `${testId}-panel` and `${testId}-confirm`. */
  testId: string;
  /** 导出 Excel: the button and the panel's title. */
  label: string;
  /** "将导出 {n} 条" with the count filled in. */
  countText: (n: string) => string;
  confirmLabel: string;
  /** Rows the filters in force select; nothing to export at 0. */
  total: number;
  /** API path and query of the file; saved as `${fileName}_YYYY-MM-DD.xlsx`. */
  path: string;
  query: Record<string, string | number | boolean | undefined>;
  fileName: string;
  /** Options between the count and the confirm button (e.g. full ID numbers). */
  children?: ReactNode;
}

/** 导出 Excel behind a confirmation panel that says how many rows the file will hold; closes once saved. */
export function ExportPopover({ testId, label, countText, confirmLabel, total, path, query, fileName, children }: ExportPopoverProps) {
  const [open, setOpen] = useState(false);
  const { download, pending } = useDownload();
  const run = async () => {
    if (await download(path, query, `${fileName}_${dayjs().format('YYYY-MM-DD')}.xlsx`)) setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={label}
      content={
        <Space orientation="vertical" style={{ maxWidth: 300 }} data-testid={`${testId}-panel`}>
          <Typography.Text>{countText(formatNumber(total))}</Typography.Text>
          {children}
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" size="small" loading={pending} disabled={total === 0} onClick={run} data-testid={`${testId}-confirm`}>
              {confirmLabel}
            </Button>
          </div>
        </Space>
      }
    >
      <Button icon={<DownloadOutlined />} data-testid={testId}>
        {label}
      </Button>
    </Popover>
  );
}
