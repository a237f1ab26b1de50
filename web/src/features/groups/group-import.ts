import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ImportConfig } from '../../shared/import/import.api.ts';
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
      labels: {
        title: t('group.import.title'),
        templateHelp: t('group.import.templateHelp'),
        templateFileName: t('group.import.templateFileName'),
        willCreate: t('group.import.willCreate'),
        updateExisting: t('group.import.updateExisting', { n: '{n}' }),
        doneSummary: t('group.import.doneSummary', { created: '{created}', updated: '{updated}', skipped: '{skipped}' }),
        toList: t('group.import.toList'),
      },
    }),
    [t],
  );
}
