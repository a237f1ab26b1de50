import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY_CODE } from '../../domain/standards/region-code.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { systemClock } from '../../server/clock.ts';
import type { Actor, Deps } from '../../server/context.ts';
import { openDb } from '../../server/db/connection.ts';
import { readWorkbookRows } from '../../server/io/xlsx/read-workbook.ts';
import { headerText, TALENT_COLUMNS } from '../../server/io/xlsx/talent-columns.ts';
import { idOf, makeTmpDir } from '../../server/io/xlsx/test-workbooks.ts';
import { commitImport, getImport, startImport, waitForImport } from '../../server/modules/talents/talent-import.service.ts';
import { computeStatsDirect, readStats } from '../../server/modules/talents/talent-stats.repository.ts';
import { createFieldCrypto } from '../../server/security/field-crypto.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { createTestApp, expectErrorShape, type Session, TEST_FIELD_KEY, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

const HEADERS = TALENT_COLUMNS.map(headerText);
const col = (key: string) => TALENT_COLUMNS.findIndex((c) => c.key === key);
let seq = 0;
/** A unique valid ID number (born 1985–1994, Nanming address code). */
const nextId = () => {
  seq++;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return idOf(`520102${1985 + (seq % 10)}${p2((seq % 9) + 1)}${p2((seq % 28) + 1)}${String(seq % 1000).padStart(3, '0')}`);
};

function row(values: Record<string, unknown>): unknown[] {
  const r: unknown[] = HEADERS.map(() => null);
  const defaults = { name: '李四', idNumber: nextId(), regionCode: '520102016000', categories: '实务人才', fields: '养老服务、儿童福利' };
  for (const [k, v] of Object.entries({ ...defaults, ...values })) r[col(k)] = v;
  return r;
}

