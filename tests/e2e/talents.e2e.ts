import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage } from './harness.ts';
import { editErrorReport, idNumberOf, type TalentSheetRow, withWrongCheckChar, writeTalentWorkbook } from './talent-xlsx.ts';

/**
 * The talent registry (人才库) in the browser, on one server with the Guizhou demo data:
 * 1. a county administrator imports a file with errors, downloads the error report, fixes it, imports
 *    it again and sees the analytics grow by exactly the people imported;
 * 2. opens a record, reveals the ID number, edits the post, reads the change history, and finds the
 *    other lists untouched;
 * 3. a social worker submits training hours on a phone, the county administrator approves them and
 *    they appear on the record's 继续教育 tab;
 * 4. the talent list in English;
 * 5. the province administrator's key-talent rules (a rule added, then the defaults restored).
 */

let server: RunningServer;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-e2e-talents-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** expect.poll's patience for what the page loads from the server. */
const WAIT = { timeout: 10_000 };

/** "1,234" / "12.5" → number. */
const toNumber = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

const XINHUALU = '520102016000'; // 新华路街道, 南明区
const OUTSIDE = '520103019000'; // a township of 云岩区: outside nanming's scope

/** The headline total and one child region's total, from the children chart's data table. */
async function readAnalytics(page: Page, childCode: string): Promise<{ total: number; child: number }> {
  const totalValue = page.getByTestId('analytics-total').locator('.ant-statistic-content-value');
  await totalValue.waitFor();
  const table = page.getByTestId('analytics-table-children');
  if ((await table.count()) === 0) await page.getByTestId('analytics-toggle-children').locator('.ant-segmented-item').nth(1).click();
  const childTotal = table.locator(`tr[data-row-key="${childCode}"] > td`).nth(1);
  await childTotal.waitFor();
  return { total: toNumber(await totalValue.textContent()), child: toNumber(await childTotal.textContent()) };
}

/** The value of one of the import wizard's counters (import-count-rows/new/update/invalid). */
const importCount = (page: Page, name: string) => page.getByTestId(`import-count-${name}`).locator('.ant-statistic-content-value');

