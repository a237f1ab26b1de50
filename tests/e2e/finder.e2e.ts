import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, newPage, type RunningServer, screenshot, startServer, type TrackedPage } from './harness.ts';

/**
 * The public station finder (/finder) in the browser, with no login, on the Guizhou demo network:
 * 1. a resident picks 贵州省 → 贵阳市 → 南明区 and gets the county's operating stations and rooms as a
 *    list (address, hours, phone) and on the map — the same ones the public API gives;
 * 2. on a phone, with location allowed at a point in 南明区, 使用我的位置 lists the nearest first; the
 *    list and the map take turns behind a switch, and tapping a name shows that station on the map.
 * Neither page may show anything personal: the contact persons and staff of the stations it lists are
 * read through an administrator's API beforehand and must not appear in the page.
 */

let server: RunningServer;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The province administrator: the nearest stations may lie across a county line.
  admin = await apiSession(server.url, 'guizhou');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** expect.poll's patience for what the page loads from the server. */
const WAIT = { timeout: 10_000 };

const NANMING = '520102000000';
/** 贵阳市南明区, near 甲秀楼 (what a resident's phone might report). */
const HERE = { longitude: 106.7135, latitude: 26.568 };

interface PublicStation {
  id: string;
  name: string;
  address: string;
  openingHours: string;
  contactPhone: string | null;
  distanceKm: number | null;
}

/** The names the finder must never show for these stations: contact persons and the staff linked to them. */
async function personalNamesOf(ids: string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const id of ids) {
    const p = await admin.get<{ contactName: string; staff: { name: string }[] }>(`/platforms/${id}`);
    if (p.contactName) names.add(p.contactName);
    for (const s of p.staff) names.add(s.name);
  }
  return [...names];
}

