import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { fundingSchema, platformHonourSchema, platformInputSchema } from '../../../../../../domain/network/platform.schema.ts';
import { kindLevelError } from '../../../../../../domain/network/platform-kind.ts';
import { isRegionCode, levelOf } from '../../../../../../domain/standards/region-code.ts';
import '../../../../shared/zod-locale.ts';
import { emptyToNull, zodItemRule, zodRule } from '../../../../shared/zod-rules.ts';
import { yuanToFen } from './form-values.ts';

/** Client-side rules of the platform form: the domain schema the server validates with, field by field. */
const core = platformInputSchema.shape;

export const platformRules = {
  kind: [zodRule(core.kind)],
  name: [zodRule(core.name)],
  address: [zodRule(core.address)],
  openedOn: [zodRule(core.openedOn, emptyToNull)],
  operatingMode: [zodRule(core.operatingMode)],
  floorArea: [zodRule(core.floorArea, emptyToNull)],
  roomsIndividual: [zodRule(core.roomsIndividual)],
  roomsGroup: [zodRule(core.roomsGroup)],
  roomsActivity: [zodRule(core.roomsActivity)],
  equipment: [zodRule(core.equipment)],
  services: [zodRule(core.services)],
  openingHours: [zodRule(core.openingHours)],
  contactName: [zodRule(core.contactName)],
  contactPhone: [zodRule(core.contactPhone, emptyToNull)],
  status: [zodRule(core.status)],
  demoYear: [zodRule(core.demoYear, emptyToNull)],
  brand: [zodRule(core.brand)],
  note: [zodRule(core.note)],
} satisfies Record<string, FormRule[]>;

/** 所在地区: a region, at a level the chosen kind may sit at (the server says the same words). */
export function regionRule(form: FormInstance): FormRule[] {
  return [
    zodRule(core.regionCode),
    {
      validator: async (_r, value) => {
        const kind = form.getFieldValue('kind');
        if (!value || !kind || !isRegionCode(String(value))) return;
        const message = kindLevelError(kind, levelOf(String(value)));
        if (message) throw new Error(message);
      },
    },
  ];
}

/** A cross-field rule of the whole body (agency for 委托运营, coordinates in pairs, demonstration year): the issues at `field`. */
export function crossRule(field: string, toBody: () => unknown): FormRule {
  return {
    validator: async () => {
      const result = platformInputSchema.safeParse(toBody());
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.path.length === 1 && i.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  };
}

/** The rule for field `field` of row `index` of a list (the whole row is parsed, so its own checks apply). */
export function rowRule(form: FormInstance, list: 'honours' | 'funding', index: number, field: string): FormRule[] {
  const schema: z.ZodType = list === 'honours' ? platformHonourSchema : fundingSchema;
  const item = () => {
    const row = form.getFieldValue([list, index]) ?? {};
    return list === 'funding' ? { year: row.year, source: row.source, amountFen: yuanToFen(row.amountYuan), note: row.note ?? '' } : row;
  };
  return [zodItemRule(schema, item, field === 'amountYuan' ? 'amountFen' : field)];
}
