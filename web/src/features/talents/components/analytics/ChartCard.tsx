import { BarChartOutlined, PictureOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, type TableColumnsType, Tooltip } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { saveBlob } from '../../../../api/download.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { EChart, type EChartClick, type EChartOption, type EChartsInstance } from '../../../../shared/EChart.tsx';

interface ChartCardProps<T> {
  /** For data-testid (analytics-chart-<name>) and the image's file name. */
  name: string;
  title: string;
  option: EChartOption;
  rows: T[];
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  height?: number;
  onClick?: (p: EChartClick) => void;
  onCategoryClick?: (index: number) => void;
  extra?: ReactNode;
  /** The image file's name (without .png). */
  fileName: string;
}

/** A chart with its data table one click away and an 导出图片 button. */
export function ChartCard<T extends object>({
  name,
  title,
  option,
  rows,
  columns,
  rowKey,
  height = 300,
  onClick,
  onCategoryClick,
  extra,
  fileName,
}: ChartCardProps<T>) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<EChartsInstance | null>(null);
  const exportImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveBlob(url, `${fileName}.png`);
  };
  return (
    <Card
      title={title}
      size="small"
      className="chart-card"
      data-testid={`analytics-chart-${name}`}
      extra={
        <Space size={4}>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, title: t('analytics.viewChart') },
              { value: 'table', icon: <TableOutlined />, title: t('analytics.viewTable') },
            ]}
            data-testid={`analytics-toggle-${name}`}
          />
          <Tooltip title={t('analytics.exportImage')}>
            <Button
              size="small"
              type="text"
              icon={<PictureOutlined />}
              disabled={view !== 'chart'}
              onClick={exportImage}
              aria-label={t('analytics.exportImage')}
              data-testid={`analytics-image-${name}`}
            />
          </Tooltip>
        </Space>
      }
    >
      {view === 'chart' ? (
        <EChart
          option={option}
          height={height}
          onClick={onClick}
          onCategoryClick={onCategoryClick}
          onReady={(c) => {
            chart.current = c;
          }}
        />
      ) : (
        <Table<T>
          size="small"
          rowKey={rowKey}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ y: height - 40, x: 'max-content' }}
          data-testid={`analytics-table-${name}`}
        />
      )}
    </Card>
  );
}
