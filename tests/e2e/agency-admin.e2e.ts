import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage, viaMenu } from './harness.ts';

/**
 * An agency administrator (agency-demo, bound to a 南明区 agency) keeps 本机构's staff list. They
 * cannot search the talent registry, so 添加人员 asks for a name and an ID number: the form stops an
 * empty submission (nothing sent), the server answers a name that does not match without saying
 * anything about the person, the right pair adds the worker, and 编辑人员 changes the post.
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

const WAIT = { timeout: 10_000 };

interface Person {
  id: string;
  name: string;
  idNumber: string;
}

describe('an agency administrator adds a worker to 本机构 by name and ID number', () => {
  let tab: TrackedPage;
  let person: Person;
  /** POST /api/v1/my-agency/staff the tab sent, by status. */
  const adds: number[] = [];

  beforeAll(async () => {
    // A 南明区 social worker not yet on the agency's list; their ID number is what the agency would have on file.
    const county = await apiSession(server.url, 'nanming');
    const mine = await (await apiSession(server.url, 'agency-demo')).get<{ staff: { talentId: string }[] }>('/my-agency');
    const listed = new Set(mine.staff.map((s) => s.talentId));
    const talents = await county.get<{ items: { id: string; name: string }[] }>('/talents?regionCode=520102000000&status=active&pageSize=50');
    const pick = talents.items.find((x) => !listed.has(x.id));
    if (!pick) throw new Error('no 南明区 talent outside the demo agency');
    const { idNumber } = await county.post<{ idNumber: string }>(`/talents/${pick.id}/reveal`);
    person = { id: pick.id, name: pick.name, idNumber };

    tab = await newPage(browser, server.url);
    tab.page.setDefaultTimeout(15_000);
    tab.page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/my-agency/staff') adds.push(r.status());
    });
    await login(tab.page, 'agency-demo');
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('is stopped by the form when empty, told plainly when the name does not match, and adds the right pair', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-my-agency', 'menu-org-group');
    await page.getByTestId('my-agency-name').waitFor();
    await page.getByTestId('agency-tabs').getByRole('tab', { name: /人员/ }).click();
    const table = page.getByTestId('agency-staff-table');
    await table.waitFor();
    const before = await table.locator('tbody tr.ant-table-row').count();

    await page.getByTestId('own-staff-add').click();
    const modal = page.getByTestId('own-staff-modal');
    await page.getByTestId('own-staff-submit').click();
    await expect
      .poll(() => modal.locator('.ant-form-item-explain-error').allTextContents(), WAIT)
      .toEqual(expect.arrayContaining(['请填写姓名', '请填写身份证号码']));
    expect(adds).toEqual([]);

    await page.getByTestId('own-staff-name').fill('并非本人');
    await page.getByTestId('own-staff-id').fill(person.idNumber);
    await page.getByTestId('own-staff-submit').click();
    const idError = modal.locator('.ant-form-item', { has: page.getByTestId('own-staff-id') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => idError.textContent(), WAIT).toContain('没有与该身份证号码和姓名相符的在岗人员');
    expect(adds).toEqual([400]);
    // The answer names nobody and no place.
    expect(await modal.textContent()).not.toContain(person.name);
    expect(await modal.textContent()).not.toContain('南明区');
    await screenshot(page, 'agency-admin-01-no-match');

    await page.getByTestId('own-staff-name').fill(person.name);
    await page.getByTestId('own-staff-post').fill('项目社工');
    await page.getByTestId('own-staff-submit').click();
    await modal.waitFor({ state: 'hidden' });
    expect(adds).toEqual([400, 200]);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), WAIT).toBe(before + 1);
    const row = table.locator(`tr[data-row-key="${person.id}"]`);
    expect(await row.textContent()).toContain(person.name);
    expect(await row.textContent()).toContain('项目社工');
    // An agency administrator has no talent pages: the name is not a link.
    expect(await row.locator('a').count()).toBe(0);
    expect(tab.errors).toEqual([]);
  });

  it('changes the new worker to part-time 督导 in 编辑人员 and keeps it after a reload', async () => {
    const { page } = tab;
    await page.getByTestId('agency-staff-edit').click();
    await page.getByTestId(`agency-staff-post-${person.id}`).fill('督导');
    await page.locator(`tr[data-row-key="${person.id}"] .ant-switch`).click();
    await page.getByTestId('agency-staff-save').click();
    await page.getByTestId('agency-staff-save').waitFor({ state: 'detached' });
    await page.reload();
    const row = page.getByTestId('agency-staff-table').locator(`tr[data-row-key="${person.id}"]`);
    await expect.poll(async () => (await row.textContent()) ?? '', WAIT).toContain('督导');
    expect(await row.textContent()).toContain('兼职');
    await screenshot(page, 'agency-admin-02-staff');
    // The county's view of the agency lists the same person with the same post.
    const county = await apiSession(server.url, 'nanming');
    const mine = await (await apiSession(server.url, 'agency-demo')).get<{ id: string }>('/my-agency');
    const agency = await county.get<{ staff: { talentId: string; post: string; fullTime: boolean }[] }>(`/agencies/${mine.id}`);
    expect(agency.staff).toContainEqual(expect.objectContaining({ talentId: person.id, post: '督导', fullTime: false }));
    expect(tab.errors).toEqual([]);
  });
});
