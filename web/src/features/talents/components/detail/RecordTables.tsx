import { Descriptions, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import type { TalentDetail } from '../../api/talents.api.ts';

type Row<K extends keyof TalentDetail> = TalentDetail[K] extends (infer R)[] ? R : never;

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

function RecordTable<T extends { id: string }>({ rows, columns, testId }: { rows: T[]; columns: TableColumnsType<T>; testId: string }) {
  return <Table<T> rowKey="id" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 'max-content' }} data-testid={testId} />;
}

/** 证书. */
export function CertificatesTable({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  return (
    <RecordTable<Row<'certificates'>>
      rows={talent.certificates}
      testId="talent-certificates"
      columns={[
        { title: t('talent.cert.level'), dataIndex: 'level', render: (v: string) => labels.name('certificateLevel', v) },
        { title: t('talent.cert.no'), dataIndex: 'certificateNo', render: (v: string) => <span className="mono">{v}</span> },
        { title: t('talent.cert.year'), dataIndex: 'obtainedYear' },
        { title: t('talent.cert.registeredOn'), dataIndex: 'registeredOn', render: dash },
        { title: t('talent.cert.reregisteredOn'), dataIndex: 'reregisteredOn', render: dash },
      ]}
    />
  );
}

/** 学历与职称. */
export function EducationTable({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'tl', label: t('talent.titleLevel'), children: labels.name('titleLevel', talent.titleLevel) },
          { key: 'tn', label: t('talent.titleName'), children: dash(talent.titleName) },
          { key: 'ts', label: t('talent.teachingSubject'), children: labels.name('teachingSubject', talent.teachingSubject) },
        ]}
      />
      <RecordTable<Row<'educations'>>
        rows={talent.educations}
        testId="talent-educations"
        columns={[
          { title: t('talent.edu.level'), dataIndex: 'level', render: (v: string) => labels.name('education', v) },
          { title: t('talent.edu.school'), dataIndex: 'school', render: dash },
          { title: t('talent.edu.majorClass'), dataIndex: 'majorClass', render: (v: string) => labels.name('majorClass', v) },
          { title: t('talent.edu.major'), dataIndex: 'major', render: dash },
          { title: t('talent.edu.year'), dataIndex: 'graduationYear', render: dash },
          { title: t('talent.edu.degree'), dataIndex: 'degree', render: (v: string) => labels.name('degree', v) },
        ]}
      />
    </>
  );
}

/** 工作经历: the current post, then the history. */
export function WorkTable({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'e', label: t('talent.employer'), children: dash(talent.employer) },
          { key: 'p', label: t('talent.post'), children: dash(talent.post) },
          { key: 's', label: t('talent.employmentStart'), children: dash(talent.employmentStart) },
          { key: 'pp', label: t('talent.professionalPost'), children: talent.professionalPost ? t('common.yes') : t('common.no') },
        ]}
      />
      <RecordTable<Row<'employments'>>
        rows={talent.employments}
        testId="talent-employments"
        columns={[
          { title: t('talent.employer'), dataIndex: 'employer' },
          { title: t('talent.post'), dataIndex: 'post', render: dash },
          { title: t('talent.work.start'), dataIndex: 'startDate', render: dash },
          { title: t('talent.work.end'), dataIndex: 'endDate', render: (v: string | null) => v ?? t('talent.work.current') },
          { title: t('talent.professionalPost'), dataIndex: 'professionalPost', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
        ]}
      />
    </>
  );
}

/** 表彰奖励. */
export function HonoursTable({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  return (
    <RecordTable<Row<'honours'>>
      rows={talent.honours}
      testId="talent-honours"
      columns={[
        { title: t('talent.honour.year'), dataIndex: 'year', width: 90 },
        { title: t('talent.honour.level'), dataIndex: 'level', render: (v: string) => labels.name('honourLevel', v) },
        { title: t('talent.honour.title'), dataIndex: 'title' },
      ]}
    />
  );
}

/** 选派. */
export function DispatchesTable({ talent }: { talent: TalentDetail }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  return (
    <RecordTable<Row<'dispatches'>>
      rows={talent.dispatches}
      testId="talent-dispatches"
      columns={[
        { title: t('talent.dispatch.program'), dataIndex: 'program', render: (v: string) => labels.name('program', v) },
        { title: t('talent.dispatch.from'), dataIndex: 'fromRegion', render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—') },
        { title: t('talent.dispatch.to'), dataIndex: 'toRegion', render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—') },
        { title: t('talent.dispatch.start'), dataIndex: 'startDate' },
        { title: t('talent.dispatch.end'), dataIndex: 'endDate', render: dash },
      ]}
    />
  );
}
