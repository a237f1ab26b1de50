import { Alert, Card, Col, Progress, Row, Space, Statistic, Table } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDecimal, formatNumber } from '../../../../shared/format.ts';
import type { TalentDetail } from '../../api/talents.api.ts';

/** 继续教育: the current period, hours against the requirement, due/short warnings, the trainings. */
export function ContinuingEducationTab({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  const ce = talent.continuingEducation;
  const percent = ce.required ? Math.min(100, Math.round((ce.hours / ce.required) * 100)) : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="talent-ce">
      {ce.due && <Alert type="error" showIcon title={t('talent.ce.dueAlert', { date: ce.reregistrationDue ?? '' })} data-testid="talent-ce-due" />}
      {ce.short && (
        <Alert
          type="warning"
          showIcon
          title={t('talent.ce.shortAlert', { n: formatDecimal(Math.max(0, ce.required - ce.hours)) })}
          data-testid="talent-ce-short"
        />
      )}
      {ce.required > 0 ? (
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('talent.ce.periodStart')} value={ce.periodStart ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('talent.ce.due')} value={ce.reregistrationDue ?? '—'} />
          </Col>
          <Col xs={24} md={12}>
            <Card size="small">
              <div>{t('talent.ce.hoursOf', { hours: formatDecimal(ce.hours), required: formatNumber(ce.required) })}</div>
              <Progress percent={percent} status={ce.short ? 'exception' : 'success'} data-testid="talent-ce-progress" />
            </Card>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon title={t('talent.ce.notTracked')} />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={talent.trainings.length > 20 ? { pageSize: 20, showTotal: (n) => t('table.total', { total: n }) } : false}
        dataSource={[...talent.trainings].sort((a, b) => b.date.localeCompare(a.date))}
        data-testid="talent-trainings"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('talent.training.date'), dataIndex: 'date', width: 120 },
          { title: t('talent.training.hours'), dataIndex: 'hours', align: 'right', width: 80, render: (v: number) => formatDecimal(v) },
          { title: t('talent.training.title'), dataIndex: 'title' },
          { title: t('talent.training.organizer'), dataIndex: 'organizer', render: (v: string) => v || '—' },
        ]}
      />
    </Space>
  );
}
