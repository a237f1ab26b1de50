import type { Kysely, Transaction } from 'kysely';
import { subtreeRange } from '../../domain/standards/region-code.ts';
import { chinaToday } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Deps } from '../context.ts';
import type { AgenciesTable, AgencyStaffTable, CommunityGroupsTable, Database, PlatformStaffTable } from '../db/schema.ts';
import { RegionCentroids } from '../geo/region-centroids.ts';
import { rebuildNetworkStats } from '../modules/network/network-stats.repository.ts';
import { DEMO_AGENCY_ADMIN } from './demo-data.ts';
import { type GeneratedPlatform, NetworkGenerator, type Place } from './network-generator.ts';
import { between, pick } from './prng.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const DEMO_NETWORK_SEED = 20_261_204;
const GUIZHOU = '520000000000';
const NANMING = '520102';
/** Target sizes of the demo (approximate where a share decides). */
const AGENCY_TARGET = 120;
const GROUP_TARGET = 600;

export interface SeedNetworkResult {
  agencies: number;
  platforms: number;
  groups: number;
  platformStaff: number;
  agencyStaff: number;
  /** The 南明区 agency the `agency-demo` account administers. */
  demoAgencyId: string;
}

interface Unit extends Place {
  level: number;
}

/**
 * Guizhou's demo service network, in the caller's transaction: a guidance centre in 8 of the 9
 * cities, a hub in ~90% of counties, a station in ~88% of townships (some planned or suspended),
 * rooms in ~45% of urban-district communities and ~25% of other villages, ~120 agencies (valid credit
 * codes, two accepted with a wrong check character) running many stations, checklists at all stages,
 * a few demonstration stations with brands, ~600 community groups incubated by stations, and staff
 * links from the demo talents to platforms and agencies of their own county. Bulk inserts (no
 * per-row audit, like the talent seed), then the summary is rebuilt from the platforms.
 */
