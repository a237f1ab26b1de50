import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { COVERAGE_KINDS, type CoverageKind } from '../../../../../../domain/network/platform-kind.ts';
import { useDownload } from '../../../../api/download.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import { formatNumber, rowTestId } from '../../../../shared/format.ts';
import type { Coverage, CoverageChild } from '../../api/types.ts';

const rateText = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Each child: covered/total and rate per kind, stations, standard, demonstration, workers; Excel of the same. */
export function CoverageChildrenTable({ data, onDrill }: { data: Coverage; onDrill: (code: string) => void }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const { download, pending } = useDownload();
  const kinds = COVERAGE_KINDS.filter((k) => data.children.some((c) => c.kinds[k]));
  const kindColumns = (k: CoverageKind): TableColumnsType<CoverageChild>[number] => ({
    title: labels.name('kindShort', k),
    key: k,
    children: [
      {
        title: t('coverage.col.covered'),
        key: `${k}-covered`,
        align: 'right',
        render: (_: unknown, r) => (r.kinds[k] ? `${formatNumber(r.kinds[k]!.covered)}/${formatNumber(r.kinds[k]!.total)}` : '—'),
      },
      { title: t('coverage.col.rate'), key: `${k}-rate`, align: 'right', render: (_: unknown, r) => rateText(r.kinds[k]?.rate) },
    ],
  });
  const num = (title: string, key: keyof CoverageChild) => ({ title, dataIndex: key, key, align: 'right' as const, render: (v: number) => formatNumber(v) });
  const columns: TableColumnsType<CoverageChild> = [
    {
      title: t('coverage.col.region'),
      dataIndex: 'name',
      fixed: 'left',
      // Townships are the deepest level with children worth a page (their villages' rooms).
      render: (v: string, r) =>
        r.level <= 4 ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(r.code)} data-testid={`coverage-drill-${r.code}`}>
            {v}
          </Button>
        ) : (
          v
        ),
    },
    ...kinds.map(kindColumns),
    num(t('coverage.col.stations'), 'stations'),
    num(t('coverage.col.standard'), 'standardStations'),
    num(t('coverage.col.demo'), 'demoStations'),
    num(t('coverage.col.workers'), 'residentWorkers'),
    num(t('coverage.col.certified'), 'certifiedWorkers'),
  ];
  return (
    <Card
      size="small"
      title={t('coverage.children')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={pending}
          onClick={() => download('/coverage/export.xlsx', { regionCode: data.region.code }, t('coverage.exportFileName', { region: data.region.name }))}
          data-testid="coverage-export"
        >
          {t('coverage.exportExcel')}
        </Button>
      }
      style={{ marginTop: 16 }}
    >
      <Table<CoverageChild>
        size="small"
        bordered
        rowKey="code"
        dataSource={data.children}
        columns={columns}
        pagination={data.children.length > 50 ? { pageSize: 50, showTotal: (n) => t('table.total', { total: n }) } : false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => rowTestId(`coverage-row-${r.code}`)}
        data-testid="coverage-children"
      />
    </Card>
  );
}
