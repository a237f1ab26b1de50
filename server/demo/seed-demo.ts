import { subtreeRange } from '../../domain/standards/region-code.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Deps } from '../context.ts';
import { buildUserRow } from '../modules/users/user-row.ts';
import { DEMO_PASSWORD, DEMO_USERS, ETHNIC_PREFECTURES, GUIZHOU_CENSUS_2020, KEY_COUNTY_NAME_PREFIXES, REVOLUTIONARY_PREFECTURES } from './demo-data.ts';
import { seedDemoNetwork } from './seed-network.ts';
import { DEMO_TALENT_COUNT, seedDemoTalents } from './seed-talents.ts';

/**
 * Demo data for Guizhou: census populations for the province and prefectures; county figures
 * estimated by apportioning each prefecture's census figure over its villages/communities (marked
 * 'estimate', editable); a few designations; the demo accounts; a generated talent population
 * (seed-talents.ts) and service network (seed-network.ts).
 */
export async function seedDemo(deps: Deps): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [code, population] of Object.entries(GUIZHOU_CENSUS_2020)) {
      await trx.updateTable('regions').set({ population, population_source: 'census2020', updated_at: now }).where('code', '=', code).execute();
    }
    const { lower, upper } = subtreeRange('520000000000');
    const counties = await trx
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 3)
      .where('code', '>=', lower)
      .where('code', '<', upper)
      .execute();
    // ~18,000 village codes: counting them per county in memory is simpler than a per-dialect GROUP BY substr.
    const villages = await trx.selectFrom('regions').select('code').where('level', '=', 5).where('code', '>=', lower).where('code', '<', upper).execute();
    const perCounty = new Map<string, number>();
    for (const v of villages) perCounty.set(v.code.slice(0, 6), (perCounty.get(v.code.slice(0, 6)) ?? 0) + 1);
    const perCity = new Map<string, number>();
    for (const c of counties) perCity.set(c.code.slice(0, 4), (perCity.get(c.code.slice(0, 4)) ?? 0) + (perCounty.get(c.code.slice(0, 6)) ?? 0));
    for (const c of counties) {
      const cityPop = GUIZHOU_CENSUS_2020[c.code.slice(0, 4).padEnd(12, '0')];
      const cityVillages = perCity.get(c.code.slice(0, 4)) ?? 0;
      const own = perCounty.get(c.code.slice(0, 6)) ?? 0;
      const designations: string[] = [];
      if (ETHNIC_PREFECTURES.includes(c.code.slice(0, 4))) designations.push('ethnic_minority_area');
      if (REVOLUTIONARY_PREFECTURES.includes(c.code.slice(0, 4))) designations.push('old_revolutionary_base');
      if (KEY_COUNTY_NAME_PREFIXES.some((p) => c.name.startsWith(p))) designations.push('rural_revitalization_key_county', 'remote_mountain_area');
      await trx
        .updateTable('regions')
        .set({
          population: cityPop && cityVillages ? Math.round((cityPop * own) / cityVillages) : null,
          population_source: cityPop && cityVillages ? 'estimate' : null,
          designations: JSON.stringify(designations),
          updated_at: now,
        })
        .where('code', '=', c.code)
        .execute();
    }
    for (const p of ETHNIC_PREFECTURES) {
      await trx
        .updateTable('regions')
        .set({ designations: JSON.stringify(['ethnic_minority_area']) })
        .where('code', '=', p.padEnd(12, '0'))
        .execute();
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      await trx
        .insertInto('users')
        .values(
          buildUserRow({ username: u.username, displayName: u.displayName, passwordHash: hash, role: u.role, regionCode: u.regionCode, at: now, isDemo: true }),
        )
        .onConflict((oc) => oc.column('username').doNothing())
        .execute();
    }
    // After the populations (they weight the townships) and the accounts (the transfer's requester, sw-demo).
    // DEMO_TALENTS=0 leaves the registry empty (sw-demo then stays unbound), another number resizes it.
    const count = Number(process.env.DEMO_TALENTS ?? DEMO_TALENT_COUNT);
    if (count > 0) await seedDemoTalents(trx, deps, { count });
    // After the talents (staff links) and the accounts (agency-demo is bound here). DEMO_NETWORK=0 skips it.
    if (process.env.DEMO_NETWORK !== '0') await seedDemoNetwork(trx, deps);
  });
}
