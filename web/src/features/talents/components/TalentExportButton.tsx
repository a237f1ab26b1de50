import { Checkbox, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { ExportPopover } from '../../../shared/list/ExportPopover.tsx';
import type { TalentFilters } from '../api/talents.api.ts';

interface TalentExportButtonProps {
  filters: TalentFilters;
  /** Rows the current query matches. */
  total: number;
  canReveal: boolean;
}

/** 导出 Excel: exactly the filtered rows; full ID numbers only on request (audited on the server). */
export function TalentExportButton({ filters, total, canReveal }: TalentExportButtonProps) {
  const { t } = useI18n();
  const [reveal, setReveal] = useState(false);
  return (
    <ExportPopover
      testId="talent-export"
      label={t('talent.export')}
      countText={(n) => t('talent.exportCount', { n })}
      confirmLabel={t('talent.exportConfirm')}
      total={total}
      path="/talents/export.xlsx"
      query={{ ...filters, reveal: canReveal && reveal ? true : undefined }}
      fileName={t('talent.exportFileName')}
    >
      {canReveal && (
        <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="talent-export-reveal">
          {t('talent.exportReveal')}
        </Checkbox>
      )}
      {canReveal && reveal && <Typography.Text type="warning">{t('talent.exportRevealNote')}</Typography.Text>}
    </ExportPopover>
  );
}
