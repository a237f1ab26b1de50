import type { FormRule } from 'antd';
import { agencyInputSchema } from '../../../../../../domain/network/agency.schema.ts';
import '../../../../shared/zod-locale.ts';
import { emptyToNull, zodRule } from '../../../../shared/zod-rules.ts';

/** Client-side rules of the agency form: the domain schema the server validates with, field by field. */
const core = agencyInputSchema.shape;

export const agencyRules = {
  name: [zodRule(core.name)],
  /** Format only (length, characters, registration codes): the check character is the server's warning. */
  creditCode: [zodRule(core.creditCode)],
  registrationAuthority: [zodRule(core.registrationAuthority)],
  registeredOn: [zodRule(core.registeredOn, emptyToNull)],
  legalRep: [zodRule(core.legalRep)],
  regionCode: [zodRule(core.regionCode)],
  address: [zodRule(core.address)],
  tags: [zodRule(core.tags)],
  rating: [zodRule(core.rating, emptyToNull)],
  ratingYear: [zodRule(core.ratingYear, emptyToNull)],
  partyOrgOn: [zodRule(core.partyOrgOn, emptyToNull)],
  contactPhone: [zodRule(core.contactPhone, emptyToNull)],
  status: [zodRule(core.status)],
} satisfies Record<string, FormRule[]>;
