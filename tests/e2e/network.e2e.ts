import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage, viaMenu } from './harness.ts';

/**
 * The service network (阵地) in the browser, on one server with the Guizhou demo network:
 * the 南明区 county administrator reads the township-station coverage, picks a township the demo left
 * without a station from 未覆盖地区, is stopped by the form on a missing name and on a region of the
 * wrong level (nothing sent), registers the station, ticks the six checklist items and sees it become
 * 规范化, then finds coverage, the standard-station count and the uncovered list changed by exactly
 * that one station. Counties have no boundary file of their townships, so the map is the city's: the
 * 贵阳市 administrator sees 南明区 rise on it.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh tab (own cookies, console errors collected) that gives up on an element after 15 s. */
async function openTab(): Promise<TrackedPage> {
  const tab = await newPage(browser, server.url);
  tab.page.setDefaultTimeout(15_000);
  return tab;
}

/** expect.poll's patience for what the page loads from the server. */
const WAIT = { timeout: 10_000 };

const NANMING = '520102000000';
const GROUP = 'menu-network-group';

/** The station card of 覆盖情况: "已覆盖 15 / 23" and its rate "65.2%". */
async function stationCoverage(page: Page): Promise<{ covered: number; total: number; rate: number }> {
  const card = page.getByTestId('coverage-card-station');
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const m = /已覆盖\s*([\d,]+)\s*\/\s*([\d,]+)/.exec(text);
  if (!m) throw new Error(`no covered/total on the station card: ${text}`);
  const value = (await card.locator('.ant-statistic-content-value').textContent()) ?? '';
  return { covered: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')), rate: Number.parseFloat(value) };
}

/** The number on a headline card (规范化站点 …). */
const cardValue = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent()) ?? '').replace(/[^\d.]/g, ''));

