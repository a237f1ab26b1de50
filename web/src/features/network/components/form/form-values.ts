import { stableKey } from '../../../../shared/form/stable-key.ts';
import type { PlatformDetail, PlatformInputRaw, PlatformPatch } from '../../api/types.ts';

/** A funding row as the form holds it: money in 元 (two decimals), sent as 分. */
export interface FundingRow {
  year?: number | null;
  source?: string | null;
  amountYuan?: number | null;
  note?: string;
}

export interface HonourRow {
  level?: string | null;
  title?: string;
  year?: number | null;
}

/** What the platform form holds: the API's input shape, funding in 元, rows possibly half-filled. */
export type PlatformFormValues = Omit<Partial<PlatformInputRaw>, 'funding' | 'honours'> & {
  funding?: FundingRow[];
  honours?: HonourRow[];
};

export const yuanToFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
export const fenToYuan = (fen: number) => fen / 100;

export function emptyFormValues(prefill: { regionCode?: string; kind?: string }): PlatformFormValues {
  return {
    kind: prefill.kind as PlatformFormValues['kind'],
    regionCode: prefill.regionCode,
    name: '',
    address: '',
    lng: null,
    lat: null,
    openedOn: null,
    operatingMode: 'self',
    agencyId: null,
    floorArea: null,
    roomsIndividual: 0,
    roomsGroup: 0,
    roomsActivity: 0,
    equipment: '',
    constructionSource: null,
    services: [],
    openingHours: '',
    contactName: '',
    contactPhone: null,
    isPublic: true,
    status: 'operating',
    demoLevel: null,
    demoYear: null,
    brand: '',
    note: '',
    honours: [],
    funding: [],
  };
}

export function toFormValues(d: PlatformDetail): PlatformFormValues {
  return {
    kind: d.kind,
    name: d.name,
    regionCode: d.regionCode,
    address: d.address,
    lng: d.lng,
    lat: d.lat,
    openedOn: d.openedOn,
    operatingMode: d.operatingMode,
    agencyId: d.agencyId,
    floorArea: d.floorArea,
    roomsIndividual: d.roomsIndividual,
    roomsGroup: d.roomsGroup,
    roomsActivity: d.roomsActivity,
    equipment: d.equipment,
    constructionSource: d.constructionSource,
    services: d.services,
    openingHours: d.openingHours,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    isPublic: d.isPublic,
    status: d.status,
    demoLevel: d.demoLevel,
    demoYear: d.demoYear,
    brand: d.brand,
    note: d.note,
    honours: d.honours.map((h) => ({ ...h })),
    funding: d.funding.map((f) => ({ year: f.year, source: f.source, amountYuan: fenToYuan(f.amountFen), note: f.note })),
  };
}

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** The body of "create a platform" (also what the client checks with platformInputSchema). */
export function toInput(v: PlatformFormValues): PlatformInputRaw {
  const { funding, honours, ...rest } = v;
  return {
    ...rest,
    contactPhone: blankToNull(v.contactPhone),
    agencyId: v.operatingMode === 'agency' ? (v.agencyId ?? null) : null,
    lng: v.lng ?? null,
    lat: v.lat ?? null,
    floorArea: v.floorArea ?? null,
    honours: (honours ?? []).map((h) => ({ level: h.level, title: h.title ?? '', year: h.year })),
    funding: (funding ?? []).map((f) => ({ year: f.year, source: f.source, amountFen: yuanToFen(f.amountYuan), note: f.note ?? '' })),
  } as PlatformInputRaw;
}

/** The body of "edit a platform": only the fields that differ from the stored record (lists go whole). */
export function toPatch(initial: PlatformFormValues, v: PlatformFormValues): PlatformPatch {
  const before = toInput(initial) as Record<string, unknown>;
  const after = toInput(v) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (stableKey(value) !== stableKey(before[k])) patch[k] = value;
  }
  // The server checks mode and agency together: send both when either changes.
  if ('operatingMode' in patch || 'agencyId' in patch) {
    patch.operatingMode = after.operatingMode;
    patch.agencyId = after.agencyId;
  }
  // Coordinates come in pairs.
  if ('lng' in patch || 'lat' in patch) {
    patch.lng = after.lng;
    patch.lat = after.lat;
  }
  if ('demoLevel' in patch || 'demoYear' in patch) {
    patch.demoLevel = after.demoLevel;
    patch.demoYear = after.demoYear;
  }
  return patch as PlatformPatch;
}
