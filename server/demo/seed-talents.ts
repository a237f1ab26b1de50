import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { subtreeRange } from '../../domain/standards/region-code.ts';
import { addDays } from '../../domain/talents/age.ts';
import type { TalentInput, TrainingInput } from '../../domain/talents/talent.schema.ts';
import { chinaToday } from '../clock.ts';
import type { Deps } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { ruleSetFor } from '../modules/talents/key-rules.service.ts';
import { buildTalentRecord, type TalentRecord } from '../modules/talents/talent-record.ts';
import { applyStatDeltas } from '../modules/talents/talent-stats.repository.ts';
import { addContribution, type StatDeltas } from '../modules/talents/talent-stats.ts';
import { insertTalents } from '../modules/talents/talents.repository.ts';
import { DEMO_SOCIAL_WORKER } from './demo-data.ts';
import { type GeneratedTalent, placesOf, TalentGenerator, type TalentPlace, townshipWeight } from './talent-generator.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export const DEMO_TALENT_SEED = 20_260_522;
export const DEMO_TALENT_COUNT = 6000;
const GUIZHOU = '520000000000';
const NANMING = '520102';
const YUNYAN = '520103';

export interface SeedTalentsResult {
  talents: number;
  keyTalents: number;
  duplicatePairs: number;
  boundTalentId: string;
  transferTalentId: string;
}

/**
 * Guizhou's demo talent population, in the caller's transaction: ~6,000 generated talents over the
 * province's townships, weighted by their county's population (denser in city districts and 街道),
 * built by buildTalentRecord like any other write, with the summary table kept in step. Plus what
 * the work pages need to show something: three duplicate-suspect pairs, a pending transfer from
 * 云岩区 requested by `nanming`, and the `sw-demo` social worker bound to a 南明区 talent with one
 * pending training submission. Generated from a fixed seed and today's date: never hand-typed figures.
 */
