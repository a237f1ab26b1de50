import type { TFunction } from '../../i18n/index.ts';
import type { ImportLabels } from './import.api.ts';

/** The message groups that word an import (人才, 阵地, 社工机构, 社区社会组织); each has the same seven keys. */
export type ImportLabelPrefix = 'import' | 'platformImport' | 'agency.import' | 'group.import';

/** The wizard's wording from one message group; the {n}/{created}… placeholders are filled in by the wizard. */
export function importLabelsOf(t: TFunction, prefix: ImportLabelPrefix): ImportLabels {
  return {
    title: t(`${prefix}.title`),
    templateHelp: t(`${prefix}.templateHelp`),
    templateFileName: t(`${prefix}.templateFileName`),
    willCreate: t(`${prefix}.willCreate`),
    updateExisting: t(`${prefix}.updateExisting`, { n: '{n}' }),
    doneSummary: t(`${prefix}.doneSummary`, { created: '{created}', updated: '{updated}', skipped: '{skipped}' }),
    toList: t(`${prefix}.toList`),
  };
}
