import { Col, Row, Statistic } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { formatNumber } from '../format.ts';
import type { ImportJob } from './import.api.ts';

/** 共 N 行: 新增 / 更新 / 有错误. */
export function ImportCounts({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const c = job.counts;
  const cell = (title: string, n: number, color?: string, testId?: string) => (
    <Col xs={12} sm={6}>
      <Statistic title={title} value={formatNumber(n)} styles={{ content: color ? { color } : undefined }} data-testid={testId} />
    </Col>
  );
  return (
    <Row gutter={16} data-testid="import-counts">
      {cell(t('import.count.rows'), c.rows, undefined, 'import-count-rows')}
      {cell(t('import.count.new'), c.new, '#1561d6', 'import-count-new')}
      {cell(t('import.count.update'), c.update, '#d48806', 'import-count-update')}
      {cell(t('import.count.invalid'), c.invalid, c.invalid ? '#cf1322' : undefined, 'import-count-invalid')}
    </Row>
  );
}
