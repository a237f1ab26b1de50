import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ARTIFACTS = path.resolve('tests/e2e/artifacts');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real server (npm start's entry) on a free port and a fresh data dir, with demo data. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far; a journey asserts this stays empty. */
  errors: string[];
}

/**
 * A fresh browser context (own cookies) whose console errors are collected. Failed API calls the
 * journey provokes on purpose (401 on a wrong password …) log "Failed to load resource": those are
 * expected answers, not defects, so they are not counted.
 */
export async function newPage(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  // Extra context options (a phone viewport, a granted geolocation …) go over the defaults.
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** A full-page picture by default; `fullPage: false` keeps to the window (a long result list). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Let loading overlays settle so the picture shows the page as the user reads it.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), null, { timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

export async function login(page: Page, username: string, password = 'Demo@12345'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/**
 * Goes to a page through the side menu, as a user does (no reload). The menu folds itself up when the
 * window is narrower than the lg breakpoint, and a full-page screenshot can make the page see a narrow
 * window for a moment; unfolded again, its groups are closed. A user then unfolds the menu with the
 * header button and opens the group, and so does this.
 */
export async function viaMenu(page: Page, testId: string, group?: string): Promise<void> {
  const has = async (selector: string, cls: string) => ((await page.locator(selector).first().getAttribute('class')) ?? '').includes(cls);
  // A top-level entry (区划管理) has no group to open.
  const submenu = group ? `li.ant-menu-submenu:has([data-testid="${group}"])` : null;
  await expect
    .poll(
      async () => {
        if (await has('.app-sider', 'ant-layout-sider-collapsed')) await page.getByTestId('menu-collapse').click();
        if (submenu && group && (await page.locator(submenu).count()) && !(await has(submenu, 'ant-menu-submenu-open'))) await page.getByTestId(group).click();
        return page
          .getByTestId(testId)
          .click({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

/**
 * A signed-in API client for checking what the browser should (or must not) show: the journey checks
 * the page against the server's own figures instead of hard-coded ones. `post` is for what a test
 * needs but no page shows (e.g. revealing an ID number to type into a form), with the session's CSRF token.
 */
export interface ApiSession {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export async function apiSession(baseURL: string, username: string, password = 'Demo@12345'): Promise<ApiSession> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}
