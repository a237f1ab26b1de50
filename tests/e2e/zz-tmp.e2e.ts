import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, type RunningServer, startServer } from './harness.ts';
let server: RunningServer;
let browser: Browser;
beforeAll(async () => { server = await startServer(); browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); await server?.stop(); });
it('menu after collapse', async () => {
  const { page } = await newPage(browser, server.url);
  page.setDefaultTimeout(5000);
  await login(page, 'nanming');
  await page.getByTestId('menu-talents').click();
  // simulate a narrow window and back
  await page.setViewportSize({ width: 800, height: 600 });
  await page.waitForFunction(() => document.querySelector('.app-sider')?.className.includes('collapsed'));
  await page.setViewportSize({ width: 1440, height: 900 });
  console.log('cls', await page.locator('.app-sider').getAttribute('class'));
  await page.getByTestId('menu-collapse').click();
  console.log('cls2', await page.locator('.app-sider').getAttribute('class'));
  await page.screenshot({ path: '/tmp/menu-after.png' });
  console.log('visible', await page.getByTestId('menu-talent-analytics').isVisible(), await page.getByTestId('side-menu').textContent());
  expect(1).toBe(1);
});
