import type { ChecklistItem } from '../../../domain/network/checklist.ts';
import {
  CONSTRUCTION_SOURCES,
  DEMO_LEVELS,
  FUNDING_SOURCES,
  OPERATING_MODES,
  PLATFORM_KINDS,
  PLATFORM_STATUSES,
  STATION_SERVICES,
} from '../../../domain/network/code-lists.ts';
import type { PlatformInput, PlatformListItem } from '../../../domain/network/platform.schema.ts';
import { codeName, fromMask, HONOUR_LEVELS } from '../../../domain/talents/code-lists.ts';
import type { PlatformFundingTable } from '../../db/schema.ts';
import type { PlatformListRow, PlatformRow, StaffCounts } from './platforms.repository.ts';

/** Conversions between stored platform rows and the API's shapes (no I/O). */

type Honour = PlatformInput['honours'][number];

/** The stored record as an input again, so an edit can merge a patch and rebuild. */
export function storedPlatformInput(r: PlatformRow, funding: PlatformFundingTable[]): PlatformInput {
  return {
    kind: r.kind as PlatformInput['kind'],
    name: r.name,
    regionCode: r.region_code,
    address: r.address,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    openedOn: r.opened_on,
    operatingMode: r.operating_mode as PlatformInput['operatingMode'],
    agencyId: r.agency_id,
    floorArea: r.floor_area === null ? null : Number(r.floor_area),
    roomsIndividual: Number(r.rooms_individual),
    roomsGroup: Number(r.rooms_group),
    roomsActivity: Number(r.rooms_activity),
    equipment: r.equipment,
    constructionSource: r.construction_source as PlatformInput['constructionSource'],
    services: fromMask(STATION_SERVICES, Number(r.services)),
    openingHours: r.opening_hours,
    contactName: r.contact_name,
    contactPhone: r.contact_phone || null,
    isPublic: r.is_public === 1,
    status: r.status as PlatformInput['status'],
    demoLevel: r.demo_level as PlatformInput['demoLevel'],
    demoYear: r.demo_year === null ? null : Number(r.demo_year),
    brand: r.brand,
    note: r.note,
    honours: JSON.parse(r.honours) as Honour[],
    funding: funding.map((f) => ({
      year: Number(f.year),
      source: f.source as PlatformInput['funding'][number]['source'],
      amountFen: Number(f.amount_fen),
      note: f.note,
    })),
  };
}

export function toPlatformListItem(r: PlatformListRow, regionName: string, checksTotal: number, staff: StaffCounts | undefined): PlatformListItem {
  return {
    id: r.id,
    kind: r.kind as PlatformListItem['kind'],
    name: r.name,
    regionCode: r.region_code,
    regionName,
    address: r.address,
    status: r.status as PlatformListItem['status'],
    operatingMode: r.operating_mode as PlatformListItem['operatingMode'],
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    checksMet: Number(r.checks_met),
    checksTotal,
    standard: r.standard_met === 1,
    demoLevel: r.demo_level as PlatformListItem['demoLevel'],
    demoYear: r.demo_year === null ? null : Number(r.demo_year),
    brand: r.brand,
    staffFullTime: staff?.fullTime ?? 0,
    staffPartTime: staff?.partTime ?? 0,
    staffCertified: staff?.certified ?? 0,
    openedOn: r.opened_on,
    updatedAt: r.updated_at,
  };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** What the audit log records of a platform: readable values, lists as one line. */
export function platformAuditView(p: PlatformInput, agencyName: string | null): Record<string, unknown> {
  return {
    kind: codeName(PLATFORM_KINDS, p.kind),
    name: p.name,
    regionCode: p.regionCode,
    address: p.address,
    coordinates: p.lng !== null && p.lat !== null ? `${p.lng},${p.lat}` : null,
    openedOn: p.openedOn,
    operatingMode: codeName(OPERATING_MODES, p.operatingMode),
    agency: agencyName,
    floorArea: p.floorArea,
    rooms: `个案室 ${p.roomsIndividual}、小组室 ${p.roomsGroup}、活动室 ${p.roomsActivity}`,
    equipment: p.equipment,
    constructionSource: codeName(CONSTRUCTION_SOURCES, p.constructionSource) || null,
    services: p.services.map((s) => codeName(STATION_SERVICES, s)).join('、'),
    openingHours: p.openingHours,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    isPublic: p.isPublic,
    status: codeName(PLATFORM_STATUSES, p.status),
    demo: p.demoLevel ? `${codeName(DEMO_LEVELS, p.demoLevel)} ${p.demoYear ?? ''}`.trim() : null,
    brand: p.brand,
    note: p.note,
    honours: p.honours.map((h) => `${codeName(HONOUR_LEVELS, h.level)} ${h.title} ${h.year}`).join(';'),
    funding: p.funding.map((f) => `${f.year} ${codeName(FUNDING_SOURCES, f.source)} ${yuan(f.amountFen)}元`).join(';'),
  };
}

/** The item set with each item's stored check (unchecked items read as not met). */
export function checksView(items: readonly ChecklistItem[], stored: { item_key: string; met: number; evidence: string; checked_on: string | null }[]) {
  const by = new Map(stored.map((c) => [c.item_key, c]));
  return items.map((it) => {
    const c = by.get(it.key);
    return { itemKey: it.key, name: it.name, description: it.description, met: c?.met === 1, evidence: c?.evidence ?? '', checkedOn: c?.checked_on ?? null };
  });
}
