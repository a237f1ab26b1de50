import { StarFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { useTalentLabels } from '../../../i18n/talent-labels.ts';

const TIER_COLORS: Record<string, string> = { none: 'default', junior: 'blue', intermediate: 'geekblue', senior: 'purple' };
const STATUS_COLORS: Record<string, string> = { active: 'success', left: 'default', deceased: 'default' };

/** 初级 / 中级 / 高级 / 无证书, the certificate's full name in a tooltip. */
export function TierTag({ tier }: { tier: string }) {
  const labels = useTalentLabels();
  const full = labels.name('tier', tier);
  const short = full.replace(/[(（].*[)）]$/, '');
  return (
    <Tooltip title={short === full ? undefined : full}>
      <Tag color={TIER_COLORS[tier] ?? 'default'}>{short}</Tag>
    </Tooltip>
  );
}

export function TalentStatusTag({ status }: { status: string }) {
  const labels = useTalentLabels();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{labels.name('status', status)}</Tag>;
}

/** 重点人才, with the rules the person meets in a tooltip. */
export function KeyTalentTag({ reasons, testId }: { reasons: { ruleId: string; label: string }[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip
      title={
        <div>
          <div>{t('talent.keyReasons')}</div>
          {reasons.map((r) => (
            <div key={r.ruleId}>· {r.label}</div>
          ))}
        </div>
      }
    >
      <Tag color="volcano" icon={<StarFilled />} data-testid={testId}>
        {t('talent.key')}
      </Tag>
    </Tooltip>
  );
}

export function YouthTag() {
  const { t } = useI18n();
  return <Tag color="green">{t('talent.youth')}</Tag>;
}
