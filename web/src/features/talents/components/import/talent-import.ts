import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import type { ImportConfig } from '../../../../shared/import/import.api.ts';
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
      labels: {
        title: t('import.title'),
        templateHelp: t('import.templateHelp'),
        templateFileName: t('import.templateFileName'),
        willCreate: t('import.willCreate'),
        // Placeholders are filled in by the wizard.
        updateExisting: t('import.updateExisting', { n: '{n}' }),
        doneSummary: t('import.doneSummary', { created: '{created}', updated: '{updated}', skipped: '{skipped}' }),
        toList: t('import.toList'),
      },
    }),
    [t],
  );
}
