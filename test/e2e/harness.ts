import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page, type ViewportSize } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../src/testing/test-app.js';
import { ensureWebBuild, WEB_ROOT } from './web-build.js';

export interface ServedApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server over HTTP on a free loopback port, so that test files running side by side never collide. */
export async function serveApp(t: Pick<TestApp, 'deps'>): Promise<ServedApp> {
  ensureWebBuild();
  const app = createApp(t.deps, { webRoot: WEB_ROOT });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The system's Chromium: playwright-core brings no browser of its own. No sandbox because CI runs as root; no GPU
 * and no background traffic, so that a page renders and settles the same way on every run.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PageOptions {
  viewport: ViewportSize;
  /** Where the page reports what went wrong in it, for the tests to assert on. */
  consoleErrors: string[];
  /** Reports only uncaught exceptions, not console errors: how the tests watch a second person's session. */
  uncaughtOnly?: boolean;
}

/**
 * A page in a context of its own (its own cookies, so its own session), in the users' language and time zone: dates
 * and texts then read as they do in the office, whatever the machine's settings.
 */
export async function openPage(browser: Browser, options: PageOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const { consoleErrors } = options;
  if (!options.uncaughtOnly)
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

/** Logs in through the form as a person does; the session cookie then belongs to the page's context. */
export async function logIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/customers$/);
}

export interface BrowserWorld {
  readonly t: TestApp;
  readonly admin: Client;
  readonly server: ServedApp;
  readonly browser: Browser;
}

/** A test database seeded through the admin's API client, served to a Chromium of its own. */
export async function startBrowserWorld(
  seed: (t: TestApp, admin: Client) => Promise<void>,
): Promise<BrowserWorld> {
  const t = await createTestApp();
  const admin = await t.as('admin');
  await seed(t, admin);
  return { t, admin, server: await serveApp(t), browser: await launchChromium() };
}

/** A person's own page, logged in, on a page opened from the side menu by the item's name. */
export async function openFromMenu(
  browser: Browser,
  baseUrl: string,
  login: string,
  options: PageOptions & { menuItem: string; path: RegExp },
): Promise<Page> {
  const page = await openPage(browser, options);
  await logIn(page, baseUrl, login);
  await page.getByRole('menuitem', { name: options.menuItem }).click();
  await page.waitForURL(options.path);
  return page;
}

/** The value a headline figure (a statistic card) shows, by its test id. */
export const figureValue = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.ant-statistic-content-value').textContent();

/**
 * A button's accessible name: antd spaces out a label of exactly two Chinese characters ("保 存"), and an icon may
 * come before it ("save 保 存").
 */
export const twoCharacters = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`);

/** Waits until the page's requests are done and no spinner or skeleton is left. */
export async function settled(target: Page): Promise<void> {
  await target.waitForLoadState('networkidle');
  await expect.poll(() => target.locator('.ant-spin-spinning, .ant-skeleton').count()).toBe(0);
}

/** For afterAll: beforeAll may have failed part way, so whatever it did not get to open is skipped. */
export async function tearDown(
  browser: Browser | undefined,
  app: ServedApp | undefined,
  t: { close(): Promise<void> } | undefined,
): Promise<void> {
  await browser?.close();
  await app?.close();
  await t?.close();
}
