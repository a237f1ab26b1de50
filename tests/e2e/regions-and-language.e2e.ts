import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningServer, screenshot, startServer, type TrackedPage, viaMenu } from './harness.ts';

/** A county administrator adds a township, is told clearly when a code is taken, and reads the UI in English. */
describe('region editing and the language switch', () => {
  let server: RunningServer;
  let browser: Browser;
  let tab: TrackedPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser, server.url);
    await login(tab.page, 'nanming');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a township under Nanming and shows it among the children', async () => {
    const { page } = tab;
    await viaMenu(page, 'menu-regions');
    await page.getByTestId('region-detail').waitFor();
    await page.getByTestId('region-add-child').click();
    // Township segment of a new 镇 (100–199): the form shows the 520102 prefix, the clerk types 3 digits.
    await page.getByTestId('region-form-code').fill('150');
    await page.getByTestId('region-form-name').fill('演示新镇');
    await page.getByTestId('region-form-submit').click();
    await expect.poll(() => page.getByTestId('region-children-table').textContent()).toContain('演示新镇');
    await expect.poll(() => page.getByTestId('region-children-table').textContent()).toContain('520102150000');
    await screenshot(page, '10-region-added');
  });

  it('refuses the same code again with a message under the field, and keeps the drawer open', async () => {
    const { page } = tab;
    await page.getByTestId('region-add-child').click();
    await page.getByTestId('region-form-code').fill('150');
    await page.getByTestId('region-form-name').fill('重复的镇');
    await page.getByTestId('region-form-submit').click();
    await expect.poll(() => page.getByTestId('region-form-drawer').textContent()).toContain('已存在');
    await screenshot(page, '11-region-duplicate');
    await page.keyboard.press('Escape');
  });

  it('switches to English and remembers it after a reload', async () => {
    const { page } = tab;
    await page.getByTestId('language-switch').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('side-menu').textContent()).toContain('Regions');
    await page.reload();
    await expect.poll(() => page.getByTestId('side-menu').textContent()).toContain('Regions');
    await page.getByTestId('region-children-table').waitFor();
    await screenshot(page, '12-english');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('side-menu').textContent()).toContain('区划管理');
    expect(tab.errors).toEqual([]);
  });
});
