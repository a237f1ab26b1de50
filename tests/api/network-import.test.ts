import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCheckChar } from '../../domain/standards/credit-code.ts';
import { AGENCY_COLUMNS } from '../../server/io/xlsx/agency-columns.ts';
import { GROUP_COLUMNS } from '../../server/io/xlsx/group-columns.ts';
import { headerText, type SheetColumn } from '../../server/io/xlsx/network-column.ts';
import { PLATFORM_COLUMNS } from '../../server/io/xlsx/platform-columns.ts';
import { readWorkbookRows } from '../../server/io/xlsx/read-workbook.ts';
import { makeTmpDir } from '../../server/io/xlsx/test-workbooks.ts';
import { waitForNetworkImport } from '../../server/modules/network/network-import.service.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

process.env.DEMO_TALENTS = '0';

let seq = 0;
/** A well-formed credit code registered in Nanming, with a right (or, with `bad`, a wrong) check character. */
function creditCode(bad = false): string {
  seq++;
  const first17 = `52520102MJ${String(seq * 7919 + Math.floor(Math.random() * 1000))
    .padStart(7, '0')
    .slice(-7)}`;
  const check = creditCheckChar(first17);
  return first17 + (bad ? (check === '1' ? '2' : '1') : check);
}

type Row = Record<string, unknown>;

