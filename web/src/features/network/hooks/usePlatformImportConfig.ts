import { useMemo } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import type { ImportConfig } from '../../../shared/import/import.api.ts';
import { importLabelsOf } from '../../../shared/import/import-labels.ts';
import { coverageKeys } from '../api/coverage.api.ts';
import { platformKeys } from '../api/platforms.api.ts';

/** 批量导入阵地 for the shared wizard: the network import endpoints; coverage changes with the list. */
export function usePlatformImportConfig(): ImportConfig {
  const { t } = useI18n();
  return useMemo(
    () => ({
      kind: 'platform',
      templatePath: '/platforms/template.xlsx',
      uploadPath: '/network-imports/platforms',
      jobPath: '/network-imports',
      invalidate: [platformKeys.all, coverageKeys.all],
      labels: importLabelsOf(t, 'platformImport'),
    }),
    [t],
  );
}
