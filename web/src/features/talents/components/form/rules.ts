import type { FormInstance, FormRule } from 'antd';
import { parseIdNumber } from '../../../../../../domain/standards/id-number.ts';
import { talentInputSchema } from '../../../../../../domain/talents/talent.schema.ts';
import '../../../../shared/zod-locale.ts';
import type { z } from 'zod';
import { translate } from '../../../../i18n/index.ts';
import { emptyToNull, zodItemRule, zodRule } from '../../../../shared/zod-rules.ts';

/** Client-side rules of the talent form: the domain schemas the server validates with, field by field. */
const core = talentInputSchema.shape;

/** The ID number as the server checks it (GB 11643 checksum, birth date, length …). */
const idNumberRule: FormRule = {
  validator: async (_r, value) => {
    if (!value) return;
    const parsed = parseIdNumber(String(value));
    if (!parsed.ok) throw new Error(parsed.message);
  },
};

export const talentRules = {
  name: [zodRule(core.name)],
  idNumber: [zodRule(core.idNumber), idNumberRule],
  ethnicity: [zodRule(core.ethnicity)],
  nativePlace: [zodRule(core.nativePlace, emptyToNull)],
  phone: [zodRule(core.phone, emptyToNull)],
  regionCode: [zodRule(core.regionCode)],
  categories: [zodRule(core.categories)],
  fields: [zodRule(core.fields)],
  roles: [zodRule(core.roles)],
  status: [zodRule(core.status)],
  titleLevel: [zodRule(core.titleLevel)],
  titleName: [zodRule(core.titleName)],
  teachingSubject: [zodRule(core.teachingSubject)],
  employer: [zodRule(core.employer)],
  post: [zodRule(core.post)],
  employmentStart: [zodRule(core.employmentStart, emptyToNull)],
} satisfies Record<string, FormRule[]>;

/**
 * The rule for field `field` of row `index` of list `list`: the whole row is parsed with the row's
 * schema (so cross-field checks such as end ≥ start apply) and the issues at `field` are shown.
 */
export function rowRule(form: FormInstance, list: string, schema: z.ZodType, index: number, field: string): FormRule[] {
  return [zodItemRule(schema, () => form.getFieldValue([list, index]), field)];
}

/** 证书编号重复: the server refuses two certificates with the same number in one record. */
export function uniqueCertificateRule(form: FormInstance, index: number): FormRule {
  return {
    validator: async (_r, value) => {
      if (!value) return;
      const rows = (form.getFieldValue('certificates') ?? []) as { certificateNo?: string }[];
      if (rows.some((r, i) => i < index && r?.certificateNo?.trim() === String(value).trim())) throw new Error(translate('talent.form.duplicateCertificate'));
    },
  };
}
