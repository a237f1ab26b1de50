import { v7 as uuidv7 } from 'uuid';
import { CREDIT_ALPHABET, creditCheckChar } from '../../domain/standards/credit-code.ts';
import type { PlatformsTable } from '../../server/db/schema.ts';
import type { Session, TestApp } from './test-app.ts';

/**
 * Fixtures of the agency and community-group tests: fresh credit codes (valid, or with a wrong check
 * character), agencies created through the API, and platform rows written directly (the platform
 * module's own API is not needed to have a station to link to).
 */

let seq = 0;

/** A well-formed civil-affairs credit code (51 = 社会团体 … 52 = 社会服务机构) with a correct check character. */
export function newCreditCode(region = '520102'): string {
  const n = ++seq + Math.floor(Math.random() * 1e6) * 1000;
  const first17 = `52${region}MJ${String(n % 1e7).padStart(7, '0')}`;
  return first17 + creditCheckChar(first17);
}

/** The same code with a different, wrong check character. */
export function withWrongCheck(code: string): string {
  const right = code[17];
  const wrong = CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(right) + 1) % CREDIT_ALPHABET.length];
  return code.slice(0, 17) + wrong;
}

export function agencyBody(overrides: Record<string, unknown> = {}) {
  return { name: `测试社工服务中心${++seq}`, creditCode: newCreditCode(), regionCode: '520102000000', ...overrides };
}

/** Creates an agency through the API; throws unless 200. Returns the detail answer. */
// biome-ignore lint/suspicious/noExplicitAny: the detail answer is read field by field by the tests
export async function createAgencyViaApi(s: Session, overrides: Record<string, unknown> = {}): Promise<any> {
  const body = agencyBody(overrides);
  const res = await s.request({ method: 'POST', url: '/api/v1/agencies', payload: body });
  if (res.statusCode !== 200) throw new Error(`create agency ${body.name}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A platform row written directly (no network summary upkeep: tests of other modules only link to it). */
export async function insertPlatformRow(t: TestApp, p: Partial<PlatformsTable> & { kind: string; region_code: string }): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = uuidv7();
  await t.db.db
    .insertInto('platforms')
    .values({
      id,
      name: `测试阵地${++seq}`,
      address: '',
      lng: null,
      lat: null,
      geo_cell: null,
      opened_on: null,
      operating_mode: 'self',
      agency_id: null,
      floor_area: null,
      rooms_individual: 0,
      rooms_group: 0,
      rooms_activity: 0,
      equipment: '',
      construction_source: null,
      services: 0,
      opening_hours: '',
      contact_name: '',
      contact_phone: '',
      is_public: 1,
      status: 'operating',
      checks_met: 0,
      standard_met: 0,
      demo_level: null,
      demo_year: null,
      honours: '[]',
      brand: '',
      note: '',
      created_at: at,
      updated_at: at,
      ...p,
    })
    .execute();
  return id;
}

/** Row counts of the organisation tables and the audit log: a refused write changes none of them. */
export async function agencyFingerprint(t: TestApp): Promise<string> {
  const out: Record<string, number> = {};
  for (const table of ['agencies', 'agency_staff', 'agency_pairings', 'community_groups', 'audit_log', 'users'] as const) {
    const r = await t.db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  const agencies = await t.db.db.selectFrom('agencies').selectAll().orderBy('id').execute();
  const groups = await t.db.db.selectFrom('community_groups').selectAll().orderBy('id').execute();
  const bound = await t.db.db.selectFrom('users').select(['id', 'role', 'bound_entity_id']).orderBy('id').execute();
  return JSON.stringify({ out, agencies, groups, bound });
}
