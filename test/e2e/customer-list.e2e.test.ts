import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../src/testing/test-app.js';
import {
  launchChromium,
  logIn,
  openPage,
  serveApp,
  tearDown,
  type ServedApp,
  twoCharacters,
  settled,
} from './harness.js';
import { seedCustomers } from './seed.js';
import { screenshotPath } from './screenshots.js';
import { created } from '../../src/modules/audit/api-fixtures.js';

interface Model {
  id: number;
  active: boolean;
  name: { 'zh-CN': string };
  ladder: { code: string; color: string | null }[];
}
interface ListBody {
  items: { id: number; name: string; ownerId: number | null; grades: { modelId: number; code: string }[] }[];
  total: number;
}

let t: TestApp;
let admin: Client;
let manager: Client;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let model: Model;
let grade: string;
const consoleErrors: string[] = [];
const twin = { kept: 0, merged: 0 };

async function listAs(client: Client, query: string): Promise<ListBody> {
  return (await (await client('GET', `/api/customers?limit=500&${query}`)).json()) as ListBody;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  manager = await t.as('managerEast');
  await seedCustomers(admin, t.people);
  // One company entered twice in the east team: once with its orders, once later by another rep with its phone.
  twin.kept = (
    await created(
      await admin('POST', '/api/customers', {
        code: 'E2E-DUP-A',
        name: '温州瓯江阀门有限公司',
        ownerId: t.people.repEast1,
      }),
    )
  ).id;
  twin.merged = (
    await created(
      await admin('POST', '/api/customers', {
        code: 'E2E-DUP-B',
        name: '温州瓯江阀门（有限公司）',
        phone: '0577-88776655',
        ownerId: t.people.repEast2,
      }),
    )
  ).id;
  for (const [index, amount] of ['12000.00', '8000.00'].entries())
    await created(
      await admin('POST', '/api/orders', {
        customerId: twin.kept,
        orderNo: `DUP-${index}`,
        orderDate: `2024-05-0${index + 1}`,
        amount,
      }),
    );
  const models = ((await (await admin('GET', '/api/grading/models')).json()) as { items: Model[] }).items;
  model = models.find((m) => m.active)!;
  const run = await admin('POST', `/api/grading/models/${model.id}/runs`, {});
  expect(run.status, await run.clone().text()).toBeLessThan(300);
  const graded = await listAs(manager, `gradeModelId=${model.id}`);
  grade = graded.items[0]!.grades.find((g) => g.modelId === model.id)!.code;

  server = await serveApp(t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: { width: 1440, height: 900 }, consoleErrors });
  await logIn(page, baseUrl, 'mgr.east');
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');

describe('customer list in Chromium (manager)', () => {
  it("each row shows the customer's grade in the ladder's colour", async () => {
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    const colour = model.ladder.find((step) => step.code === grade)?.color;
    const tag = rows()
      .locator('.ant-tag', { hasText: new RegExp(`^${grade}$`) })
      .first();
    await expect.poll(() => tag.count()).toBe(1);
    if (colour) {
      const hex = colour.toLowerCase();
      const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      // The rows can show before the models (and so the ladders' colours) have loaded: the tag takes its
      // colour then (it failed once on a busy machine reading the style at the first render).
      await expect
        .poll(async () => {
          const style = (await tag.getAttribute('style')) ?? '';
          return style.includes(hex) || style.includes(rgb);
        })
        .toBe(true);
    }
  }, 60_000);

  it('the model and grade filter shows exactly the customers the API counts for that grade', async () => {
    const expected = await listAs(manager, `gradeModelId=${model.id}&grade=${grade}`);
    await page.getByLabel('分级模型').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(model.name['zh-CN'], { exact: true })
      .click();
    await page.getByLabel('等级', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: `${grade} ·` })
      .click();
    await page.keyboard.press('Escape');
    await page.waitForURL(
      new RegExp(`gradeModelId=${model.id}.*grade=${grade}|grade=${grade}.*gradeModelId=${model.id}`),
    );
    await expect.poll(() => page.getByText(`共 ${expected.total} 个客户`).count()).toBe(1);
    await expect.poll(() => rows().count()).toBe(expected.items.length);
  }, 60_000);

  it('a saved view brings the filters back after a reset', async () => {
    const filtered = page.url();
    await page.getByRole('button', { name: '保存视图' }).click();
    await page.getByLabel('视图名称').fill('关键客户');
    await page.getByRole('button', { name: twoCharacters('保存') }).click();
    await page.getByRole('button', { name: twoCharacters('重置') }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByLabel('已保存的视图').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '关键客户' })
      .click();
    await expect.poll(() => page.url()).toBe(filtered);
  }, 60_000);

  it('the export link carries the current filters and downloads a file', async () => {
    await page.getByRole('button', { name: twoCharacters('导出') }).hover();
    const link = page.locator('.ant-dropdown:visible a', { hasText: '导出 CSV' });
    // The saved view's filters reach the URL a render before the menu's link on a busy machine.
    await expect.poll(async () => (await link.getAttribute('href')) ?? '').toContain(`grade=${grade}`);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`gradeModelId=${model.id}`);
    expect(href).toContain(`grade=${grade}`);
    expect(href).toContain('format=csv');
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toContain('attachment');
    await page.keyboard.press('Escape');
  }, 60_000);
});

describe('duplicates in Chromium (manager)', () => {
  it('the manager finds one company entered twice and merges it, choosing which name to keep', async () => {
    await page.goto(`${baseUrl}/customers`);
    await page.getByRole('button', { name: /查重合并/ }).click();
    await page.waitForURL(/\/customers\/duplicates$/);
    const group = page.getByTestId('duplicate-group').filter({ hasText: 'E2E-DUP-B' });
    await expect.poll(() => group.count(), { timeout: 20_000 }).toBe(1);
    expect(await group.textContent()).toContain('名称相同');
    await settled(page);
    await page.screenshot({ path: screenshotPath('duplicates.png'), fullPage: true });

    await group.getByRole('button', { name: /合并/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    // The one with the orders is proposed as the one kept; its empty phone is filled from the other. (The table
    // repeats its header in a hidden row that measures the columns: the visible one is in thead.)
    const header = dialog.locator('thead');
    await expect.poll(() => header.getByText('保留', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect(await header.getByTestId('merge-keep-E2E-DUP-A').isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: '0577-88776655' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: '温州瓯江阀门（有限公司）' }).check();
    expect(await dialog.textContent()).toContain('将转移 0 个订单');
    await settled(page);
    await page.screenshot({ path: screenshotPath('merge-dialog.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: twoCharacters('合并') }).click();

    await page.waitForURL(new RegExp(`/customers/${twin.kept}$`));
    await expect.poll(() => page.getByText('0577-88776655').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByText('温州瓯江阀门（有限公司）').count()).toBeGreaterThan(0);
    const survivor = (await (await manager('GET', `/api/customers/${twin.kept}`)).json()) as {
      stats: { orderCount: number };
    };
    expect(survivor.stats.orderCount).toBe(2);

    await page.goto(`${baseUrl}/customers/${twin.merged}`);
    await expect.poll(() => page.getByText('该客户已合并到 E2E-DUP-A').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: /打开 E2E-DUP-A/ }).click();
    await page.waitForURL(new RegExp(`/customers/${twin.kept}$`));
    // The one request that finds nothing: the merged customer's own record.
    expect(consoleErrors).toEqual([expect.stringContaining('status of 404')]);
  }, 90_000);
});