describe('import with errors, error report, fix, import again, analytics', () => {
  let tab: TrackedPage;
  let before: { total: number; child: number };
  let reportFile = '';

  const born = (i: number) => `199${i}-0${(i % 9) + 1}-1${i % 9}`;
  const person = (name: string, idNumber: string, more: TalentSheetRow = {}): TalentSheetRow => ({
    name,
    idNumber,
    ethnicity: '汉族',
    phone: `1398510${String(idNumber.slice(-4).replace('X', '0')).padStart(4, '0')}`,
    partyMember: '否',
    regionCode: XINHUALU,
    categories: '实务人才',
    fields: '社区治理',
    educationLevel: '本科',
    school: '贵州大学',
    majorClass: '社会工作',
    major: '社会工作',
    graduationYear: 2015,
    degree: '学士',
    employer: '新华路街道社会工作服务站',
    post: '社工',
    professionalPost: '是',
    employmentStart: '2019-07-01',
    status: '在职在岗',
    ...more,
  });
  const goodIds = [0, 1, 2, 3, 4].map((i) => idNumberOf('520102', born(i), 870 + i));
  const good = ['陶若溪', '龙启航', '吴婉清', '杨雨辰', '罗子墨'].map((n, i) => person(n, goodIds[i]));
  const badChecksum = person('石嘉怡', withWrongCheckChar(idNumberOf('520102', '1993-11-21', 882)));
  const badRegion = person('潘一鸣', idNumberOf('520102', '1994-12-05', 891), { regionCode: OUTSIDE });
  const badDate = person('韦晓岚', idNumberOf('520102', '1995-06-30', 902), { employmentStart: '2021-02-30' });

  beforeAll(async () => {
    tab = await newPage(browser, server.url);
    await login(tab.page, 'nanming');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('reads the county total and 新华路街道 in the analytics before importing', async () => {
    const { page } = tab;
    await page.getByTestId('menu-talent-analytics').click();
    await expect.poll(() => page.getByTestId('analytics-region').textContent()).toContain('南明区');
    before = await readAnalytics(page, XINHUALU);
    expect(before.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analytics-table-children').textContent()).toContain('新华路街道');
    await screenshot(page, 'talents-01-analytics-before');
  });

  it('uploads a file with 5 good and 3 bad rows and is shown the counts and each error', async () => {
    const { page } = tab;
    const file = path.join(workDir, '南明区人才.xlsx');
    await writeTalentWorkbook(file, [good[0], good[1], badChecksum, good[2], badRegion, good[3], badDate, good[4]]);
    await page.getByTestId('menu-talents').click();
    await page.getByTestId('talent-table').waitFor();
    await page.getByTestId('talent-import').click();
    await page.getByTestId('import-wizard').waitFor();
    await screenshot(page, 'talents-02-import-start');
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-counts').waitFor();
    await expect.poll(() => importCount(page, 'rows').textContent(), WAIT).toBe('8');
    expect(await importCount(page, 'new').textContent()).toBe('5');
    expect(await importCount(page, 'update').textContent()).toBe('0');
    expect(await importCount(page, 'invalid').textContent()).toBe('3');
    const errors = page.getByTestId('import-errors');
    // Rows 4, 6 and 8 of the sheet (row 1 is the header), each with a message about its column.
    await expect.poll(() => errors.locator('tbody tr.ant-table-row').count(), WAIT).toBeGreaterThanOrEqual(3);
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('身份证号码');
    expect(text).toContain('工作地区');
    expect(text).toContain('入职日期');
    expect(text).toContain('2021-02-30');
    for (const row of ['4', '6', '8']) expect(await errors.locator('tbody tr.ant-table-row td:first-child', { hasText: new RegExp(`^${row}$`) }).count()).toBe(1);
    await screenshot(page, 'talents-03-import-errors');
  });

  it('downloads the error report, then imports the 5 valid rows', async () => {
    const { page } = tab;
    const download = page.waitForEvent('download');
    await page.getByTestId('import-download-errors').click();
    const report = await download;
    expect(report.suggestedFilename()).toBe('南明区人才_错误报告.xlsx');
    reportFile = path.join(workDir, report.suggestedFilename());
    await report.saveAs(reportFile);

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-commit').waitFor();
    await expect.poll(() => page.getByTestId('import-wizard').textContent()).toContain('5');
    await screenshot(page, 'talents-04-import-confirm');
    await page.getByTestId('import-commit').click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    await expect.poll(() => done.textContent(), WAIT).toContain('新增 5 人');
    await screenshot(page, 'talents-05-import-done-5');
  });

  it('fixes the three rows in the error report and imports it: 3 valid, 0 invalid', async () => {
    const { page } = tab;
    const fixedFile = path.join(workDir, '南明区人才_已修正.xlsx');
    const rows = await editErrorReport(reportFile, fixedFile, (rows) => {
      for (const r of rows) {
        const name = r.get('name');
        if (name === badChecksum.name) r.set('idNumber', idNumberOf('520102', '1993-11-21', 882));
        else if (name === badRegion.name) r.set('regionCode', XINHUALU);
        else if (name === badDate.name) r.set('employmentStart', '2021-02-28');
        else throw new Error(`unexpected row in the error report: ${name}`);
      }
    });
    // The report holds exactly the rejected rows, with their row numbers and what is wrong.
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 6, 8]);
    expect(rows.map((r) => r.get('name'))).toEqual([badChecksum.name, badRegion.name, badDate.name]);
    expect(rows[0].errors).toContain('身份证号码');
    expect(rows[1].errors).toContain('工作地区');
    expect(rows[2].errors).toContain('入职日期');
    // The ID number came back as text, all 18 characters.
    expect(rows[1].get('idNumber')).toBe(badRegion.idNumber);

    await page.getByRole('button', { name: '继续导入' }).click();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(fixedFile);
    await page.getByTestId('import-counts').waitFor();
    await expect.poll(() => importCount(page, 'rows').textContent(), WAIT).toBe('3');
    expect(await importCount(page, 'new').textContent()).toBe('3');
    expect(await importCount(page, 'invalid').textContent()).toBe('0');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await page.getByTestId('import-download-errors').count()).toBe(0);
    await screenshot(page, 'talents-06-import-fixed-valid');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-commit').click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    await expect.poll(() => done.textContent(), WAIT).toContain('新增 3 人');
    await screenshot(page, 'talents-07-import-done-3');
    await page.getByTestId('import-to-list').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'detached' });
  });

  it('sees the analytics grown by 8, in total and in 新华路街道, on going back through the menu', async () => {
    const { page } = tab;
    // The way a user goes back: the menu, same page, no reload.
    await page.getByTestId('menu-talent-analytics').click();
    await screenshot(page, 'talents-08-analytics-after');
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).total, WAIT).toBe(before.total + 8);
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).child, WAIT).toBe(before.child + 8);
  });

  it('shows the same figures after a reload, and the eight people in the list', async () => {
    const { page } = tab;
    await page.goto('/talents/analytics');
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).total, WAIT).toBe(before.total + 8);
    expect((await readAnalytics(page, XINHUALU)).child).toBe(before.child + 8);
    await screenshot(page, 'talents-09-analytics-after-reload');
    for (const p of [...good, badChecksum, badRegion, badDate]) {
      await page.goto(`/talents?q=${encodeURIComponent(String(p.name))}`);
      await expect.poll(() => page.getByTestId('talent-table').locator('tr.ant-table-row', { hasText: String(p.name) }).count(), WAIT).toBe(1);
    }
    await screenshot(page, 'talents-10-list-imported');
    expect(tab.errors).toEqual([]);
  });
});
