import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viaMenu as goViaMenu, launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage } from './harness.ts';
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

/** A fresh tab (own cookies, console errors collected) that gives up on an element after 15 s. */
async function openTab(): Promise<TrackedPage> {
  const tab = await newPage(browser, server.url);
  tab.page.setDefaultTimeout(15_000);
  return tab;
}

/** The side menu, as a user goes (harness.viaMenu); talent pages sit in 人才库. */
const viaMenu = (page: Page, testId: string, group = 'menu-talent-group') => goViaMenu(page, testId, group);

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
    phone: `13985${idNumber.slice(11, 17)}`,
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
    tab = await openTab();
    await login(tab.page, 'nanming');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('reads the county total and 新华路街道 in the analytics before importing', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-talent-analytics');
    await expect.poll(() => page.getByTestId('analytics-region').textContent(), WAIT).toContain('南明区');
    before = await readAnalytics(page, XINHUALU);
    expect(before.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analytics-table-children').textContent(), WAIT).toContain('新华路街道');
    await screenshot(page, 'talents-01-analytics-before');
  });

  it('uploads a file with 5 good and 3 bad rows and is shown the counts and each error', async () => {
    const { page } = tab;
    const file = path.join(workDir, '南明区人才.xlsx');
    await writeTalentWorkbook(file, [good[0], good[1], badChecksum, good[2], badRegion, good[3], badDate, good[4]]);
    await viaMenu(page, 'menu-talents');
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
    for (const row of ['4', '6', '8'])
      expect(await errors.locator('tbody tr.ant-table-row td:first-child', { hasText: new RegExp(`^${row}$`) }).count()).toBe(1);
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
    // What the commit will do: 5 new, the 3 bad rows left out.
    const plan = page.getByTestId('import-wizard').locator('.ant-descriptions');
    await expect.poll(() => plan.textContent(), WAIT).toContain('新增人才5');
    expect(await plan.textContent()).toContain('有错误、不导入的行3');
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
    // The way a user goes back: the menu, same page, no reload. The figures read before the import
    // must not be served again from the page's cache.
    await viaMenu(page, 'menu-talent-analytics');
    await screenshot(page, 'talents-08-analytics-after');
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).total, { timeout: 5_000 }).toBe(before.total + 8);
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).child, { timeout: 5_000 }).toBe(before.child + 8);
  });

  it('shows the same figures after a reload, and the eight people in the list', async () => {
    const { page } = tab;
    await page.goto('/talents/analytics');
    await expect.poll(async () => (await readAnalytics(page, XINHUALU)).total, WAIT).toBe(before.total + 8);
    expect((await readAnalytics(page, XINHUALU)).child).toBe(before.child + 8);
    await screenshot(page, 'talents-09-analytics-after-reload');
    // 新华路街道's most recently changed records are the eight.
    await page.goto(`/talents?regionCode=${XINHUALU}&sort=updated_at&order=desc`);
    const rows = page.getByTestId('talent-table').locator('tr.ant-table-row');
    await rows.nth(7).waitFor();
    const names = (await rows.locator('td:first-child').allTextContents()).slice(0, 8).map((s) => s.trim());
    expect(names.sort()).toEqual([...good, badChecksum, badRegion, badDate].map((p) => String(p.name)).sort());
    await screenshot(page, 'talents-10-list-imported');
    expect(tab.errors).toEqual([]);
  });
});