export async function seedDemoNetwork(trx: Conn, deps: Pick<Deps, 'clock'>, opts: { seed?: number; mapDir?: string } = {}): Promise<SeedNetworkResult> {
  const now = deps.clock.now().toISOString();
  const gen = new NetworkGenerator({
    seed: opts.seed ?? DEMO_NETWORK_SEED,
    today: chinaToday(deps.clock),
    centroids: RegionCentroids.load(opts.mapDir ?? loadConfig().mapDir, ['52']),
  });
  const r = gen.rand;
  const { lower, upper } = subtreeRange(GUIZHOU);
  const units: Unit[] = await trx
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('code', '>=', lower)
    .where('code', '<', upper)
    .where('level', '>=', 2)
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
  const cities = units.filter((u) => u.level === 2);
  const counties = units.filter((u) => u.level === 3);
  const townships = units.filter((u) => u.level === 4);
  const villages = units.filter((u) => u.level === 5);
  if (!counties.length) throw new Error('seedDemoNetwork: Guizhou has no counties loaded');
  const cityName = new Map(cities.map((c) => [c.code.slice(0, 4), c.name]));
  // City districts (county digits 01–19) are urban: more agencies, denser rooms.
  const isDistrict = (code: string) => Number(code.slice(4, 6)) < 20;

  // Agencies: one in most counties, more in city districts, at least two in 南明区 (the demo account's).
  const agencies: AgenciesTable[] = [];
  const perCounty = new Map<string, AgenciesTable[]>();
  const addAgency = (county: Unit) => {
    const wrong = agencies.length === 7 || agencies.length === 61;
    const a = gen.agency(county, cityName.get(county.code.slice(0, 4)) ?? '', now, wrong);
    agencies.push(a);
    perCounty.set(county.code.slice(0, 6), [...(perCounty.get(county.code.slice(0, 6)) ?? []), a]);
  };
  const districts = counties.filter((c) => isDistrict(c.code));
  for (const c of counties) if (c.code.startsWith(NANMING) || r() < 0.85) addAgency(c);
  for (let i = 0; agencies.length < AGENCY_TARGET; i++) addAgency(i % 3 === 2 || !districts.length ? pick(r, counties) : pick(r, districts));
  const nanmingAgencies = perCounty.get(NANMING) ?? [];
  if (nanmingAgencies.length < 2) addAgency(counties.find((c) => c.code.startsWith(NANMING)) ?? counties[0]);

  const platforms: GeneratedPlatform[] = [];
  const agencyFor = (code: string) => {
    const list = perCounty.get(code.slice(0, 6));
    return list?.length && r() < 0.6 ? pick(r, list).id : null;
  };
  // One city goes without a centre (still being set up), never 贵阳 (where the demo accounts work).
  const skipCity = pick(
    r,
    cities.filter((c) => !c.code.startsWith('5201')),
  )?.code;
  for (const c of cities) {
    if (c.code === skipCity) continue;
    platforms.push(gen.platform('guidance_centre', c, now, { agencyId: null, status: 'operating', standardShare: 0.7, withDetails: true }));
  }
  for (const c of counties) {
    if (!c.code.startsWith(NANMING) && r() >= 0.9) continue;
    platforms.push(gen.platform('county_hub', c, now, { agencyId: agencyFor(c.code), status: 'operating', standardShare: 0.55, withDetails: true }));
  }
  const stationOf = new Map<string, string>();
  for (const t of townships) {
    if (r() >= 0.88) continue;
    const status = gen.status();
    const p = gen.platform('station', t, now, { agencyId: status === 'planned' ? null : agencyFor(t.code), status, standardShare: 0.42, withDetails: true });
    platforms.push(p);
    if (status === 'operating') stationOf.set(t.code.slice(0, 9), p.row.id);
  }
  for (const v of villages) {
    if (r() >= (isDistrict(v.code) ? 0.45 : 0.25)) continue;
    platforms.push(gen.platform('room', v, now, { agencyId: null, status: r() < 0.95 ? 'operating' : 'planned', standardShare: 0, withDetails: false }));
  }

  // Community groups in villages/communities, incubated by their township's station where one operates.
  const groups: CommunityGroupsTable[] = [];
  for (let i = 0; i < GROUP_TARGET && villages.length; i++) {
    const v = pick(r, villages);
    const station = stationOf.get(v.code.slice(0, 9)) ?? null;
    groups.push(gen.group(v, station && r() < 0.8 ? station : null, now));
  }

  // Staff: the demo talents work in their own county (a talent's region is a township).
  const talents = await trx.selectFrom('talents').select(['id', 'region_code']).where('status', '=', 'active').orderBy('id').execute();
  const talentsOf = new Map<string, string[]>();
  const townshipOf = new Map<string, string>();
  for (const t of talents) {
    talentsOf.set(t.region_code.slice(0, 6), [...(talentsOf.get(t.region_code.slice(0, 6)) ?? []), t.id]);
    townshipOf.set(t.id, t.region_code.slice(0, 9));
  }
  const platformStaff: PlatformStaffTable[] = [];
  const agencyStaff: AgencyStaffTable[] = [];
  const placed = new Set<string>();
  const since = (opened: string | null) => opened ?? now.slice(0, 10);
  for (const { row } of platforms) {
    if (row.kind === 'room' || row.status !== 'operating') continue;
    const pool = (talentsOf.get(row.region_code.slice(0, 6)) ?? []).filter((id) => !placed.has(id));
    // Prefer the talents registered in the station's own township.
    const own = (id: string) => (townshipOf.get(id) === row.region_code.slice(0, 9) ? 0 : 1);
    pool.sort((a, b) => own(a) - own(b));
    const n = Math.min(pool.length, between(r, 1, 3));
    for (let i = 0; i < n; i++) {
      placed.add(pool[i]);
      platformStaff.push({
        platform_id: row.id,
        talent_id: pool[i],
        post: i === 0 ? '站长' : '驻站社工',
        full_time: r() < 0.75 ? 1 : 0,
        since: since(row.opened_on),
      });
      if (row.agency_id) agencyStaff.push({ agency_id: row.agency_id, talent_id: pool[i], post: '项目社工', full_time: 1, since: since(row.opened_on) });
    }
  }
  const linked = new Set(agencyStaff.map((s) => `${s.agency_id}|${s.talent_id}`));
  for (const a of agencies) {
    const pool = (talentsOf.get(a.region_code.slice(0, 6)) ?? []).filter((id) => !placed.has(id));
    for (let i = 0, n = Math.min(pool.length, between(r, 1, 4)); i < n; i++) {
      const id = pool[i];
      if (linked.has(`${a.id}|${id}`)) continue;
      placed.add(id);
      linked.add(`${a.id}|${id}`);
      agencyStaff.push({ agency_id: a.id, talent_id: id, post: i === 0 ? '机构负责人' : '社会工作者', full_time: 1, since: a.registered_on });
    }
  }

  await insertChunks(trx, 'agencies', agencies);
  await insertChunks(
    trx,
    'platforms',
    platforms.map((p) => p.row),
  );
  await insertChunks(
    trx,
    'platform_checks',
    platforms.flatMap((p) => p.checks),
  );
  await insertChunks(
    trx,
    'platform_funding',
    platforms.flatMap((p) => p.funding),
  );
  await insertChunks(trx, 'community_groups', groups);
  await insertChunks(trx, 'platform_staff', platformStaff);
  await insertChunks(trx, 'agency_staff', agencyStaff);
  await rebuildNetworkStats(trx);

  // The agency administrator's account administers the first 南明区 agency.
  const demoAgency = agencies.find((a) => a.region_code.startsWith(NANMING)) as AgenciesTable;
  await trx
    .updateTable('users')
    .set({ bound_entity_type: 'agency', bound_entity_id: demoAgency.id, display_name: `${demoAgency.name}管理员`, region_code: demoAgency.region_code })
    .where('username', '=', DEMO_AGENCY_ADMIN)
    .execute();

  return {
    agencies: agencies.length,
    platforms: platforms.length,
    groups: groups.length,
    platformStaff: platformStaff.length,
    agencyStaff: agencyStaff.length,
    demoAgencyId: demoAgency.id,
  };
}

/**
 * Multi-row inserts sized under SQLite's bound-parameter limit (32,766) for the widest table
 * (platforms, 33 columns).
 */
export async function insertChunks<T extends keyof Database & string>(db: Conn, table: T, rows: readonly Database[T][], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to its insert type; rows are Database[T]
    await (db as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}
