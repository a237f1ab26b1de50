import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, startServer } from './harness.ts';
let server: RunningServer;
let browser: Browser;
beforeAll(async () => { server = await startServer(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await server?.stop(); });
const WAIT = { timeout: 10_000 };
async function viaMenu(page: Page, testId: string, group = 'menu-talent-group'): Promise<void> {
  const has = async (selector: string, cls: string) => ((await page.locator(selector).first().getAttribute('class')) ?? '').includes(cls);
  const submenu = `li.ant-menu-submenu:has([data-testid="${group}"])`;
  await expect
    .poll(async () => {
      if (await has('.app-sider', 'ant-layout-sider-collapsed')) await page.getByTestId('menu-collapse').click();
      if ((await page.locator(submenu).count()) && !(await has(submenu, 'ant-menu-submenu-open'))) await page.getByTestId(group).click();
      return page
        .getByTestId(testId)
        .click({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
    }, WAIT)
    .toBe(true);
}


it('menu after collapse', async () => {
  const { page } = await newPage(browser, server.url);
  page.setDefaultTimeout(5000);
  await login(page, 'nanming');
  await page.setViewportSize({ width: 800, height: 600 });
  await page.waitForFunction(() => document.querySelector('.app-sider')?.className.includes('collapsed'));
  await page.setViewportSize({ width: 1440, height: 900 });
  await viaMenu(page, 'menu-talent-analytics');
  await page.getByTestId('analytics-total').waitFor();
  await viaMenu(page, 'menu-talents');
  await page.getByTestId('talent-table').waitFor();
  expect(1).toBe(1);
});