export async function seedDemoTalents(
  trx: Conn,
  deps: Pick<Deps, 'crypto' | 'clock'>,
  opts: { count?: number; seed?: number } = {},
): Promise<SeedTalentsResult> {
  const today = chinaToday(deps.clock);
  const now = deps.clock.now();
  const { lower, upper } = subtreeRange(GUIZHOU);
  const guizhou = await trx
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'population'])
    .where('code', '>=', lower)
    .where('code', '<', upper)
    .where('level', '<=', 4)
    .where('status', '=', 'active')
    .execute();
  const counties = await trx.selectFrom('regions').select('code').where('level', '=', 3).where('status', '=', 'active').execute();

  // A township's weight: its county's population shared among the county's townships.
  const townships = new Map<string, number>();
  for (const r of guizhou) if (r.level === 4) townships.set(r.code.slice(0, 6), (townships.get(r.code.slice(0, 6)) ?? 0) + 1);
  const population = new Map(guizhou.filter((r) => r.level === 3).map((r) => [r.code.slice(0, 6), r.population === null ? null : Number(r.population)]));
  const known = [...population.values()].filter((p): p is number => p !== null);
  const typical = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const { places } = placesOf(guizhou, (t) =>
    townshipWeight(t.code, (population.get(t.code.slice(0, 6)) ?? typical) / (townships.get(t.code.slice(0, 6)) ?? 1)),
  );
  if (!places.length) throw new Error('seedDemoTalents: Guizhou has no townships loaded');

  const gen = new TalentGenerator({ seed: opts.seed ?? DEMO_TALENT_SEED, today, places, counties: counties.map((c) => c.code) });
  const generated: GeneratedTalent[] = [];
  for (let i = 0; i < (opts.count ?? DEMO_TALENT_COUNT); i++) generated.push(gen.next());

  /** The first generated talent matching `pred` in the county, or a new one generated there until one does. */
  const taken = new Set<GeneratedTalent>();
  const find = (county: string, pred: (t: TalentInput) => boolean): GeneratedTalent => {
    const hit = generated.find((g) => !taken.has(g) && g.input.regionCode.startsWith(county) && g.input.status === 'active' && pred(g.input));
    if (hit) {
      taken.add(hit);
      return hit;
    }
    const place = places.find((p) => p.code.startsWith(county));
    if (!place) throw new Error(`seedDemoTalents: no township of ${county} loaded`);
    for (let tries = 0; tries < 100_000; tries++) {
      const g = gen.at(place);
      generated.push(g);
      if (g.input.status === 'active' && pred(g.input)) {
        taken.add(g);
        return g;
      }
    }
    throw new Error(`seedDemoTalents: no suitable talent generated in ${county}`);
  };
  // A social worker proper: certified and registered, in a professional post, under 45.
  const bound = find(
    NANMING,
    (t) => t.certificates.some((c) => c.registeredOn !== null) && t.professionalPost && (t.birthDate as string) >= `${Number(today.slice(0, 4)) - 45}`,
  );
  const transfer = find(YUNYAN, () => true);
  // Duplicate suspects: the same person entered twice, in 南明区 (where nanming sees them), 遵义 and 黔东南.
  const originals = [find(NANMING, () => true), find('5203', () => true), find('5226', () => true)];
  // Entered again some weeks after the first record (never after now).
  const later = (iso: string) => new Date(Math.min(Date.parse(iso) + 40 * 86_400_000, now.getTime())).toISOString();
  const duplicates = originals.map((o) => ({ input: gen.duplicateOf(o.input), at: later(o.at) }));
  generated.push(...duplicates);

  const { ruleSet } = await ruleSetFor(trx, GUIZHOU);
  const records = new Map<GeneratedTalent, TalentRecord>();
  const deltas: StatDeltas = new Map();
  let keyTalents = 0;
  for (const g of generated) {
    // Township-level regions: urban/rural follows from the code (街道 urban, 镇/乡 rural).
    const record = buildTalentRecord(g.input, { crypto: deps.crypto, ruleSet, urbanRuralClass: null, at: g.at });
    records.set(g, record);
    addContribution(deltas, record.row, 1);
    if (record.row.is_key) keyTalents++;
  }
  const all = [...records.values()];
  for (let i = 0; i < all.length; i += 1000) await insertTalents(trx, all.slice(i, i + 1000));
  await applyStatDeltas(trx, deltas);

  const boundRow = (records.get(bound) as TalentRecord).row;
  const transferRow = (records.get(transfer) as TalentRecord).row;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();

  // A pending transfer: a 云岩区 talent now working in 南明区, requested by the 南明区 administrator.
  const requester = await trx.selectFrom('users').select(['id', 'username']).where('username', '=', 'nanming').executeTakeFirst();
  const target = places.find((p) => p.code.startsWith(NANMING) && p.code !== boundRow.region_code) as TalentPlace;
  await trx
    .insertInto('talent_transfers')
    .values({
      id: uuidv7(),
      talent_id: transferRow.id,
      talent_name: transferRow.name,
      from_region: transferRow.region_code,
      to_region: target.code,
      reason: `本人已到${target.name}工作,申请调入`,
      status: 'pending',
      requested_by: requester?.id ?? null,
      requested_by_name: requester?.username ?? null,
      requested_at: at(2),
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();

  // The demo social worker's own record, and a training they submitted that awaits verification.
  await trx
    .updateTable('users')
    .set({ display_name: boundRow.name, region_code: boundRow.region_code, bound_entity_type: 'talent', bound_entity_id: boundRow.id })
    .where('username', '=', DEMO_SOCIAL_WORKER)
    .execute();
  const training: TrainingInput = { date: addDays(today, -6), hours: 16, title: '社会工作督导能力提升培训', organizer: '贵阳市民政局' };
  await trx
    .insertInto('talent_submissions')
    .values({
      id: uuidv7(),
      talent_id: boundRow.id,
      region_code: boundRow.region_code,
      kind: 'training',
      payload: JSON.stringify(training),
      status: 'pending',
      submitted_at: at(1),
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();

  return { talents: all.length, keyTalents, duplicatePairs: duplicates.length, boundTalentId: boundRow.id, transferTalentId: transferRow.id };
}
