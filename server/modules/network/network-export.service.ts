/**
 * Templates and exports of the platform, agency and community-group registers. An export is exactly
 * the filtered list (the owners' list queries, in list order, in scope), streamed batch by batch,
 * with the template's columns so it can be corrected and imported again; each export is audited.
 */
import type { Writable } from 'node:stream';
import type { PlatformFilter } from '../../../domain/network/platform.schema.ts';
import type { Actor, Deps } from '../../context.ts';
import { type ExportRow, type ExtraColumn, writeNetworkExport } from '../../io/xlsx/network-export.ts';
import { NETWORK_SHEETS, type NetworkSheetKind, writeNetworkTemplate } from '../../io/xlsx/network-template.ts';
import type { AgencyFilter } from '../agencies/agencies.repository.ts';
import { iterateAgencies } from '../agencies/agencies.repository.ts';
import { storedAgency } from '../agencies/agency-record.ts';
import { type GroupFilter, iterateGroups, platformNames } from '../agencies/community-groups.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { regionNamesOf } from '../regions/region-names.ts';
import { storedPlatformInput } from './platform-views.ts';
import { iteratePlatforms } from './platforms.repository.ts';

export function writeTemplate(kind: NetworkSheetKind, out: Writable) {
  return writeNetworkTemplate(kind, out);
}

export const templateFileName = (kind: NetworkSheetKind) => `${NETWORK_SHEETS[kind].title}.xlsx`;
export const exportFileName = (kind: NetworkSheetKind, today: string) => `${NETWORK_SHEETS[kind].sheetName}_${today}.xlsx`;

const REGION_NAME: ExtraColumn = { header: '所在地区名称', key: 'regionName', width: 30 };

/** The pages of a list, each with the region names of its rows. */
async function* withRegionNames<R extends { region_code: string }>(deps: Deps, pages: AsyncIterable<R[]>) {
  for await (const page of pages)
    yield {
      page,
      names: await regionNamesOf(
        deps.db,
        page.map((r) => r.region_code),
      ),
    };
}

async function* platformRows(deps: Deps, actor: Actor, filter: PlatformFilter): AsyncGenerator<ExportRow> {
  for await (const { page, names } of withRegionNames(deps, iteratePlatforms(deps.db, actor.scope, filter))) {
    for (const r of page) {
      // Funding is not a spreadsheet column: the stored input without it.
      yield {
        ...storedPlatformInput(r, []),
        agency: r.agency_name,
        regionName: names.get(r.region_code) ?? '',
        checksMet: Number(r.checks_met),
        standard: r.standard_met === 1 ? '是' : '否',
      };
    }
  }
}

async function* agencyRows(deps: Deps, actor: Actor, filter: AgencyFilter): AsyncGenerator<ExportRow> {
  for await (const { page, names } of withRegionNames(deps, iterateAgencies(deps.db, actor.scope, filter))) {
    for (const r of page) {
      const a = storedAgency(r);
      // An accepted wrong check character is re-confirmed, so the exported file imports again as it is.
      yield { ...a, confirmCheck: a.creditCheckOverridden ? true : null, regionName: names.get(r.region_code) ?? '', eligible: r.eligible === 1 ? '是' : '否' };
    }
  }
}

async function* groupRows(deps: Deps, actor: Actor, filter: GroupFilter): AsyncGenerator<ExportRow> {
  for await (const { page, names } of withRegionNames(deps, iterateGroups(deps.db, actor.scope, filter))) {
    const incubators = await platformNames(
      deps.db,
      page.flatMap((r) => (r.incubator_id ? [r.incubator_id] : [])),
    );
    for (const r of page) {
      yield {
        name: r.name,
        regionCode: r.region_code,
        kind: r.kind,
        members: Number(r.members),
        registration: r.registration,
        incubator: r.incubator_id ? (incubators.get(r.incubator_id) ?? null) : null,
        establishedOn: r.established_on,
        contactName: r.contact_name,
        contactPhone: r.contact_phone,
        status: r.status,
        note: r.note,
        regionName: names.get(r.region_code) ?? '',
      };
    }
  }
}

export type ExportFilter = { platform: PlatformFilter; agency: AgencyFilter; community_group: GroupFilter };

/** Streams the export of one register to `out` and records it in the audit log. */
export async function exportRegister<K extends NetworkSheetKind>(deps: Deps, actor: Actor, kind: K, filter: ExportFilter[K], out: Writable) {
  let result: { rows: number };
  if (kind === 'platform') {
    result = await writeNetworkExport(out, kind, platformRows(deps, actor, filter as PlatformFilter), [
      REGION_NAME,
      { header: '达标项数', key: 'checksMet', width: 9 },
      { header: '是否达标', key: 'standard', width: 9 },
    ]);
  } else if (kind === 'agency') {
    result = await writeNetworkExport(out, kind, agencyRows(deps, actor, filter as AgencyFilter), [
      REGION_NAME,
      { header: '具备承接资格', key: 'eligible', width: 12 },
    ]);
  } else {
    result = await writeNetworkExport(out, kind, groupRows(deps, actor, filter as GroupFilter), [REGION_NAME]);
  }
  await recordAudit(deps.db, deps, actor, {
    action: 'export',
    entityType: kind,
    entityId: null,
    entityLabel: NETWORK_SHEETS[kind].sheetName,
    regionCode: actor.scope.regionCode,
    changes: { rows: [null, result.rows], filter: [null, filter] },
  });
}
