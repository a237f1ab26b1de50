import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookRows } from '../../server/io/xlsx/read-workbook.ts';
import { TALENT_COLUMNS } from '../../server/io/xlsx/talent-columns.ts';
import { makeTmpDir } from '../../server/io/xlsx/test-workbooks.ts';
import { createTestApp, expectErrorShape, type Session, type TestApp } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-db.ts';

/** The talent template and exports: the list exactly as filtered, masked unless revealed (and audited). */
describe.each(DIALECTS)('talent template and export (%s)', (dialect) => {
  let t: TestApp;
  let nanming: Session;
  let staff: Session;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    nanming = await t.login('nanming');
    staff = await t.login('nanming-staff');
    dir = makeTmpDir();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const total = async (s: Session, query = '') => (await s.request({ method: 'GET', url: `/api/v1/talents?pageSize=10${query}` })).json().total as number;

  it('serves the template and exports exactly the filtered list, masked unless revealed', async () => {
    const tpl = await nanming.request({ method: 'GET', url: '/api/v1/talents/template.xlsx' });
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['人才信息', '填写说明']));

    const expected = await total(nanming, '&tier=intermediate');
    // The demo registry has 社会工作师 holders in 南明区: the export has rows to check.
    expect(expected).toBeGreaterThan(0);
    const res = await nanming.request({ method: 'GET', url: '/api/v1/talents/export.xlsx?tier=intermediate' });
    expect(res.statusCode).toBe(200);
    const file = path.join(dir, 'export.xlsx');
    fs.writeFileSync(file, res.rawPayload);
    const rows = await readWorkbookRows(file, { columns: TALENT_COLUMNS });
    const read = [];
    for await (const r of rows) read.push(r);
    await rows.close();
    expect(read).toHaveLength(expected);
    expect(String(read[0].cells.idNumber)).toMatch(/\*{10}/);

    expectErrorShape(await staff.request({ method: 'GET', url: '/api/v1/talents/export.xlsx?reveal=true' }), 403, 'FORBIDDEN');
    const full = await nanming.request({ method: 'GET', url: '/api/v1/talents/export.xlsx?tier=intermediate&reveal=true' });
    fs.writeFileSync(file, full.rawPayload);
    const rows2 = await readWorkbookRows(file, { columns: TALENT_COLUMNS });
    for await (const r of rows2) expect(String(r.cells.idNumber)).toMatch(/^\d{17}[\dX]$/);
    await rows2.close();
    const audit = (await nanming.request({ method: 'GET', url: '/api/v1/audit?action=export' })).json();
    expect(audit.items.some((e: { entityLabel: string }) => e.entityLabel.includes('完整'))).toBe(true);

    const analytics = await nanming.request({ method: 'GET', url: '/api/v1/talent-analytics/export.xlsx' });
    expect(analytics.statusCode).toBe(200);
  });
});
