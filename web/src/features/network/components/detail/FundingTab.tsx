import { Empty, Table, Typography } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useNetworkLabels } from '../../../../i18n/network-labels.ts';
import type { PlatformDetail } from '../../api/types.ts';

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 分 as 元 with two decimals (integer arithmetic until the very end). */
export const formatYuan = (fen: number) => yuan.format(fen / 100);

interface Row {
  key: string;
  year: number;
  source: string | null;
  amountFen: number;
  note: string;
  isTotal?: boolean;
}

/** 资金: records by year and source, a subtotal per year and the grand total, in 元. */
export function FundingTab({ platform }: { platform: PlatformDetail }) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  if (!platform.funding.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.funding.empty')} />;
  const years = [...new Set(platform.funding.map((f) => f.year))].sort((a, b) => b - a);
  const rows: Row[] = years.flatMap((year) => {
    const ofYear = platform.funding.filter((f) => f.year === year);
    const sum = ofYear.reduce((s, f) => s + f.amountFen, 0);
    return [
      ...ofYear.map((f, i) => ({ key: `${year}-${i}`, year, source: f.source, amountFen: f.amountFen, note: f.note })),
      { key: `${year}-total`, year, source: null, amountFen: sum, note: '', isTotal: true },
    ];
  });
  const total = platform.funding.reduce((s, f) => s + f.amountFen, 0);
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="platform-funding"
      columns={[
        { title: t('platform.form.fundingYear'), dataIndex: 'year', width: 100 },
        {
          title: t('platform.form.fundingSource'),
          dataIndex: 'source',
          render: (v: string | null, r) =>
            r.isTotal ? <Typography.Text strong>{t('platform.funding.byYear', { year: r.year })}</Typography.Text> : labels.name('fundingSource', v),
        },
        {
          title: t('platform.form.amountYuan'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number, r) => (r.isTotal ? <Typography.Text strong>{formatYuan(v)}</Typography.Text> : formatYuan(v)),
        },
        { title: t('platform.form.fundingNote'), dataIndex: 'note' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t('platform.funding.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Typography.Text strong data-testid="platform-funding-total">
              {formatYuan(total)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
