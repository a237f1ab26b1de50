import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ImportConfig } from '../../shared/import/import.api.ts';
import { importLabelsOf } from '../../shared/import/import-labels.ts';
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
      labels: importLabelsOf(t, 'agency.import'),
    }),
    [t],
  );
}
