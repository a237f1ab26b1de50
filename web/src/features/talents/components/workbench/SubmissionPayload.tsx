import { Typography } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';
import { formatDecimal } from '../../../../shared/format.ts';
import type { Submission } from '../../api/workflow.api.ts';

/** What was submitted, in words: 社会工作师 S2020123 (2020) · 2024-06-12 8 学时 培训名称. */
export function SubmissionPayload({ s }: { s: Submission }) {
  const { t } = useI18n();
  const labels = useTalentLabels();
  const p = s.payload as Record<string, string | number | null>;
  if (s.kind === 'certificate')
    return (
      <span>
        {labels.name('certificateLevel', String(p.level))} <span className="mono">{p.certificateNo}</span>{' '}
        <Typography.Text type="secondary">{t('submission.obtainedIn', { year: String(p.obtainedYear ?? '') })}</Typography.Text>
      </span>
    );
  return (
    <span>
      {p.date} · {t('submission.hours', { n: formatDecimal(Number(p.hours)) })} · {p.title}
      {p.organizer ? <Typography.Text type="secondary"> （{p.organizer}）</Typography.Text> : null}
    </span>
  );
}