async function workbook(dir: string, name: string, rows: unknown[][], opts: { title?: boolean; hiddenFirst?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  if (opts.hiddenFirst) {
    const hidden = wb.addWorksheet('旧数据');
    hidden.state = 'hidden';
    hidden.addRow(['junk']);
  }
  const ws = wb.addWorksheet('人才信息');
  if (opts.title) {
    ws.addRow(['南明区社会工作人才花名册']);
    ws.mergeCells(1, 1, 1, 8);
  }
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe.each(DIALECTS)('talent import (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let _staff: Session;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    _staff = await t.login('nanming-staff');
    dir = makeTmpDir();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function upload(s: Session, file: string) {
    const res = await s.request({ method: 'POST', url: '/api/v1/talent-imports', ...multipartFile(file, path.basename(file)) });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    await waitForImport(job.id);
    return (await s.request({ method: 'GET', url: `/api/v1/talent-imports/${job.id}` })).json();
  }
  async function commit(s: Session, id: string, updateExisting = false) {
    const res = await s.request({ method: 'POST', url: `/api/v1/talent-imports/${id}/commit`, payload: { updateExisting } });
    expect(res.statusCode, res.body).toBe(200);
    await waitForImport(id);
    return (await s.request({ method: 'GET', url: `/api/v1/talent-imports/${id}` })).json();
  }
  const total = async (s: Session, query = '') => (await s.request({ method: 'GET', url: `/api/v1/talents?pageSize=10${query}` })).json().total as number;
  const countRows = async (table: 'talents' | 'audit_log' | 'talent_stats') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports a messy but valid file: title rows, hidden sheet, full-width digits, spaces, date serials', async () => {
    const before = await total(nanming);
    const id1 = nextId();
    const fullWidth = id1.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const file = await workbook(
      dir,
      'good.xlsx',
      [
        row({
          name: ' 王 五 ',
          idNumber: `  ${fullWidth} `,
          phone: '13812345678',
          employmentStart: 44927 /* 2023-01-01 */,
          certificateLevel: '社会工作师',
          certificateNo: 'GZ-0001',
          certificateYear: 2021,
          registeredOn: '2021/7/1',
        }),
        row({ name: '赵六', regionCode: '520102017000', employmentStart: '2022年3月5日' }),
        HEADERS.map(() => null),
        row({ name: '钱七', partyMember: '是' }),
      ],
      { title: true, hiddenFirst: true },
    );
    const job = await upload(nanming, file);
    expect(job.status).toBe('validated');
    expect(job.counts).toMatchObject({ rows: 3, new: 3, update: 0, invalid: 0 });
    const done = await commit(nanming, job.id);
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ created: 3, updated: 0 });
    expect(await total(nanming)).toBe(before + 3);
    const list = (await nanming.request({ method: 'GET', url: `/api/v1/talents?q=${encodeURIComponent(id1)}` })).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ name: '王 五', tier: 'intermediate' });
    const detail = (await nanming.request({ method: 'GET', url: `/api/v1/talents/${list.items[0].id}` })).json();
    expect(detail.employmentStart).toBe('2023-01-01');
    expect(detail.certificates[0]).toMatchObject({ certificateNo: 'GZ-0001', registeredOn: '2021-07-01' });
    // Records are built in a worker thread and sealed on the main thread (which holds the field key):
    // the identity and phone decrypt, each row has its audit entry, and the summary counts agree
    // with the talents themselves.
    const revealed = await nanming.request({ method: 'POST', url: `/api/v1/talents/${list.items[0].id}/reveal` });
    expect(revealed.json()).toEqual({ idNumber: id1, phone: '13812345678' });
    const history = (await nanming.request({ method: 'GET', url: `/api/v1/talents/${list.items[0].id}/history` })).json();
    expect(history.items).toContainEqual(expect.objectContaining({ action: 'create', changes: { import: [null, 'good.xlsx'], row: [null, 3] } }));
    const byKey = (rows: { dim: string; bucket: string; n: number }[]) => Object.fromEntries(rows.map((r) => [`${r.dim}|${r.bucket}`, r.n]));
    expect(byKey(await readStats(t.db.db, '520102000000'))).toEqual(byKey(await computeStatsDirect(t.db.db, '520102000000')));
    // Committed jobs cannot be committed again.
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/talent-imports/${job.id}/commit`, payload: {} }), 409, 'CONFLICT');
  });

  it('flags every kind of bad row with its row number, and the error workbook round-trips', async () => {
    const taken = nextId();
    const other = await yunyan.request({
      method: 'POST',
      url: '/api/v1/talents',
      payload: { name: '孙八', idNumber: taken, regionCode: '520103019000', categories: ['practice'] },
    });
    expect(other.statusCode, other.body).toBe(200);
    const dup = nextId();
    const bad = nextId();
    const file = await workbook(dir, 'bad.xlsx', [
      row({ name: '好人' }),
      row({ idNumber: `${bad.slice(0, 17)}${bad[17] === '1' ? '2' : '1'}` }), // checksum
      row({ idNumber: Number('520102199001011234') }), // stored as a number: Excel keeps 15 digits
      row({ regionCode: '530102001000' }), // outside the county
      row({ idNumber: dup }),
      row({ idNumber: dup }), // duplicate within the file
      row({ idNumber: taken }), // registered in another county
      row({ registeredOn: '2023-02-30', certificateLevel: '助理社会工作师', certificateNo: 'X1', certificateYear: 2022 }),
      row({ categories: '不存在的类别' }),
      row({ name: null }),
    ]);
    const before = { talents: await countRows('talents') };
    const job = await upload(nanming, file);
    expect(job.status).toBe('validated');
    expect(job.counts).toMatchObject({ rows: 10, new: 2, invalid: 8 });
    const errors = (await nanming.request({ method: 'GET', url: `/api/v1/talent-imports/${job.id}/errors?pageSize=50` })).json();
    const byRow = (n: number) =>
      errors.items
        .filter((e: { rowNumber: number }) => e.rowNumber === n)
        .map((e: { message: string }) => e.message)
        .join(' ');
    expect(byRow(3)).toMatch(/校验/);
    expect(byRow(4)).toMatch(/数字|15/);
    expect(byRow(5)).toMatch(/管辖范围/);
    expect(byRow(7)).toMatch(/第 6 行/);
    expect(byRow(8)).toMatch(/其他地区/);
    expect(byRow(8)).not.toMatch(/云岩|孙八/);
    expect(byRow(9)).toMatch(/日期/);
    expect(byRow(10)).toMatch(/类别/);
    expect(byRow(11)).toMatch(/姓名/);
    expect(await countRows('talents')).toBe(before.talents); // validation writes nothing

    const res = await nanming.request({ method: 'GET', url: `/api/v1/talent-imports/${job.id}/errors.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const errFile = path.join(dir, 'errors.xlsx');
    fs.writeFileSync(errFile, res.rawPayload);
    const rows = await readWorkbookRows(errFile, { columns: TALENT_COLUMNS });
    const read = [];
    for await (const r of rows) read.push(r);
    await rows.close();
    expect(read).toHaveLength(8);

    // Fix the file the way a clerk would: correct the bad cells, drop what cannot be imported, upload again.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(errFile);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden') as ExcelJS.Worksheet;
    const header = Array.from(ws.getRow(rows.headerRowNumber).values as unknown[], (v) => String(v ?? ''));
    const at = (h: string) => {
      const i = header.findIndex((x) => x.replace('*', '') === h);
      if (i < 1) throw new Error(`no column ${h} in ${header.join(',')}`);
      return i;
    };
    const last = ws.rowCount;
    for (let i = rows.headerRowNumber + 1; i <= last; i++) {
      const r = ws.getRow(i);
      r.getCell(at('身份证号码')).value = nextId();
      r.getCell(at(TALENT_COLUMNS[col('regionCode')].header)).value = '520102016000';
      for (const h of ['证书等级', '证书编号', '取得年份', '登记日期']) r.getCell(at(h)).value = null;
      r.getCell(at('人才类别')).value = '实务人才';
      r.getCell(at('姓名')).value = '补录';
      r.commit();
    }
    const fixed = path.join(dir, 'fixed.xlsx');
    await wb.xlsx.writeFile(fixed);
    const again = await upload(nanming, fixed);
    expect(again.counts, JSON.stringify((await nanming.request({ method: 'GET', url: `/api/v1/talent-imports/${again.id}/errors` })).json())).toMatchObject({
      rows: 8,
      invalid: 0,
      new: 8,
    });
  });

  it('updates existing records only when asked, keeping their other lists', async () => {
    const id = nextId();
    const created = (
      await nanming.request({
        method: 'POST',
        url: '/api/v1/talents',
        payload: {
          name: '周九',
          idNumber: id,
          regionCode: '520102016000',
          categories: ['practice'],
          trainings: [{ date: '2024-01-02', hours: 12, title: '岗前培训' }],
        },
      })
    ).json();
    const file = await workbook(dir, 'update.xlsx', [
      row({ name: '周九', idNumber: id, employer: '新华路街道社工站', certificateLevel: '助理社会工作师', certificateNo: 'U-1', certificateYear: 2024 }),
    ]);
    const skip = await upload(nanming, file);
    expect(skip.counts).toMatchObject({ new: 0, update: 1 });
    expect((await commit(nanming, skip.id, false)).counts).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect((await nanming.request({ method: 'GET', url: `/api/v1/talents/${created.id}` })).json().employer).toBe('');

    const job = await upload(nanming, file);
    expect((await commit(nanming, job.id, true)).counts).toMatchObject({ updated: 1 });
    const after = (await nanming.request({ method: 'GET', url: `/api/v1/talents/${created.id}` })).json();
    expect(after).toMatchObject({ employer: '新华路街道社工站', tier: 'junior' });
    expect(after.trainings).toHaveLength(1);
  });

  it('writes nothing when the commit fails part-way (an ID registered between validation and commit)', async () => {
    const ids = [nextId(), nextId(), nextId()];
    const file = await workbook(
      dir,
      'race.xlsx',
      ids.map((idNumber) => row({ idNumber })),
    );
    const job = await upload(nanming, file);
    expect(job.counts).toMatchObject({ new: 3 });
    // Someone registers the third person in the meantime.
    const res = await nanming.request({
      method: 'POST',
      url: '/api/v1/talents',
      payload: { name: '抢先', idNumber: ids[2], regionCode: '520102016000', categories: ['practice'] },
    });
    expect(res.statusCode).toBe(200);
    const before = { talents: await countRows('talents'), stats: await countRows('talent_stats'), audit: await countRows('audit_log') };
    const done = await commit(nanming, job.id);
    expect(done.status).toBe('failed');
    expect(done.message).toMatch(/未写入任何数据/);
    expect(await countRows('talents')).toBe(before.talents);
    expect(await countRows('talent_stats')).toBe(before.stats);
    expect(await countRows('audit_log')).toBe(before.audit);
    const q = await nanming.request({ method: 'GET', url: `/api/v1/talents?q=${ids[0]}` });
    expect(q.json().total).toBe(0);
  });

  it('explains a file that is not a workbook, and keeps jobs private to their owner', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, '姓名,身份证号码\n张三,1\n');
    const job = await upload(nanming, junk);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/xlsx/i);
    expectErrorShape(await yunyan.request({ method: 'GET', url: `/api/v1/talent-imports/${job.id}` }), 404, 'NOT_FOUND');
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/talent-imports/${job.id}/commit`, payload: {} }), 409, 'CONFLICT');
    // A file that was never read has no error report: said before any download starts.
    expectErrorShape(await nanming.request({ url: `/api/v1/talent-imports/${job.id}/errors.xlsx` }), 409, 'CONFLICT');
    expectErrorShape(await nanming.request({ url: `/api/v1/network-imports/${job.id}` }), 404, 'NOT_FOUND');
    const noFile = await nanming.request({ method: 'POST', url: '/api/v1/talent-imports', payload: { x: 1 } });
    expect(noFile.statusCode).toBeGreaterThanOrEqual(400);
    expect(noFile.statusCode).toBeLessThan(500);
  });

  it('dates imported key talents by the day in China, not in UTC (like the form)', async () => {
    // 17:30 UTC is 01:30 of the next day in China.
    const now = t.clock.now().getTime();
    let target = Date.parse(`${new Date(now).toISOString().slice(0, 10)}T17:30:00.000Z`);
    if (target <= now) target += 86_400_000;
    t.clock.advanceMinutes(Math.ceil((target - now) / 60_000));
    const chinaDay = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const s = await t.login('nanming');
    const id = nextId();
    const file = await workbook(dir, 'key.xlsx', [
      row({ idNumber: id, nativePlace: '520102000000', certificateLevel: '社会工作师', certificateNo: 'GZ-KEY-0001', certificateYear: 2020 }),
    ]);
    const job = await upload(s, file);
    expect(job.counts).toMatchObject({ new: 1, invalid: 0 });
    expect((await commit(s, job.id)).status).toBe('done');
    const found = (await s.request({ method: 'GET', url: `/api/v1/talents?q=${id}` })).json().items[0];
    const detail = (await s.request({ method: 'GET', url: `/api/v1/talents/${found.id}` })).json();
    expect(detail).toMatchObject({ isKey: true, keySince: chinaDay });
  });
});

describe('talent import limits (sqlite)', () => {
  it('refuses a file over the size limit with 413 and keeps nothing of it', async () => {
    const t = await createTestApp('sqlite');
    try {
      const s = await t.login('nanming');
      const big = Buffer.alloc(51 * 1024 * 1024, 1);
      const res = await s.request({ method: 'POST', url: '/api/v1/talent-imports', ...multipartFile(big, 'big.xlsx') });
      expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
      const dir = path.join(t.deps.dataDir, 'imports');
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
      const jobs = await t.db.db.selectFrom('import_jobs').select('id').execute();
      expect(jobs).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('talent import on a SQLite file', () => {
  it('commits on the bulk connection of a database file (raw statements, checkpoint off the main thread)', async () => {
    const dataDir = makeTmpDir();
    const db = openDb({ dataDir, sqliteFile: path.join(dataDir, 'import.sqlite') });
    const deps: Deps = { db: db.db, dialect: 'sqlite', clock: systemClock, crypto: createFieldCrypto(TEST_FIELD_KEY), dataDir, openBulk: db.openBulk };
    try {
      await prepareDatabase(deps, { demo: false, log: () => {}, regionLoad: { onlyProvinces: ['52'], villageProvinces: [] } });
      const user = await db.db.selectFrom('users').select(['id', 'username']).executeTakeFirstOrThrow();
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        role: 'system_admin',
        scope: { regionCode: COUNTRY_CODE, bound: null },
        ip: null,
        requestId: null,
      };
      const rows = Array.from({ length: 300 }, (_, i) =>
        row({ name: `批量${i}`, certificateLevel: '助理社会工作师', certificateNo: `B-${i}`, certificateYear: 2022 }),
      );
      const file = await workbook(dataDir, 'bulk.xlsx', rows);
      const job = await startImport(deps, actor, fs.createReadStream(file), 'bulk.xlsx');
      await waitForImport(job.id);
      expect((await getImport(deps, actor, job.id)).counts).toMatchObject({ rows: 300, new: 300, invalid: 0 });
      await commitImport(deps, actor, job.id, false);
      await waitForImport(job.id);
      const done = await getImport(deps, actor, job.id);
      expect(done.status, done.message ?? '').toBe('done');
      expect(done.counts.created).toBe(300);
      const count = async (table: 'talents' | 'talent_certificates' | 'audit_log') =>
        Number(
          (
            await db.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect([await count('talents'), await count('talent_certificates')]).toEqual([300, 300]);
      expect(await count('audit_log')).toBeGreaterThanOrEqual(301);
      expect(fs.readdirSync(path.join(dataDir, 'imports', job.id)).sort()).toEqual(['errors.ndjson', 'headers.json', 'meta.json', 'stats.json']);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