async function workbook(dir: string, name: string, columns: readonly SheetColumn[], rows: Row[], opts: { title?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('说明');
  hidden.state = 'hidden';
  hidden.addRow(['旧版说明']);
  const ws = wb.addWorksheet('数据');
  if (opts.title) {
    ws.addRow([opts.title]);
    ws.mergeCells(1, 1, 1, 6);
  }
  ws.addRow([...columns.map(headerText), '多余的列']);
  for (const r of rows) ws.addRow([...columns.map((c) => r[c.key] ?? null), '忽略']);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readBack(file: string, columns: readonly SheetColumn[]) {
  const rows = await readWorkbookRows(file, { columns });
  const out: { cells: Record<string, unknown>; raw: unknown[] }[] = [];
  for await (const r of rows) out.push(r);
  await rows.close();
  return { headers: rows.headers, rows: out };
}

const SEGMENT = { platform: 'platforms', agency: 'agencies', community_group: 'community-groups' } as const;

describe.each(DIALECTS)('network imports and exports (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let yunyan: Session;
  let staff: Session;
  let dir: string;
  let township: string;
  let township2: string;
  let village: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    yunyan = await t.login('yunyan');
    staff = await t.login('nanming-staff');
    dir = makeTmpDir();
    const towns = await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', '520102000000').orderBy('code').limit(2).execute();
    [township, township2] = towns.map((r) => r.code);
    village = (await t.db.db.selectFrom('regions').select('code').where('parent_code', '=', township).orderBy('code').executeTakeFirstOrThrow()).code;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function upload(s: Session, kind: keyof typeof SEGMENT, file: string) {
    const res = await s.request({ method: 'POST', url: `/api/v1/network-imports/${SEGMENT[kind]}`, ...multipartFile(file, path.basename(file)) });
    expect(res.statusCode, res.body).toBe(200);
    await waitForNetworkImport(res.json().id);
    return (await s.request({ url: `/api/v1/network-imports/${res.json().id}` })).json();
  }
  async function commit(s: Session, id: string, updateExisting = false) {
    const res = await s.request({ method: 'POST', url: `/api/v1/network-imports/${id}/commit`, payload: { updateExisting } });
    expect(res.statusCode, res.body).toBe(200);
    await waitForNetworkImport(id);
    return (await s.request({ url: `/api/v1/network-imports/${id}` })).json();
  }
  async function errorsOf(s: Session, id: string) {
    return (await s.request({ url: `/api/v1/network-imports/${id}/errors?pageSize=100` })).json().items as {
      rowNumber: number;
      column: string;
      message: string;
    }[];
  }
  const count = async (table: 'platforms' | 'agencies' | 'community_groups' | 'audit_log' | 'network_stats') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fingerprint = async () => ({
    platforms: await count('platforms'),
    agencies: await count('agencies'),
    groups: await count('community_groups'),
    audit: await count('audit_log'),
    stats: JSON.stringify(await t.db.db.selectFrom('network_stats').selectAll().orderBy('region_code').orderBy('dim').orderBy('bucket').execute()),
  });

  const agencyName = `导入测试阳光社工中心${dialect}`;
  let agencyCode = '';
  const stationName = `导入测试街道社工站${dialect}`;

  it('serves the three templates with instructions, a hidden code sheet and drop-downs', async () => {
    for (const segment of Object.values(SEGMENT)) {
      const res = await nanming.request({ url: `/api/v1/${segment}/template.xlsx` });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['填写说明', '代码表']));
      expect(wb.getWorksheet('代码表')?.state).toBe('hidden');
    }
  });

  it('agencies: a messy good file imports; check-character warnings need an administrator and 校验位确认', async () => {
    agencyCode = creditCode();
    const badCode = creditCode(true);
    const fullWidth = agencyCode.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const file = await workbook(
      dir,
      `agencies-${dialect}.xlsx`,
      AGENCY_COLUMNS,
      [
        {
          name: ` ${agencyName} `,
          creditCode: ` ${fullWidth} `,
          regionCode: '520102',
          tags: '枢纽型、品牌类',
          rating: '4A',
          ratingYear: 2023,
          registeredOn: 42510,
          partyOrg: '是',
        },
        { name: `${agencyName}二`, creditCode: badCode, confirmCheck: '是', regionCode: '520102000000' },
      ],
      { title: '南明区社工机构名册' },
    );
    // A clerk may not keep a wrong check character, even when the row says 是.
    const asStaff = await upload(staff, 'agency', file);
    expect(asStaff.counts).toMatchObject({ rows: 2, new: 1, invalid: 1 });
    expect((await errorsOf(staff, asStaff.id))[0]).toMatchObject({ rowNumber: 4, column: '统一社会信用代码', message: expect.stringMatching(/只有管理员/) });

    const job = await upload(nanming, 'agency', file);
    expect(job).toMatchObject({ status: 'validated', counts: expect.objectContaining({ rows: 2, new: 2, invalid: 0 }) });
    const done = await commit(nanming, job.id);
    expect(done).toMatchObject({ status: 'done', counts: expect.objectContaining({ created: 2 }) });
    const list = (await nanming.request({ url: `/api/v1/agencies?q=${encodeURIComponent(agencyName)}` })).json();
    expect(list.total).toBe(2);
    const first = list.items.find((a: { creditCode: string }) => a.creditCode === agencyCode);
    expect(first).toMatchObject({ name: agencyName, tags: ['hub', 'brand'], rating: '4A', creditCheckOverridden: false });
    expect(list.items.find((a: { creditCode: string }) => a.creditCode === badCode)).toMatchObject({ creditCheckOverridden: true });
    // Committed jobs cannot be committed twice; the staff's job is not nanming's.
    expectErrorShape(await nanming.request({ method: 'POST', url: `/api/v1/network-imports/${job.id}/commit`, payload: {} }), 409, 'CONFLICT');
    expectErrorShape(await nanming.request({ url: `/api/v1/network-imports/${asStaff.id}` }), 404, 'NOT_FOUND');
    // A register's job is opened through its own routes only.
    expectErrorShape(await nanming.request({ url: `/api/v1/talent-imports/${job.id}` }), 404, 'NOT_FOUND');
    expectErrorShape(await nanming.request({ url: `/api/v1/talent-imports/${job.id}/errors.xlsx` }), 404, 'NOT_FOUND');
  });

  it('agencies: a code registered in another county is refused without telling more, and updates need opting in', async () => {
    const file = await workbook(dir, `agency-elsewhere-${dialect}.xlsx`, AGENCY_COLUMNS, [
      { name: '云岩某机构', creditCode: agencyCode, regionCode: '520103000000' },
    ]);
    const job = await upload(yunyan, 'agency', file);
    expect(job.counts).toMatchObject({ invalid: 1 });
    const [err] = await errorsOf(yunyan, job.id);
    expect(err.message).toMatch(/其他地区登记/);
    expect(err.message).not.toContain(agencyName);

    const update = await workbook(
      dir,
      `agency-update-${dialect}.xlsx`,
      AGENCY_COLUMNS.filter((c) => ['name', 'creditCode', 'regionCode', 'legalRep'].includes(c.key)),
      [{ name: agencyName, creditCode: agencyCode, regionCode: '520102000000', legalRep: '新法人' }],
    );
    const skip = await upload(nanming, 'agency', update);
    expect(skip.counts).toMatchObject({ update: 1, new: 0 });
    expect((await commit(nanming, skip.id, false)).counts).toMatchObject({ skipped: 1, updated: 0 });
    const again = await upload(nanming, 'agency', update);
    expect((await commit(nanming, again.id, true)).counts).toMatchObject({ updated: 1 });
    const list = (await nanming.request({ url: `/api/v1/agencies?q=${agencyCode}` })).json();
    // Only the columns in the file change: the rating and tags stay.
    expect(list.items[0]).toMatchObject({ legalRep: '新法人', rating: '4A', tags: ['hub', 'brand'] });
  });

  it('platforms: errors → error workbook → fixed → re-imported, with the operating agency found by name', async () => {
    const file = await workbook(dir, `platforms-${dialect}.xlsx`, PLATFORM_COLUMNS, [
      {
        kind: '社工站',
        name: stationName,
        regionCode: township,
        operatingMode: '委托运营',
        agency: agencyName,
        services: '政策宣传咨询、社会救助',
        lng: 106.71,
        lat: 26.57,
      },
      { kind: '社工站', name: '层级不对的站', regionCode: '520102000000' },
      { kind: '社工站', name: '别处的站', regionCode: '520103001000' },
      { kind: '社工站', name: '机构不明的站', regionCode: township2, operatingMode: '委托运营', agency: '不存在的机构' },
      { kind: '社工站', name: stationName, regionCode: township },
      { kind: '社工室', name: '坐标反了的室', regionCode: village, lng: 26.57, lat: 106.71 },
    ]);
    const job = await upload(nanming, 'platform', file);
    expect(job.counts).toMatchObject({ rows: 6, new: 1, invalid: 5 });
    const errors = await errorsOf(nanming, job.id);
    const byRow = (n: number) =>
      errors
        .filter((e) => e.rowNumber === n)
        .map((e) => `${e.column}:${e.message}`)
        .join('|');
    expect(byRow(3)).toMatch(/所在地区.*乡镇\(街道\)级/);
    expect(byRow(4)).toMatch(/不在您的管辖范围内/);
    expect(byRow(5)).toMatch(/运营机构.*未在系统中登记/);
    expect(byRow(6)).toMatch(/与第 2 行/);
    expect(byRow(7)).toMatch(/经度.*中国境内/);

    const report = await nanming.request({ url: `/api/v1/network-imports/${job.id}/errors.xlsx` });
    expect(report.statusCode).toBe(200);
    const reportFile = path.join(dir, `platform-report-${dialect}.xlsx`);
    fs.writeFileSync(reportFile, report.rawPayload);
    const back = await readBack(reportFile, PLATFORM_COLUMNS);
    expect(back.headers).toEqual(expect.arrayContaining(['原行号', '错误说明']));
    expect(back.rows).toHaveLength(5);

    // Fix the file the way a user would: correct the cells in the report and upload it again.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reportFile);
    const ws = wb.worksheets[0];
    const colOf = (header: string) => back.headers.findIndex((h) => h.replace('*', '') === header) + 1;
    ws.getRow(2).getCell(colOf('所在地区(区划代码)')).value = township2;
    ws.getRow(3).getCell(colOf('所在地区(区划代码)')).value = township2;
    ws.getRow(3).getCell(colOf('阵地名称')).value = '改到本区的站';
    ws.getRow(3).getCell(colOf('阵地类型')).value = '社工室';
    ws.getRow(3).getCell(colOf('所在地区(区划代码)')).value = village;
    ws.getRow(4).getCell(colOf('运营机构')).value = agencyCode;
    ws.spliceRows(5, 1);
    ws.getRow(5).getCell(colOf('经度')).value = 106.71;
    ws.getRow(5).getCell(colOf('纬度')).value = 26.57;
    const fixed = path.join(dir, `platform-fixed-${dialect}.xlsx`);
    await wb.xlsx.writeFile(fixed);
    const second = await upload(nanming, 'platform', fixed);
    expect(second.counts, JSON.stringify(await errorsOf(nanming, second.id))).toMatchObject({ rows: 4, invalid: 0 });

    expect((await commit(nanming, job.id)).counts).toMatchObject({ created: 1 });
    const done = await commit(nanming, second.id);
    expect(done.counts).toMatchObject({ created: 4 });
    const list = (await nanming.request({ url: `/api/v1/platforms?q=${encodeURIComponent(stationName)}` })).json();
    expect(list.items[0]).toMatchObject({ name: stationName, operatingMode: 'agency', agencyName });
  });

  it('platforms: a commit that meets a conflict writes nothing', async () => {
    const name = `竞态测试站${dialect}`;
    const file = await workbook(dir, `race-${dialect}.xlsx`, PLATFORM_COLUMNS, [
      { kind: '社工室', name: `${name}甲`, regionCode: village },
      { kind: '社工室', name, regionCode: village },
    ]);
    const job = await upload(nanming, 'platform', file);
    expect(job.counts).toMatchObject({ new: 2 });
    const res = await nanming.request({ method: 'POST', url: '/api/v1/platforms', payload: { kind: 'room', name, regionCode: village } });
    expect(res.statusCode, res.body).toBe(200);
    const before = await fingerprint();
    const done = await commit(nanming, job.id);
    expect(done.status).toBe('failed');
    expect(done.message).toMatch(/第 3 行.*未写入任何数据/);
    expect(await fingerprint()).toEqual(before);
  });

  it('community groups: the incubator station is found in the group township; wrong scope and level are row errors', async () => {
    const file = await workbook(dir, `groups-${dialect}.xlsx`, GROUP_COLUMNS, [
      {
        name: `导入测试志愿队${dialect}`,
        regionCode: village,
        kind: '志愿服务类',
        registration: '备案',
        incubator: stationName,
        members: '２５',
        establishedOn: '2022/3/1',
      },
      { name: '县里的组织', regionCode: '520102000000', kind: '其他', registration: '登记' },
      { name: '孵化站不对', regionCode: village, kind: '其他', registration: '登记', incubator: '没有这个站' },
    ]);
    const job = await upload(nanming, 'community_group', file);
    expect(job.counts).toMatchObject({ rows: 3, new: 1, invalid: 2 });
    const errors = await errorsOf(nanming, job.id);
    expect(errors.map((e) => e.column)).toEqual(['所在地区(区划代码)', '孵化社工站']);
    expect((await commit(nanming, job.id)).counts).toMatchObject({ created: 1 });
    const list = (await nanming.request({ url: `/api/v1/community-groups?q=${encodeURIComponent('导入测试志愿队')}` })).json();
    expect(list.items[0]).toMatchObject({ members: 25, incubatorName: stationName, establishedOn: '2022-03-01' });

    const other = await upload(yunyan, 'community_group', file);
    expect(other.counts).toMatchObject({ invalid: 3 });
    expect((await errorsOf(yunyan, other.id)).filter((e) => /管辖范围/.test(e.message))).toHaveLength(3);
  });

  it('exports exactly the filtered list in scope, and an export imports again as updates', async () => {
    const res = await nanming.request({ url: `/api/v1/platforms/export.xlsx?kind=station&q=${encodeURIComponent('导入测试')}` });
    expect(res.statusCode).toBe(200);
    const file = path.join(dir, `export-${dialect}.xlsx`);
    fs.writeFileSync(file, res.rawPayload);
    const back = await readBack(file, PLATFORM_COLUMNS);
    expect(back.rows.map((r) => r.cells.name)).toEqual([stationName]);
    expect(back.rows[0].cells).toMatchObject({ kind: '乡镇(街道)社工站', agency: agencyName, services: '政策宣传咨询、社会救助' });
    const again = await upload(nanming, 'platform', file);
    expect(again.counts).toMatchObject({ rows: 1, update: 1, invalid: 0 });
    expect((await commit(nanming, again.id, true)).counts).toMatchObject({ updated: 1 });

    const other = await yunyan.request({ url: `/api/v1/agencies/export.xlsx?q=${encodeURIComponent('导入测试')}` });
    fs.writeFileSync(file, other.rawPayload);
    expect((await readBack(file, AGENCY_COLUMNS)).rows).toEqual([]);
    const mine = await nanming.request({ url: `/api/v1/agencies/export.xlsx?q=${encodeURIComponent('导入测试')}` });
    fs.writeFileSync(file, mine.rawPayload);
    const agencies = await readBack(file, AGENCY_COLUMNS);
    expect(agencies.rows).toHaveLength(2);
    // The accepted wrong check character is re-confirmed in the export.
    expect(agencies.rows.some((r) => r.cells.confirmCheck === '是')).toBe(true);
    const groups = await nanming.request({ url: '/api/v1/community-groups/export.xlsx?kind=volunteer' });
    fs.writeFileSync(file, groups.rawPayload);
    expect((await readBack(file, GROUP_COLUMNS)).rows.map((r) => r.cells.incubator)).toContain(stationName);
    expectErrorShape(await nanming.request({ url: '/api/v1/platforms/export.xlsx?kind=castle' }), 400, 'VALIDATION_FAILED');
  });

  it('explains a file that is not a workbook', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, '机构名称,统一社会信用代码\n');
    const job = await upload(nanming, 'agency', junk);
    expect(job).toMatchObject({ status: 'failed', message: expect.stringMatching(/xlsx/i) });
  });
});

describe('network import limits (sqlite)', () => {
  it('refuses a file over 50 MB with 413 and keeps nothing of it', async () => {
    const t = await createTestApp('sqlite');
    try {
      const s = await t.login('nanming');
      const big = Buffer.alloc(51 * 1024 * 1024, 1);
      const res = await s.request({ method: 'POST', url: '/api/v1/network-imports/platforms', ...multipartFile(big, 'big.xlsx') });
      expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
      const dir = path.join(t.deps.dataDir, 'imports');
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
      expect(await t.db.db.selectFrom('import_jobs').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
