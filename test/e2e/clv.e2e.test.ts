import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModelByKey } from '../../src/modules/grading/model.repository.js';
import { executeRun } from '../../src/modules/grading/run.service.js';
import { seedClvWorld, type ClvWorld } from '../../src/modules/clv/testing/clv-fixture.js';
import { createTestApp, type TestApp } from '../../src/testing/test-app.js';
import { launchChromium, logIn, openPage, serveApp, type ServedApp, settled, tearDown } from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1280, height: 720 };

let t: TestApp;
let world: ClvWorld;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The real clock: the session cookie's expiry is computed from it and the browser honours it.
  t = await createTestApp();
  const admin = await t.as('admin');
  world = await seedClvWorld(t, admin);
  // The dashboard opens on the composite model: CLV is shown per grade of whichever model is selected.
  const composite = (await findModelByKey(t.handle.db, 'composite'))!;
  for (const modelId of [world.modelId, composite.id])
    await executeRun(t.handle.db, { modelId, asOf: '2025-01-01', trigger: 'cli', startedBy: null });
  server = await serveApp(t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, baseUrl, 'mgr.east');
}, 240_000);

afterAll(() => tearDown(browser, server, t));

describe('CLV in Chromium (east manager)', () => {
  it('the customer detail explains P(alive), expected purchases and CLV in plain words', async () => {
    await page.goto(`${baseUrl}/customers/${world.east[1]}`);
    await settled(page);
    const card = page.getByTestId('customer-forecast');
    await expect.poll(() => card.getByText('仍活跃概率', { exact: true }).count()).toBe(1);
    await expect.poll(() => card.getByText('预期购买次数', { exact: true }).count()).toBe(1);
    await expect.poll(() => card.getByText('12个月终身价值', { exact: true }).count()).toBe(1);
    expect(await card.getByText('根据购买频率和最近一次购买时间').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('customer-forecast.png') });
  }, 60_000);

  it('a customer without purchases says there is no forecast yet', async () => {
    await page.goto(`${baseUrl}/customers/${world.east[11]}`);
    await settled(page);
    await expect.poll(() => page.getByTestId('customer-forecast').getByText('暂无预测').count()).toBe(1);
  }, 60_000);

  it('the dashboard shows CLV per grade and the most growable customers of the team only', async () => {
    await page.goto(`${baseUrl}/dashboard`);
    await settled(page);
    await expect.poll(() => page.getByTestId('clv-by-grade').locator('canvas').count()).toBeGreaterThan(0);
    const growable = page.getByTestId('clv-growable');
    await expect.poll(() => growable.count()).toBe(1);
    const shown = await growable.locator('tr.ant-table-row a').allTextContents();
    expect(shown.every((name) => Number(name.replace('预测客户', '')) < 12)).toBe(true);
    await growable.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('dashboard-clv.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
