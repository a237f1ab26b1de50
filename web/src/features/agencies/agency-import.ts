import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ImportConfig } from '../../shared/import/import.api.ts';
import { agencyKeys } from './api/agencies.api.ts';

/** The agency import for the shared wizard (shared/import): its endpoints and wording. */
export function useAgencyImportConfig(): ImportConfig {
  const { t } = useI18n();
  return useMemo(
    () => ({
      kind: 'agency',
      templatePath: '/agencies/template.xlsx',
      uploadPath: '/network-imports/agencies',
      jobPath: '/network-imports',
      invalidate: [agencyKeys.all],
      labels: {
        title: t('agency.import.title'),
        templateHelp: t('agency.import.templateHelp'),
        templateFileName: t('agency.import.templateFileName'),
        willCreate: t('agency.import.willCreate'),
        // Placeholders are filled in by the wizard.
        updateExisting: t('agency.import.updateExisting', { n: '{n}' }),
        doneSummary: t('agency.import.doneSummary', { created: '{created}', updated: '{updated}', skipped: '{skipped}' }),
        toList: t('agency.import.toList'),
      },
    }),
    [t],
  );
}
