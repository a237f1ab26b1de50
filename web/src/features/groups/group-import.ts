import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ImportConfig } from '../../shared/import/import.api.ts';
import { importLabelsOf } from '../../shared/import/import-labels.ts';
import { groupKeys } from './api/groups.api.ts';

/** The community-group import for the shared wizard (shared/import): its endpoints and wording. */
export function useGroupImportConfig(): ImportConfig {
  const { t } = useI18n();
  return useMemo(
    () => ({
      kind: 'community-group',
      templatePath: '/community-groups/template.xlsx',
      uploadPath: '/network-imports/community-groups',
      jobPath: '/network-imports',
      invalidate: [groupKeys.all],
      labels: importLabelsOf(t, 'group.import'),
    }),
    [t],
  );
}
