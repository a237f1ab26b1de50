import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_LEVELS } from '../../domain/network/platform-kind.ts';
import { parseCreditCode } from '../../domain/standards/credit-code.ts';
import { levelOf } from '../../domain/standards/region-code.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../tests/helpers/test-db.ts';
import { loadConfig } from '../config.ts';
import { RegionCentroids } from '../geo/region-centroids.ts';
import { computeDirect, readNetworkStats } from '../modules/network/network-stats.repository.ts';
import { NetworkGenerator } from './network-generator.ts';

const sorted = (rows: { dim: string; bucket: string; n: number }[]) =>
  rows
    .filter((r) => Number(r.n) !== 0)
    .map((r) => `${r.dim}|${r.bucket}|${Number(r.n)}`)
    .sort();

describe.each(DIALECTS)('demo service network (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const db = () => t.db.db;

  it('covers most but not all units, each platform at its kind’s level, with coordinates in Guizhou', async () => {
    const platforms = await db()
      .selectFrom('platforms')
      .select(['kind', 'region_code', 'status', 'lng', 'lat', 'standard_met', 'demo_level', 'brand'])
      .execute();
    for (const p of platforms) {
      expect(KIND_LEVELS[p.kind as keyof typeof KIND_LEVELS]).toContain(levelOf(p.region_code));
      expect(p.lng).toBeGreaterThan(103.5);
      expect(p.lng).toBeLessThan(109.7);
      expect(p.lat).toBeGreaterThan(24.5);
      expect(p.lat).toBeLessThan(29.3);
    }
    const units = async (level: number) =>
      Number(
        (
          await db()
            .selectFrom('regions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('level', '=', level)
            .where('code', 'like', '52%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const covered = (kind: string) => new Set(platforms.filter((p) => p.kind === kind && p.status === 'operating').map((p) => p.region_code)).size;
    const share = async (kind: string, level: number) => covered(kind) / (await units(level));
    expect(await share('guidance_centre', 2)).toBeCloseTo(8 / 9, 5);
    expect(await share('county_hub', 3)).toBeGreaterThan(0.8);
    expect(await share('county_hub', 3)).toBeLessThan(1);
    expect(await share('station', 4)).toBeGreaterThan(0.75);
    expect(await share('station', 4)).toBeLessThan(0.92);
    expect(await share('room', 5)).toBeGreaterThan(0.2);
    expect(await share('room', 5)).toBeLessThan(0.4);

    const stations = platforms.filter((p) => p.kind === 'station');
    expect(stations.some((p) => p.status === 'planned')).toBe(true);
    expect(stations.some((p) => p.status === 'suspended')).toBe(true);
    const standard = stations.filter((p) => p.standard_met === 1).length / stations.length;
    expect(standard).toBeGreaterThan(0.3);
    expect(standard).toBeLessThan(0.55);
    const demos = stations.filter((p) => p.demo_level);
    expect(demos.some((p) => p.demo_level === 'provincial')).toBe(true);
    expect(demos.some((p) => p.demo_level === 'city')).toBe(true);
    expect(demos.every((p) => p.brand !== '')).toBe(true);
  });

  it('keeps the stored checklist figures equal to the stored checks', async () => {
    const rows = await db()
      .selectFrom('platforms as p')
      .leftJoin('platform_checks as c', (j) => j.onRef('c.platform_id', '=', 'p.id').on('c.met', '=', 1))
      .select(['p.id', 'p.checks_met', 'p.standard_met', (eb) => eb.fn.count<number>('c.item_key').as('met')])
      .where('p.kind', '=', 'station')
      .groupBy(['p.id', 'p.checks_met', 'p.standard_met'])
      .execute();
    for (const r of rows) {
      expect(Number(r.met)).toBe(r.checks_met);
      expect(r.standard_met).toBe(r.checks_met === 6 ? 1 : 0);
    }
  });

  it('gives agencies valid credit codes of their county, two accepted with a wrong check character', async () => {
    const agencies = await db().selectFrom('agencies').select(['name', 'credit_code', 'credit_check_overridden', 'region_code']).execute();
    expect(agencies.length).toBeGreaterThanOrEqual(115);
    expect(agencies.length).toBeLessThanOrEqual(125);
    for (const a of agencies) {
      const parsed = parseCreditCode(a.credit_code);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.authority + parsed.value.kind).toBe('52');
      expect(parsed.value.regionCode).toBe(a.region_code.slice(0, 6));
      expect(parsed.value.checksumValid).toBe(a.credit_check_overridden === 0);
      expect(a.name).toMatch(/社会工作(服务中心|服务社|发展中心)$/);
    }
    expect(agencies.filter((a) => a.credit_check_overridden === 1).length).toBe(2);
    const agencyRun = await db().selectFrom('platforms').select(['agency_id', 'region_code', 'operating_mode']).where('agency_id', 'is not', null).execute();
    expect(agencyRun.length).toBeGreaterThan(300);
    const regionOf = new Map((await db().selectFrom('agencies').select(['id', 'region_code']).execute()).map((a) => [a.id, a.region_code]));
    for (const p of agencyRun) {
      expect(p.operating_mode).toBe('agency');
      expect(regionOf.get(p.agency_id as string)?.slice(0, 6)).toBe(p.region_code.slice(0, 6));
    }
  });

  it('links staff from the demo talents of the same county, and groups to their township’s station', async () => {
    const links = await db()
      .selectFrom('platform_staff as s')
      .innerJoin('platforms as p', 'p.id', 's.platform_id')
      .innerJoin('talents as t', 't.id', 's.talent_id')
      .select(['p.region_code as platform', 't.region_code as talent'])
      .execute();
    expect(links.length).toBeGreaterThan(1000);
    for (const l of links) expect(l.talent.slice(0, 6)).toBe(l.platform.slice(0, 6));
    const agencyLinks = await db()
      .selectFrom('agency_staff as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .innerJoin('talents as t', 't.id', 's.talent_id')
      .select(['a.region_code as agency', 't.region_code as talent'])
      .execute();
    expect(agencyLinks.length).toBeGreaterThan(100);
    for (const l of agencyLinks) expect(l.talent.slice(0, 6)).toBe(l.agency.slice(0, 6));

    const groups = await db()
      .selectFrom('community_groups as g')
      .leftJoin('platforms as p', 'p.id', 'g.incubator_id')
      .select(['g.region_code', 'p.region_code as incubator', 'p.kind'])
      .execute();
    expect(groups.length).toBe(600);
    const incubated = groups.filter((g) => g.incubator);
    expect(incubated.length).toBeGreaterThan(300);
    for (const g of incubated) {
      expect(g.kind).toBe('station');
      expect(g.region_code.slice(0, 9)).toBe(g.incubator?.slice(0, 9));
    }
  });

  it('rebuilds the summary to equal a direct count', async () => {
    for (const code of ['520000000000', '520100000000', '520102000000']) {
      expect(sorted(await readNetworkStats(db(), code))).toEqual(sorted(await computeDirect(db(), code)));
    }
    expect((await readNetworkStats(db(), '520000000000')).length).toBeGreaterThan(10);
  });

  it('binds agency-demo to a 南明区 agency', async () => {
    const s = await t.login('agency-demo');
    expect(s.user.role).toBe('agency_admin');
    const user = await db()
      .selectFrom('users')
      .select(['bound_entity_type', 'bound_entity_id', 'display_name'])
      .where('username', '=', 'agency-demo')
      .executeTakeFirstOrThrow();
    expect(user.bound_entity_type).toBe('agency');
    const agency = await db()
      .selectFrom('agencies')
      .select(['name', 'region_code'])
      .where('id', '=', user.bound_entity_id as string)
      .executeTakeFirstOrThrow();
    expect(agency.region_code).toBe('520102000000');
    expect(user.display_name).toBe(`${agency.name}管理员`);
  });
});

describe('network generator', () => {
  it('is deterministic: the same seed gives the same rows (ids aside)', () => {
    const centroids = RegionCentroids.load(loadConfig().mapDir, ['52']);
    const make = () => {
      const g = new NetworkGenerator({ seed: 7, today: '2026-11-22', centroids });
      const county = { code: '520102000000', name: '南明区' };
      const strip = <T extends { id: string }>(x: T) => ({ ...x, id: '' });
      return {
        agency: strip(g.agency(county, '贵阳市', 'now')),
        station: strip(
          g.platform('station', { code: '520102001000', name: '新华路街道' }, 'now', {
            agencyId: null,
            status: 'operating',
            standardShare: 0.5,
            withDetails: true,
          }).row,
        ),
      };
    };
    expect(make()).toEqual(make());
    expect(centroids.of('520102001000')).toEqual(centroids.of('520102001000'));
    expect(centroids.size).toBeGreaterThan(90);
  });
});