/** The ids of the result cards, in page order. */
const shownIds = (page: Page) =>
  page
    .getByTestId('finder-results')
    .locator('article[data-testid^="finder-item-"]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('finder-item-', '')));

/** No personal name in what the page shows (text and attributes such as tel: links and titles). */
async function assertNothingPersonal(page: Page, names: string[]): Promise<void> {
  const html = await page.content();
  const text = (await page.locator('body').innerText()) ?? '';
  for (const name of names) {
    expect(text, `contact/staff name ${name} shown`).not.toContain(name);
    expect(html, `contact/staff name ${name} in the page`).not.toContain(name);
  }
}

describe('a resident finds stations in 南明区 by choosing the place', () => {
  let tab: TrackedPage;
  let expected: { items: PublicStation[]; total: number };

  beforeAll(async () => {
    tab = await newPage(browser, server.url);
    tab.page.setDefaultTimeout(15_000);
    expected = await (await fetch(`${server.url}/api/v1/public/stations?regionCode=${NANMING}&kind=all&page=1&pageSize=50`)).json();
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('opens /finder without a session and is asked to choose a place', async () => {
    const { page, context } = tab;
    await page.goto('/finder');
    await page.getByTestId('finder-start').waitFor();
    // Not sent to the login page, and no session was handed out.
    expect(new URL(page.url()).pathname).toBe('/finder');
    expect(await context.cookies()).toEqual([]);
    await screenshot(page, 'finder-01-start');
  });

  it('picks 贵州省 → 贵阳市 → 南明区 and sees the listed stations with address, hours and phone, and the map', async () => {
    const { page } = tab;
    await page.getByTestId('finder-region').click();
    const popup = page.locator('.finder-place-popup:visible');
    for (const place of ['贵州省', '贵阳市', '南明区']) {
      // Each level loads when its parent is opened.
      const item = popup.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${place}$`) });
      await item.waitFor();
      await item.click();
    }
    // The list stays open for a deeper choice; a click beside it closes it, as for a user.
    await page.getByRole('heading', { name: '查找身边的社工站' }).click();
    await popup.waitFor({ state: 'hidden' });
    const summary = page.getByTestId('finder-summary');
    await expect.poll(() => summary.textContent(), WAIT).toContain('南明区');
    // The number the page states is the server's, and the cards are the first page of the same list.
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(() => summary.textContent(), WAIT).toBe(`贵州省 / 贵阳市 / 南明区：共 ${expected.total.toLocaleString('en-US')} 个站点`);
    await expect.poll(() => shownIds(page), WAIT).toEqual(expected.items.map((s) => s.id));

    const first = expected.items[0];
    const card = page.getByTestId(`finder-item-${first.id}`);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(first.name);
    expect(text).toContain(first.address);
    expect(text).toContain(first.openingHours);
    if (first.contactPhone) expect(await card.getByTestId('finder-phone').getAttribute('href')).toBe(`tel:${first.contactPhone}`);
    // By place there is no distance to show.
    expect(await page.getByTestId('finder-distance').count()).toBe(0);

    // The map: 贵阳市's boundaries with the stations as points, drawn on a canvas.
    await page.getByTestId('finder-map').locator('canvas').first().waitFor();
    // The window only: fifty cards make a page ten screens long.
    await screenshot(page, 'finder-02-nanming-list', { fullPage: false });
    await assertNothingPersonal(page, await personalNamesOf(expected.items.map((s) => s.id)));
    expect(tab.errors).toEqual([]);
  });

  it('selects a station by its name: it is marked on the list', async () => {
    const { page } = tab;
    const second = expected.items[1] ?? expected.items[0];
    await page.getByTestId(`finder-select-${second.id}`).click();
    await expect.poll(() => page.getByTestId(`finder-select-${second.id}`).getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect.poll(() => page.getByTestId(`finder-item-${second.id}`).getAttribute('class'), WAIT).toContain('finder-item-selected');
    await page.getByTestId('finder-map').locator('canvas').first().waitFor();
    await screenshot(page, 'finder-03-selected', { fullPage: false });
    expect(tab.errors).toEqual([]);
  });
});

describe('a resident on a phone uses their location', () => {
  let tab: TrackedPage;

  beforeAll(async () => {
    tab = await newPage(browser, server.url, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: HERE,
      permissions: ['geolocation'],
    });
    tab.page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('lists the nearest stations and rooms, closest first, as the public API does', async () => {
    const { page, context } = tab;
    await page.goto('/finder');
    await page.getByTestId('finder-start').waitFor();
    await page.getByTestId('finder-locate').click();
    const summary = page.getByTestId('finder-summary');
    await expect.poll(() => summary.textContent(), WAIT).toContain('离您最近的');

    // What the server answers for the same point (the page rounds the position to six decimals).
    const near = (await (await fetch(`${server.url}/api/v1/public/stations?lng=${HERE.longitude}&lat=${HERE.latitude}&kind=all&limit=20`)).json()) as {
      items: PublicStation[];
    };
    expect(near.items.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page), WAIT).toEqual(near.items.map((s) => s.id));
    expect(await summary.textContent()).toContain(`离您最近的 ${near.items.length} 个站点`);
    const km = near.items.map((s) => s.distanceKm ?? Number.NaN);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    // The closest is within the county, and its distance is shown in words a resident reads.
    expect(km[0]).toBeLessThan(5);
    const distances = await page.getByTestId('finder-distance').allTextContents();
    expect(distances).toHaveLength(near.items.length);
    expect(distances[0]).toMatch(/^\d+(\.\d)? 公里$|^\d+ 米$/);
    const first = near.items[0];
    const card = page.getByTestId(`finder-item-${first.id}`);
    expect(await card.textContent()).toContain(first.openingHours);
    expect(await card.textContent()).toContain(first.address);

    // Nothing wider than the phone, still no session; the list and the map take turns behind a switch.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await context.cookies()).toEqual([]);
    expect(await page.getByTestId('finder-map').count()).toBe(0);
    await screenshot(page, 'finder-04-phone-nearest', { fullPage: false });
    const pane = page.getByTestId('finder-pane');
    await pane.getByText('地图').click();
    await page.getByTestId('finder-map').locator('canvas').first().waitFor();
    expect(await page.getByTestId('finder-results').count()).toBe(0);
    await screenshot(page, 'finder-05-phone-map', { fullPage: false });
    // Tapping a station's name in the list shows it on the map, its card below.
    await pane.getByText('列表').click();
    const picked = near.items[Math.min(1, near.items.length - 1)];
    await page.getByTestId(`finder-select-${picked.id}`).click();
    await page.getByTestId('finder-map').locator('canvas').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid^="finder-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))), WAIT)
      .toEqual([`finder-item-${picked.id}`]);
    expect(await page.getByTestId(`finder-item-${picked.id}`).getAttribute('class')).toContain('finder-item-selected');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'finder-06-phone-selected', { fullPage: false });
    await pane.getByText('列表').click();
    await page.getByTestId('finder-results').waitFor();
    await assertNothingPersonal(page, await personalNamesOf(near.items.map((s) => s.id)));
    expect(tab.errors).toEqual([]);
  });
});
