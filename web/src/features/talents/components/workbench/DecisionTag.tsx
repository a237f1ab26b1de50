import { Tag } from 'antd';
import { useTalentLabels } from '../../../../i18n/talent-labels.ts';

const COLORS: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

/** 待审核 / 已通过 / 已退回. */
export function DecisionTag({ status }: { status: string }) {
  const labels = useTalentLabels();
  return <Tag color={COLORS[status] ?? 'default'}>{labels.name('submissionStatus', status)}</Tag>;
}
