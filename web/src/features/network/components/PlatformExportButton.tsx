import { useI18n } from '../../../i18n/index.ts';
import { ExportPopover } from '../../../shared/list/ExportPopover.tsx';
import type { PlatformFilters } from '../api/platforms.api.ts';

/** 导出 Excel: exactly the rows the filters in force select. */
export function PlatformExportButton({ filters, total }: { filters: PlatformFilters; total: number }) {
  const { t } = useI18n();
  return (
    <ExportPopover
      testId="platform-export"
      label={t('platform.export')}
      countText={(n) => t('platform.exportCount', { n })}
      confirmLabel={t('platform.exportConfirm')}
      total={total}
      path="/platforms/export.xlsx"
      query={{ ...filters }}
      fileName={t('platform.exportFileName')}
    />
  );
}