/** "3/7" → covered 3. */
const coveredOf = (text: string | null) => Number(/([\d,]+)\s*\//.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);

/** The input inside an antd control whose test id sits on the input itself or on its wrapper. */
const inputOf = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`).locator('xpath=descendant-or-self::input').first();

/**
 * Opens an antd Select, picks the option with this exact text and sees it chosen. A click that lands
 * while the list is still sliding in can miss; the user then opens the list again, and so does this.
 */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect
    .poll(async () => {
      if ((await dropdown.count()) === 0) await select.click();
      // Settled: no entering/appearing animation class left on the list.
      await page
        .locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])')
        .first()
        .waitFor({ timeout: 2_000 })
        .catch(() => undefined);
      await dropdown
        .getByText(option, { exact: true })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return (await select.textContent()) ?? '';
    }, WAIT)
    .toContain(option);
  // Picking the value already chosen can leave the list open: close it as a user would.
  if (await dropdown.count()) await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
}

/** The field's error line under a form item, once shown. */
const fieldError = (page: Page, testId: string) =>
  page.locator('.ant-form-item', { has: page.locator(`[data-testid="${testId}"]`) }).locator('.ant-form-item-explain-error');

/** The figure (covered/total) the coverage map shows for 南明区, read from the map's table view; back to the map after. */
async function countyMapFigure(page: Page): Promise<string> {
  await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
  await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(1).click();
  const cell = page.getByTestId('coverage-map-table').locator(`tr[data-row-key="${NANMING}"] td`).nth(1);
  await cell.waitFor();
  const figure = ((await cell.textContent()) ?? '').trim();
  await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(0).click();
  await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
  return figure;
}

describe('a county administrator registers a station with its checklist and sees coverage rise', () => {
  let county: TrackedPage;
  let city: TrackedPage;
  /** POST /api/v1/platforms the county tab sent: none may leave while the form is wrong. */
  const creates: number[] = [];
  let before: { covered: number; total: number; rate: number };
  let standardBefore = 0;
  let missingBefore = 0;
  let cityRowBefore = '';
  let township = { code: '', name: '' };
  let townshipRowBefore = 0;
  let stationName = '';
  let platformPath = '';

  beforeAll(async () => {
    county = await openTab();
    county.page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/platforms') creates.push(r.status());
    });
    await login(county.page, 'nanming');
    city = await openTab();
    await login(city.page, 'guiyang');
  });
  afterAll(async () => {
    await county?.context.close();
    await city?.context.close();
  });

  it('reads 南明区 township-station coverage, the standard stations and an uncovered township', async () => {
    const { page } = county;
    await viaMenu(page, 'menu-coverage', GROUP);
    await expect.poll(() => page.getByTestId('coverage-region').textContent(), WAIT).toContain('南明区');
    before = await stationCoverage(page);
    // The demo leaves some townships without a station: the rate is a real fraction.
    expect(before.total).toBeGreaterThan(0);
    expect(before.covered).toBeLessThan(before.total);
    expect(before.rate).toBeCloseTo(Math.round((before.covered / before.total) * 1000) / 10, 1);
    standardBefore = await cardValue(page, 'coverage-card-standard');

    // 未覆盖地区 opens on 无社工站; its tab counts the townships still missing one.
    const uncovered = page.getByTestId('coverage-uncovered');
    const stationTab = uncovered.getByRole('tab', { name: /无社工站/ });
    await expect.poll(() => stationTab.getAttribute('aria-selected'), WAIT).toBe('true');
    missingBefore = Number(/\((\d+)\)/.exec((await stationTab.textContent()) ?? '')?.[1]);
    expect(missingBefore).toBe(before.total - before.covered);
    const add = uncovered.locator('[data-testid^="uncovered-add-"]').first();
    await add.waitFor();
    const code = ((await add.getAttribute('data-testid')) ?? '').replace('uncovered-add-', '');
    const name = ((await uncovered.locator(`tr[data-row-key="${code}"] td`).first().textContent()) ?? '').trim();
    expect(code).toMatch(/^520102\d{3}000$/);
    township = { code, name };
    // The same township in the children table: no operating station yet.
    townshipRowBefore = coveredOf(await page.getByTestId(`coverage-row-${code}`).locator('td').nth(1).textContent());
    expect(townshipRowBefore).toBe(0);
    // A county is drawn on its city's map, coloured by its own township-station coverage.
    expect(await countyMapFigure(page)).toBe(`${before.covered}/${before.total}`);
    await screenshot(page, 'network-01-coverage-before');
    expect(county.errors).toEqual([]);
  });

  it("shows the city administrator 南明区 on 贵阳市's coverage map", async () => {
    const { page } = city;
    await viaMenu(page, 'menu-coverage', GROUP);
    await expect.poll(() => page.getByTestId('coverage-region').textContent(), WAIT).toContain('贵阳市');
    // ECharts draws the counties on a canvas inside the map's element.
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await screenshot(page, 'network-02-city-map-before');
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(1).click();
    const row = page.getByTestId('coverage-map-table').locator(`tr[data-row-key="${NANMING}"] td`).nth(1);
    await row.waitFor();
    cityRowBefore = ((await row.textContent()) ?? '').trim();
    // The map's figure for 南明区 is the county's own station coverage.
    expect(cityRowBefore).toBe(`${before.covered}/${before.total}`);
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(0).click();
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    expect(city.errors).toEqual([]);
  });

  it('opens 新增阵地 from the uncovered township with the region and the kind filled in', async () => {
    const { page } = county;
    await page.getByTestId(`uncovered-add-${township.code}`).click();
    await page.getByTestId('platform-form').waitFor();
    expect(new URL(page.url()).searchParams.get('regionCode')).toBe(township.code);
    await expect.poll(() => page.getByTestId('platform-form-kind').textContent(), WAIT).toContain('乡镇(街道)社工站');
    await expect.poll(() => page.getByTestId('platform-form-region').textContent(), WAIT).toContain(township.name);
  });

  it('refuses a missing name and a region of the wrong level with Chinese field messages, sending nothing', async () => {
    const { page } = county;
    await page.getByTestId('platform-form-submit').click();
    await expect.poll(() => fieldError(page, 'platform-form-name').textContent(), WAIT).toBe('请填写阵地名称');
    await expect.poll(() => page.locator('.ant-message').textContent(), WAIT).toContain('请按提示修改标红的内容');

    // A village room cannot sit in a township: changing the kind re-checks the region at once.
    await page.getByTestId('platform-form-name').fill(`${township.name}社会工作服务站`);
    await choose(page, 'platform-form-kind', '村(社区)社工室');
    await expect.poll(() => fieldError(page, 'platform-form-region').textContent(), WAIT).toBe('该类型阵地的所在地区应为村(社区)级区划');
    await page.getByTestId('platform-form-submit').click();
    await expect.poll(() => fieldError(page, 'platform-form-region').count(), WAIT).toBe(1);
    await screenshot(page, 'network-03-form-wrong-level');
    expect(creates).toEqual([]);

    // Back to a station: the region is right again.
    await choose(page, 'platform-form-kind', '乡镇(街道)社工站');
    await expect.poll(() => fieldError(page, 'platform-form-region').count(), WAIT).toBe(0);
    expect(page.url()).toContain('/network/platforms/new');
  });

  it('fills in the station and creates it', async () => {
    const { page } = county;
    stationName = `${township.name}社会工作服务站`;
    await page.getByTestId('platform-form-name').fill(stationName);
    await page.getByTestId('platform-form-address').fill(`贵阳市南明区${township.name}办事处一楼`);
    await inputOf(page, 'platform-form-lng').fill('106.7135');
    await inputOf(page, 'platform-form-lat').fill('26.5680');
    await choose(page, 'platform-form-status', '运营中');
    await choose(page, 'platform-form-constructionSource', '依托民政服务机构建设一批');
    const services = page.getByTestId('platform-form-services');
    for (const s of ['政策宣传咨询', '社会救助', '精神慰藉']) await services.getByText(s, { exact: true }).click();
    await page.getByTestId('platform-form-openingHours').fill('周一至周五 9:00-17:30');
    await page.getByTestId('platform-form-contactName').fill('岑晓雯');
    await page.getByTestId('platform-form-contactPhone').fill('0851-85551234');
    // From the top: a full-page picture of a scrolled page draws the fixed header in the middle.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'network-04-form-filled');

    await page.getByTestId('platform-form-submit').click();
    await page.waitForURL(/\/network\/platforms\/[\w-]+$/);
    expect(creates).toEqual([200]);
    platformPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('platform-detail-name').textContent(), WAIT).toBe(stationName);
    // New: none of the checklist met yet.
    await expect.poll(() => page.getByTestId('platform-detail-standard').textContent(), WAIT).toMatch(/未达标\s*0\/\d+/);
  });

  it('ticks every checklist item with evidence and a date, and the station becomes 规范化', async () => {
    const { page } = county;
    await page.getByRole('tab', { name: /规范化检查/ }).click();
    const checks = page.getByTestId('platform-checks');
    await checks.waitFor();
    const switches = checks.locator('[data-testid^="check-met-"]');
    await expect.poll(() => switches.count(), WAIT).toBeGreaterThan(0);
    const keys = (await switches.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))).map((id) => id.replace('check-met-', ''));
    // The province's items (Guizhou keeps the six 有场地 … 有规章制度).
    expect(keys).toHaveLength(6);
    expect(await page.getByTestId('platform-lacking').textContent()).toContain('有场地');
    const today = new Date().toISOString().slice(0, 10);
    for (const key of keys) {
      await page.getByTestId(`check-met-${key}`).click();
      await expect.poll(() => page.getByTestId(`check-met-${key}`).getAttribute('aria-checked')).toBe('true');
      await page.getByTestId(`check-evidence-${key}`).fill(`${today} 现场核查，资料已归档（${key}）`);
      await inputOf(page, `check-date-${key}`).click();
      await page.keyboard.type(today);
      await page.keyboard.press('Enter');
      await expect.poll(() => inputOf(page, `check-date-${key}`).inputValue()).toBe(today);
    }
    await expect.poll(() => checks.locator('.form-footer').textContent(), WAIT).toContain(`已达标 ${keys.length} / ${keys.length} 项`);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/checks'));
    await page.getByTestId('platform-checks-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('platform-detail-standard').textContent(), WAIT).toBe('规范化');
    await expect.poll(() => page.getByTestId('platform-lacking').count(), WAIT).toBe(0);
    // What was saved is what the editor shows again (it restarts from the stored checks).
    expect(await page.getByTestId(`check-evidence-${keys[0]}`).inputValue()).toContain('现场核查');
    await screenshot(page, 'network-05-checklist-standard');
    expect(county.errors).toEqual([]);
  });

  it('sees the township covered: +1 station covered, a higher rate, +1 standard station, one fewer uncovered', async () => {
    const { page } = county;
    await viaMenu(page, 'menu-coverage', GROUP);
    await expect.poll(async () => (await stationCoverage(page)).covered, WAIT).toBe(before.covered + 1);
    const after = await stationCoverage(page);
    expect(after.total).toBe(before.total);
    expect(after.rate).toBeGreaterThan(before.rate);
    expect(after.rate).toBeCloseTo(Math.round(((before.covered + 1) / before.total) * 1000) / 10, 1);
    expect(await cardValue(page, 'coverage-card-standard')).toBe(standardBefore + 1);
    expect(coveredOf(await page.getByTestId(`coverage-row-${township.code}`).locator('td').nth(1).textContent())).toBe(townshipRowBefore + 1);
    const uncovered = page.getByTestId('coverage-uncovered');
    await expect.poll(async () => (await uncovered.getByRole('tab', { name: /无社工站/ }).textContent()) ?? '', WAIT).toContain(`(${missingBefore - 1})`);
    await expect.poll(() => uncovered.locator(`[data-testid="uncovered-add-${township.code}"]`).count(), WAIT).toBe(0);
    // The county's own figure on the map has risen too.
    expect(await countyMapFigure(page)).toBe(`${before.covered + 1}/${before.total}`);
    await screenshot(page, 'network-06-coverage-after');
    // The new station is in 阵地列表 of the county, marked standard.
    await page.goto(`/network/platforms?regionCode=${township.code}&kind=station`);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: stationName }).count(), WAIT).toBe(1);
    expect(platformPath).toMatch(/^\/network\/platforms\/[\w-]+$/);
    expect(county.errors).toEqual([]);
  });

  it("sees 南明区 risen on 贵阳市's map after a refresh", async () => {
    const { page } = city;
    await page.getByTestId('coverage-refresh').click();
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(1).click();
    const row = page.getByTestId('coverage-map-table').locator(`tr[data-row-key="${NANMING}"] td`).nth(1);
    await expect.poll(async () => ((await row.textContent()) ?? '').trim(), WAIT).toBe(`${before.covered + 1}/${before.total}`);
    expect(coveredOf(cityRowBefore)).toBe(before.covered);
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(0).click();
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await screenshot(page, 'network-07-city-map-after');
    expect(city.errors).toEqual([]);
  });
});

describe('a national administrator reads a municipality by its districts', () => {
  let tab: TrackedPage;
  beforeAll(async () => {
    tab = await openTab();
    await login(tab.page, 'admin');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  /** The region codes the map's table view lists (each one a feature of the drawn map). */
  async function mapRows(page: Page): Promise<string[]> {
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(1).click();
    await page.getByTestId('coverage-map-table').locator('tr[data-row-key]').first().waitFor();
    const keys = await page
      .getByTestId('coverage-map-table')
      .locator('tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(0).click();
    return keys;
  }

  it('draws 北京市 with its districts (not the 市辖区 container) and a district on the same map', async () => {
    const { page } = tab;
    await page.goto('/network/coverage?region=110000000000');
    await expect.poll(() => page.getByTestId('coverage-region').textContent(), WAIT).toContain('北京市');
    const rows = await mapRows(page);
    // The boundary file of 北京 holds its 16 districts; the statistical container 110100 市辖区 is no feature of it.
    expect(rows).toContain('110101000000');
    expect(rows).toContain('110119000000');
    expect(rows).not.toContain('110100000000');
    expect(rows.every((code) => code.startsWith('11') && code.endsWith('000000') && !code.endsWith('00000000'))).toBe(true);
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await screenshot(page, 'network-08-municipality-map');
    // A district is shown by its own figure on the municipality's map.
    await page.goto('/network/coverage?region=110101000000');
    await expect.poll(() => page.getByTestId('coverage-region').textContent(), WAIT).toContain('东城区');
    expect(await mapRows(page)).toEqual(['110101000000']);
    expect(tab.errors).toEqual([]);
  });

  it('says plainly that 东莞市 (a city without counties) has no map, and keeps its table', async () => {
    const { page } = tab;
    await page.goto('/network/coverage?region=441900000000');
    await expect.poll(() => page.getByTestId('coverage-region').textContent(), WAIT).toContain('东莞市');
    const card = page.getByTestId('coverage-map-card');
    await expect.poll(() => card.textContent(), WAIT).toContain('该级别暂无地图');
    expect(await card.textContent()).not.toContain('地图加载失败');
    await page.getByTestId('coverage-map-toggle').locator('.ant-segmented-item').nth(1).click();
    await expect.poll(() => page.getByTestId('coverage-map-table').locator('tr[data-row-key]').count(), WAIT).toBeGreaterThan(0);
    expect(tab.errors).toEqual([]);
  });
});
