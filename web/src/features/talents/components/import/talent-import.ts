import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import type { ImportConfig } from '../../../../shared/import/import.api.ts';
import { importLabelsOf } from '../../../../shared/import/import-labels.ts';
import { talentKeys } from '../../api/talents.api.ts';

/** The talent registry's import for the shared wizard (shared/import): its endpoints and wording. */
export function useTalentImportConfig(): ImportConfig {
  const { t } = useI18n();
  return useMemo(
    () => ({
      kind: 'talent',
      templatePath: '/talents/template.xlsx',
      uploadPath: '/talent-imports',
      jobPath: '/talent-imports',
      invalidate: [talentKeys.all],
      labels: importLabelsOf(t, 'import'),
    }),
    [t],
  );
}
