import { v7 as uuidv7 } from 'uuid';
import { STATION_SERVICES } from '../../../domain/network/code-lists.ts';
import { geoCell } from '../../../domain/network/geo.ts';
import type { PlatformInput } from '../../../domain/network/platform.schema.ts';
import { toMask } from '../../../domain/talents/code-lists.ts';
import type { PlatformFundingTable, PlatformsTable } from '../../db/schema.ts';

/**
 * The one builder of stored platform rows: every path that writes a platform (form, import, demo,
 * bench) goes through here, so the derived columns (geo cell, services mask, checklist outcome)
 * never disagree with what they come from.
 */
export interface PlatformRecord {
  row: PlatformsTable;
  funding: PlatformFundingTable[];
}

export interface PlatformRecordContext {
  /** ISO timestamp of the write. */
  at: string;
  /** The checklist outcome for the platform's province item set and its stored checks. */
  checks: { met: number; standard: boolean };
  /** The stored row being replaced, if any: keeps id and created_at. */
  previous?: Pick<PlatformsTable, 'id' | 'created_at'> | null;
  /** Id for a new record (bulk paths pre-compute them). */
  id?: string;
}

export function buildPlatformRecord(input: PlatformInput, ctx: PlatformRecordContext): PlatformRecord {
  const id = ctx.previous?.id ?? ctx.id ?? uuidv7();
  const hasGeo = input.lng !== null && input.lat !== null;
  const row: PlatformsTable = {
    id,
    kind: input.kind,
    name: input.name,
    region_code: input.regionCode,
    address: input.address,
    lng: hasGeo ? input.lng : null,
    lat: hasGeo ? input.lat : null,
    geo_cell: hasGeo ? geoCell(input.lng as number, input.lat as number) : null,
    opened_on: input.openedOn,
    operating_mode: input.operatingMode,
    // A self-run platform has no agency, whatever a merged patch carried along.
    agency_id: input.operatingMode === 'agency' ? input.agencyId : null,
    floor_area: input.floorArea,
    rooms_individual: input.roomsIndividual,
    rooms_group: input.roomsGroup,
    rooms_activity: input.roomsActivity,
    equipment: input.equipment,
    construction_source: input.constructionSource,
    services: toMask(STATION_SERVICES, input.services),
    opening_hours: input.openingHours,
    contact_name: input.contactName,
    contact_phone: input.contactPhone ?? '',
    is_public: input.isPublic ? 1 : 0,
    status: input.status,
    checks_met: ctx.checks.met,
    standard_met: ctx.checks.standard ? 1 : 0,
    demo_level: input.demoLevel,
    demo_year: input.demoLevel ? input.demoYear : null,
    honours: JSON.stringify(input.honours),
    brand: input.brand,
    note: input.note,
    created_at: ctx.previous?.created_at ?? ctx.at,
    updated_at: ctx.at,
  };
  const funding = input.funding.map((f) => ({
    id: uuidv7(),
    platform_id: id,
    year: f.year,
    source: f.source,
    amount_fen: f.amountFen,
    note: f.note,
  }));
  return { row, funding };
}
