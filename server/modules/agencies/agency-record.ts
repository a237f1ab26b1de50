import { v7 as uuidv7 } from 'uuid';
import type { AgencyInput } from '../../../domain/network/agency.schema.ts';
import { AGENCY_TAGS } from '../../../domain/network/code-lists.ts';
import { fromMask, toMask } from '../../../domain/talents/code-lists.ts';
import type { AgenciesTable } from '../../db/schema.ts';

/** The stored input of an agency (everything a form can set), as the audit log compares it. */
export type StoredAgency = Omit<AgencyInput, 'overrideCreditCheck'> & { creditCheckOverridden: boolean };

/**
 * THE builder of stored agency rows (form, import, demo): a new row, or `previous` with the input on
 * top. Eligibility belongs to project evaluations and is carried over, never typed in here.
 */
export function buildAgencyRow(input: AgencyInput, ctx: { at: string; overridden: boolean; previous?: AgenciesTable | null; id?: string }): AgenciesTable {
  const p = ctx.previous ?? null;
  return {
    id: p?.id ?? ctx.id ?? uuidv7(),
    name: input.name,
    credit_code: input.creditCode,
    credit_check_overridden: ctx.overridden ? 1 : 0,
    registration_authority: input.registrationAuthority,
    registered_on: input.registeredOn,
    legal_rep: input.legalRep,
    region_code: input.regionCode,
    address: input.address,
    tags: toMask(AGENCY_TAGS, input.tags),
    rating: input.rating,
    rating_year: input.rating ? input.ratingYear : null,
    party_org: input.partyOrg ? 1 : 0,
    party_org_on: input.partyOrg ? input.partyOrgOn : null,
    contact_phone: input.contactPhone ?? '',
    eligible: p?.eligible ?? 1,
    ineligible_year: p?.ineligible_year ?? null,
    ineligible_reason: p?.ineligible_reason ?? null,
    status: input.status,
    created_at: p?.created_at ?? ctx.at,
    updated_at: ctx.at,
  };
}

/** A stored row back as form input (patches merge onto it; the audit log diffs two of these). */
export function storedAgency(row: AgenciesTable): StoredAgency {
  return {
    name: row.name,
    creditCode: row.credit_code,
    creditCheckOverridden: row.credit_check_overridden === 1,
    registrationAuthority: row.registration_authority,
    registeredOn: row.registered_on,
    legalRep: row.legal_rep,
    regionCode: row.region_code,
    address: row.address,
    tags: fromMask(AGENCY_TAGS, Number(row.tags)),
    rating: row.rating as AgencyInput['rating'],
    ratingYear: row.rating_year === null ? null : Number(row.rating_year),
    partyOrg: row.party_org === 1,
    partyOrgOn: row.party_org_on,
    contactPhone: row.contact_phone || null,
    status: row.status as AgencyInput['status'],
  };
}
