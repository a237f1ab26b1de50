import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage, viaMenu } from './harness.ts';

/**
 * A county administrator's day: log in, browse the region tree, create a colleague's account, see
 * the audit entry, log out; the colleague's first login forces a password change; a province
 * administrator sees the wider scope.
 */
describe('county administrator journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let tab: TrackedPage;
  let oneTimePassword = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password with one Chinese message', async () => {
    const { page } = tab;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('nanming');
    await page.getByTestId('login-password').fill('Wrong@12345');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await screenshot(page, '01-login-error');
  });

  it('logs in and sees real figures for Nanming on the home page', async () => {
    const { page } = tab;
    await login(page, 'nanming');
    await expect.poll(() => page.getByTestId('header-scope').textContent()).toContain('南明区');
    // Nanming in the 2023 data: 23 streets/townships, 211 communities/villages.
    await expect.poll(() => page.getByTestId('stat-level-4').textContent()).toContain('23');
    await expect.poll(() => page.getByTestId('stat-level-5').textContent()).toContain('211');
    await screenshot(page, '02-home-nanming');
  });

  it('browses the region tree into a township and its communities', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-regions');
    const tree = page.getByTestId('region-tree');
    await tree.getByText('南明区', { exact: true }).waitFor();
    await tree.getByText('新华路街道').click();
    await expect.poll(() => page.getByTestId('region-detail').textContent()).toContain('520102016000');
    await expect.poll(() => page.getByTestId('region-children-table').textContent()).toContain('社区');
    await screenshot(page, '03-region-township');
    // Outside the scope: the search finds nothing of Yunyan.
    await page.getByTestId('region-search').fill('黔灵');
    await page.waitForTimeout(800);
    expect(await page.locator('[data-testid^="region-search-hit-520103"]').count()).toBe(0);
  });

  it('creates a staff account and is shown its one-time password once', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-users', 'menu-system');
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('new-user-button').click();
    await page.getByTestId('user-form-username').fill('e2e-clerk');
    await page.getByTestId('user-form-displayName').fill('李文书');
    await page.getByTestId('user-form-role').click();
    await page.locator('.ant-select-dropdown:visible').getByText('民政工作人员', { exact: true }).click();
    await page.getByTestId('user-form-region').click();
    // Tree titles read "南明区 县级" (name and level).
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '南明区' }).first().click();
    await screenshot(page, '04-user-form');
    await page.getByTestId('user-form-submit').click();
    const pw = page.getByTestId('one-time-password');
    await pw.waitFor();
    oneTimePassword = (await pw.textContent())?.trim() ?? '';
    expect(oneTimePassword).toMatch(/^\S{12}$/);
    await screenshot(page, '05-one-time-password');
    await page.getByTestId('one-time-password-done').click();
    await expect.poll(() => page.getByTestId('user-table').textContent()).toContain('e2e-clerk');
  });

  it('sees the creation in the audit log, then logs out', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-audit', 'menu-system');
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('nanming');
    await expect.poll(() => table.textContent()).toContain('新增');
    // The entry names the account created, not just its id.
    await expect.poll(() => table.textContent()).toContain('e2e-clerk');
    await screenshot(page, '06-audit');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(tab.errors).toEqual([]);
  });

  it('makes the new colleague change the issued password at first login', async () => {
    const colleague = await newPage(browser, server.url);
    const { page } = colleague;
    await page.goto('/login');
    await page.getByTestId('login-username').fill('e2e-clerk');
    await page.getByTestId('login-password').fill(oneTimePassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-forced').waitFor();
    await page.getByTestId('password-old').fill(oneTimePassword);
    await page.getByTestId('password-new').fill('short');
    await page.getByTestId('password-confirm').fill('short');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toContain('密码');
    await page.getByTestId('password-new').fill('Nanming#2026ok');
    await page.getByTestId('password-confirm').fill('Nanming#2026ok');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('side-menu').waitFor();
    // Staff: no user management in the menu.
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    await screenshot(page, '07-staff-home');
    expect(colleague.errors).toEqual([]);
    await colleague.context.close();
  });

  it('shows a province administrator the whole province', async () => {
    const prov = await newPage(browser, server.url);
    const { page } = prov;
    await login(page, 'guizhou');
    await viaMenu(page, 'menu-regions');
    const tree = page.getByTestId('region-tree');
    await tree.getByText('贵州省', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('region-children-table').textContent()).toContain('遵义市');
    await screenshot(page, '08-province-regions');
    await viaMenu(page, 'menu-users', 'menu-system');
    await expect.poll(() => page.getByTestId('user-table').textContent()).toContain('yunyan');
    await expect.poll(() => page.getByTestId('user-table').textContent()).toContain('e2e-clerk');
    await screenshot(page, '09-province-users');
    expect(prov.errors).toEqual([]);
    await prov.context.close();
  });
});