describe('a talent record: reveal, edit, history', () => {
  let tab: TrackedPage;

  beforeAll(async () => {
    tab = await openTab();
    await login(tab.page, 'nanming');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  /** Opens a tab of the record and returns the text of the element it shows. */
  const tabText = async (page: Page, name: RegExp, testId: string) => {
    await page.getByRole('tab', { name }).click();
    const panel = page.getByTestId(testId);
    await panel.waitFor();
    return (await panel.textContent()) ?? '';
  };

  it('opens a certified talent from the list and reveals the full ID number', async () => {
    const { page } = tab;
    // 社会工作师 holders: records with a certificate, education and work to lose if an edit wiped them.
    await page.goto('/talents?tier=intermediate');
    const first = page.getByTestId('talent-table').locator('tr.ant-table-row').first().locator('[data-testid^="talent-link-"]');
    await first.waitFor();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect.poll(() => page.getByTestId('talent-detail-name').textContent(), WAIT).toBe(name);
    const id = page.getByTestId('talent-id-number');
    const masked = ((await id.textContent()) ?? '').trim();
    expect(masked).toMatch(/^\d{4}\*+[\dX]{4}$/);
    await page.getByTestId('talent-id-number-reveal').click();
    await expect.poll(async () => (await id.textContent())?.trim(), WAIT).toMatch(/^\d{17}[\dX]$/);
    const full = ((await id.textContent()) ?? '').trim();
    expect(full).toHaveLength(18);
    expect(full.slice(0, 4)).toBe(masked.slice(0, 4));
    expect(full.slice(-4)).toBe(masked.slice(-4));
    await screenshot(page, 'talents-11-detail-revealed');
  });

  it('changes the post on the edit page; the history shows it and the other lists are kept', async () => {
    const { page } = tab;
    const certificates = await tabText(page, /^证书/, 'talent-certificates');
    expect(certificates).toContain('社会工作师');
    const educations = await tabText(page, /^学历与职称/, 'talent-educations');
    const work = await tabText(page, /^工作经历/, 'talent-employments');
    const honoursTab = ((await page.getByRole('tab', { name: /^表彰奖励/ }).textContent()) ?? '').trim();
    const dispatchesTab = ((await page.getByRole('tab', { name: /^选派/ }).textContent()) ?? '').trim();

    await page.getByTestId('talent-detail-edit').click();
    const post = page.getByTestId('talent-form-post');
    await post.waitFor();
    const previous = await post.inputValue();
    const newPost = previous === '督导助理' ? '项目主管' : '督导助理';
    await post.fill(newPost);
    await screenshot(page, 'talents-12-edit-post');
    await page.getByTestId('talent-form-submit').click();
    await page.waitForURL(/\/talents\/[^/]+$/);
    await page.getByTestId('talent-tabs').waitFor();

    // 工作经历 shows the new post; the history has the change with before and after.
    await expect.poll(() => tabText(page, /^工作经历/, 'talent-tabs'), WAIT).toContain(newPost);
    const history = page.getByTestId('talent-history');
    await page.getByRole('tab', { name: '变更历史' }).click();
    const latest = history.locator('tr.ant-table-row').first();
    await latest.waitFor();
    expect(await latest.textContent()).toContain('修改');
    expect(await latest.textContent()).toContain('nanming');
    await latest.locator('.ant-table-row-expand-icon').click();
    const changes = history.locator('tr.ant-table-expanded-row').first();
    await changes.waitFor();
    const changeText = (await changes.textContent()) ?? '';
    expect(changeText).toContain('岗位');
    expect(changeText).toContain(newPost);
    if (previous) expect(changeText).toContain(previous);
    // Only the post changed.
    expect(changeText).not.toContain('证书');
    await screenshot(page, 'talents-13-history');

    // The edit did not touch the lists.
    expect(await tabText(page, /^证书/, 'talent-certificates')).toBe(certificates);
    expect(await tabText(page, /^学历与职称/, 'talent-educations')).toBe(educations);
    expect(await tabText(page, /^工作经历/, 'talent-employments')).toBe(work);
    expect(((await page.getByRole('tab', { name: /^表彰奖励/ }).textContent()) ?? '').trim()).toBe(honoursTab);
    expect(((await page.getByRole('tab', { name: /^选派/ }).textContent()) ?? '').trim()).toBe(dispatchesTab);
    await page.getByRole('tab', { name: /^证书/ }).click();
    await screenshot(page, 'talents-14-certificates-kept');
    expect(tab.errors).toEqual([]);
  });
});

describe('self-service on a phone: training hours submitted, approved, counted', () => {
  let worker: TrackedPage;
  let admin: TrackedPage;
  const title = `社区矫正个案实务培训（${Date.now().toString(36)}）`;
  // A few days ago: in the past whatever the time zone, and recent.
  const date = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  let talentPath = '';
  let hoursBefore: number | null = null;

  beforeAll(async () => {
    worker = await openTab();
    await worker.page.setViewportSize({ width: 390, height: 844 });
    admin = await openTab();
    await login(admin.page, 'nanming');
  });
  afterAll(async () => {
    await worker?.context.close();
    await admin?.context.close();
  });

  /** 本周期继续教育 X / Y 学时 → X, or null when the record has no period to track. */
  const ceHours = async (page: Page): Promise<{ hours: number | null; periodStart: string; due: string }> => {
    const ce = page.getByTestId('talent-ce');
    await ce.waitFor();
    const text = (await ce.textContent()) ?? '';
    const m = /本周期继续教育\s*([\d.,]+)\s*\//.exec(text);
    if (!m) return { hours: null, periodStart: '', due: '' };
    const values = ce.locator('.ant-statistic-content-value');
    return { hours: toNumber(m[1]), periodStart: ((await values.nth(0).textContent()) ?? '').trim(), due: ((await values.nth(1).textContent()) ?? '').trim() };
  };

  it('lets the social worker read 我的档案 on a phone and submit training hours', async () => {
    const { page } = worker;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('sw-demo');
    await page.getByTestId('login-password').fill('Demo@12345');
    await page.getByTestId('login-submit').click();
    // A social worker lands on their own record.
    await page.waitForURL(/\/me\/talent$/);
    await page.getByTestId('me-submit-training').waitFor();
    await page.getByTestId('talent-tabs').waitFor();
    await expect.poll(() => page.getByTestId('talent-basic').textContent(), WAIT).toContain('南明区');
    await page.getByTestId('me-submissions').waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'talents-15-phone-me');

    await page.getByTestId('me-submit-training').click();
    const ok = page.getByTestId('me-submit-ok');
    await ok.waitFor();
    await page.getByTestId('me-training-date').click();
    await page.keyboard.type(date);
    await page.keyboard.press('Enter');
    // Tapping the next field closes the calendar, as on a phone.
    await page.getByTestId('me-training-hours').click();
    await page.getByTestId('me-training-hours').fill('12.5');
    await page.getByTestId('me-training-title').fill(title);
    await screenshot(page, 'talents-16-phone-submit');
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
    const mine = page.getByTestId('me-submissions').locator('[data-testid^="me-submission-"]', { hasText: title });
    await expect.poll(() => mine.count(), WAIT).toBe(1);
    expect(await mine.textContent()).toContain('待审核');
    expect(await mine.textContent()).toContain('12.5');
    expect(await mine.textContent()).toContain(date);
    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'talents-17-phone-submitted');
    expect(worker.errors).toEqual([]);
  });

  it('lets the county administrator check the record and approve the hours in the workbench', async () => {
    const { page } = admin;
    await viaMenu(page, 'menu-talent-workbench');
    await page.getByRole('tab', { name: '本人申报审核' }).click();
    const row = page.getByTestId('submission-table').locator('tr.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('12.5');
    talentPath = (await row.locator('a[href^="/talents/"]').first().getAttribute('href')) ?? '';
    expect(talentPath).toMatch(/^\/talents\/[\w-]+$/);
    await screenshot(page, 'talents-18-workbench-submission');

    // The administrator looks at the record first: the training is not there yet.
    await row.locator('a[href^="/talents/"]').first().click();
    await page.getByRole('tab', { name: '继续教育' }).click();
    hoursBefore = (await ceHours(page)).hours;
    expect(await page.getByTestId('talent-trainings').textContent()).not.toContain(title);
    await page.goBack();
    await page.getByRole('tab', { name: '本人申报审核' }).click();

    await row.locator('[data-testid^="submission-approve-"]').click();
    await page.getByTestId('decision-ok').click();
    await expect.poll(() => row.count(), WAIT).toBe(0);
    await expect.poll(() => page.locator('.ant-message').textContent(), WAIT).toContain('已核实通过');
    await screenshot(page, 'talents-19-workbench-approved');
  });

  it("shows the approved hours on the talent's 继续教育 tab", async () => {
    const { page } = admin;
    await page.goto(`${talentPath}?tab=ce`);
    const trainings = page.getByTestId('talent-trainings');
    const row = trainings.locator('tr.ant-table-row', { hasText: title });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    const cells = row.locator('td');
    expect(((await cells.nth(0).textContent()) ?? '').trim()).toBe(date);
    expect(((await cells.nth(1).textContent()) ?? '').trim()).toBe('12.5');
    const after = await ceHours(page);
    if (hoursBefore !== null) {
      // Counted when the date falls in the current period [start, due).
      const inPeriod = after.periodStart <= date && date < after.due;
      expect(after.hours).toBeCloseTo(hoursBefore + (inPeriod ? 12.5 : 0), 5);
    }
    await screenshot(page, 'talents-20-ce-tab');
    expect(admin.errors).toEqual([]);
  });

  it('shows the social worker the submission approved and the hours on their record', async () => {
    const { page } = worker;
    await page.reload();
    const mine = page.getByTestId('me-submissions').locator('[data-testid^="me-submission-"]', { hasText: title });
    await expect.poll(() => mine.textContent(), WAIT).toContain('已通过');
    // On a phone the later tabs sit behind the tab bar's 更多 (…) menu.
    await page.getByTestId('talent-tabs').locator('.ant-tabs-nav-more').click();
    await page.locator('.ant-tabs-dropdown:visible').getByText('继续教育', { exact: true }).click();
    await expect.poll(() => page.getByTestId('talent-trainings').textContent(), WAIT).toContain(title);
    await screenshot(page, 'talents-21-phone-approved');
    expect(worker.errors).toEqual([]);
  });
});

describe('the talent list in English', () => {
  it('renders the list headers in English and switches back', async () => {
    const tab = await openTab();
    const { page } = tab;
    await login(page, 'nanming');
    await viaMenu(page, 'menu-talents');
    const table = page.getByTestId('talent-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('lang-en').click();
    const headers = table.locator('thead th');
    await expect
      .poll(async () => (await headers.allTextContents()).map((s) => s.trim()), WAIT)
      .toEqual(expect.arrayContaining(['Name', 'ID number', 'Sex', 'Age', 'Region', 'Certificate tier']));
    const all = (await headers.allTextContents()).join(' ');
    expect(all).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('side-menu').textContent()).toContain('Talents');
    expect(await page.getByTestId('talent-import').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'talents-22-list-english');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(async () => (await headers.allTextContents()).map((s) => s.trim()), WAIT).toEqual(expect.arrayContaining(['姓名', '身份证号码']));
    expect(tab.errors).toEqual([]);
    await tab.context.close();
  });
});

describe('key-talent rules of the province', () => {
  let tab: TrackedPage;

  beforeAll(async () => {
    tab = await openTab();
    await login(tab.page, 'guizhou');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  const savedMessage = (page: Page) => page.locator('.ant-message-notice', { hasText: '规则已保存' });

  /** Clicks 保存, confirms, and returns the number of talents whose key status changed, as the page tells it. */
  async function saveRules(page: Page): Promise<number> {
    // One message at a time: the previous save's has gone.
    await savedMessage(page).first().waitFor({ state: 'detached' });
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/key-talent-rules/'));
    await page.getByTestId('rules-save').click();
    await page.getByTestId('confirm-ok').click();
    const response = await saved;
    expect(response.status()).toBe(200);
    const { recomputed } = (await response.json()) as { recomputed: number };
    await expect.poll(() => savedMessage(page).textContent(), WAIT).toContain(`规则已保存，${recomputed.toLocaleString('en-US')} 名人才`);
    return recomputed;
  }

  it("shows Guizhou's three default rules", async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-key-rules');
    await page.getByTestId('rules-form').waitFor();
    const labels = [0, 1, 2].map((i) => page.getByTestId(`rules-label-${i}`));
    await expect.poll(() => labels[0].inputValue(), WAIT).toBe('黔籍,持社会工作师及以上证书');
    expect(await labels[1].inputValue()).toBe('黔籍,讲授社会工作或社会学专业课程并具有副高级及以上职称');
    expect(await labels[2].inputValue()).toBe('黔籍,获社会工作或社会学专业博士学位');
    expect(await page.getByTestId('rules-rule-3').count()).toBe(0);
    expect(await page.locator('.form-alert').textContent()).toContain('当前使用默认规则');
    await screenshot(page, 'talents-23-key-rules-default');
  });

  it('adds a rule, saves it (the province is re-decided), then restores the defaults', async () => {
    const { page } = tab;
    await page.getByTestId('rules-add').click();
    await page.getByTestId('rules-rule-3').waitFor();
    await page.getByTestId('rules-label-3').fill('黔籍,持助理社会工作师证书');
    // The new rule's second condition is 证书不低于 …: lower it to 助理社会工作师.
    await page.getByTestId('rules-condition-3-1').locator('.ant-select').nth(1).click();
    await page.locator('.ant-select-dropdown:visible').getByText('助理社会工作师', { exact: true }).click();
    await expect.poll(() => page.getByTestId('rules-preview-3').textContent(), WAIT).toContain('助理社会工作师');
    await screenshot(page, 'talents-24-key-rules-added');
    const changed = await saveRules(page);
    // Assistant social workers native to Guizhou became key talents.
    expect(changed).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.form-alert').textContent(), WAIT).toContain('guizhou');
    await screenshot(page, 'talents-25-key-rules-saved');

    await page.getByTestId('rules-default').click();
    await expect.poll(() => page.getByTestId('rules-rule-3').count(), WAIT).toBe(0);
    // The same people lose the status again.
    expect(await saveRules(page)).toBe(changed);
    expect(await page.getByTestId('rules-label-0').inputValue()).toBe('黔籍,持社会工作师及以上证书');
    await screenshot(page, 'talents-26-key-rules-restored');
    expect(tab.errors).toEqual([]);
  });
});
