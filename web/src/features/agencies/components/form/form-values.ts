import type { AgencyDetail, AgencyInputRaw, AgencyPatch, MyAgencyPatch } from '../../api/types.ts';

/** What the agency form holds: the API's input shape, optional values possibly empty. */
export interface AgencyFormValues {
  name?: string;
  creditCode?: string;
  registrationAuthority?: string;
  registeredOn?: string | null;
  legalRep?: string;
  regionCode?: string;
  address?: string;
  tags?: string[];
  rating?: string | null;
  ratingYear?: number | null;
  partyOrg?: boolean;
  partyOrgOn?: string | null;
  contactPhone?: string | null;
  status?: string;
}

const EDITABLE = [
  'name',
  'creditCode',
  'registrationAuthority',
  'registeredOn',
  'legalRep',
  'regionCode',
  'address',
  'tags',
  'rating',
  'ratingYear',
  'partyOrg',
  'partyOrgOn',
  'contactPhone',
  'status',
] as const satisfies readonly (keyof AgencyFormValues)[];

/** The fields an agency administrator may change on 本机构. */
export const SELF_EDITABLE = ['contactPhone', 'address', 'legalRep', 'partyOrg', 'partyOrgOn', 'tags'] as const satisfies readonly (keyof AgencyFormValues)[];

export function emptyAgencyValues(regionCode?: string): AgencyFormValues {
  return {
    regionCode,
    registrationAuthority: '',
    registeredOn: null,
    legalRep: '',
    address: '',
    tags: [],
    rating: null,
    ratingYear: null,
    partyOrg: false,
    partyOrgOn: null,
    contactPhone: null,
    status: 'active',
  };
}

export function toAgencyValues(d: AgencyDetail): AgencyFormValues {
  return Object.fromEntries(EDITABLE.map((k) => [k, d[k]])) as AgencyFormValues;
}

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** Form values as the API takes them ('' → null for optional dates, phone and numbers). */
function normalize(v: AgencyFormValues): AgencyFormValues {
  return {
    ...v,
    name: v.name?.trim(),
    creditCode: v.creditCode?.trim(),
    registeredOn: blankToNull(v.registeredOn) as string | null,
    partyOrgOn: v.partyOrg ? (blankToNull(v.partyOrgOn) as string | null) : null,
    contactPhone: blankToNull(v.contactPhone?.trim()) as string | null,
    rating: blankToNull(v.rating) as string | null,
    ratingYear: v.rating ? (blankToNull(v.ratingYear) as number | null) : null,
    tags: v.tags ?? [],
  };
}

export function toAgencyInput(v: AgencyFormValues, overrideCreditCheck: boolean): AgencyInputRaw {
  return { ...normalize(v), overrideCreditCheck } as AgencyInputRaw;
}

/** Only the fields that changed (the server audits exactly what a PATCH carries). */
export function toAgencyPatch(initial: AgencyFormValues, v: AgencyFormValues, keys: readonly (keyof AgencyFormValues)[] = EDITABLE): AgencyPatch {
  const a = normalize(initial);
  const b = normalize(v);
  const patch: Record<string, unknown> = {};
  for (const k of keys) if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) patch[k] = b[k];
  return patch as AgencyPatch;
}

export const toMyAgencyPatch = (initial: AgencyFormValues, v: AgencyFormValues) => toAgencyPatch(initial, v, SELF_EDITABLE) as MyAgencyPatch;
