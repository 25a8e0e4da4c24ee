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
} from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1280, height: 720 };

let t: TestApp;
let admin: Client;
let server: ServedApp;
let browser: Browser;
let page: Page;
let customerId: number;
const consoleErrors: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  const created = await admin('POST', '/api/customers', {
    name: '嘉兴新航机电有限公司',
    lifecycleStage: 'intent',
    ownerId: t.people.repEast1,
  });
  customerId = ((await created.json()) as { id: number }).id;
  server = await serveApp(t);
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, server.baseUrl, 'rep.east1');
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const drawer = () => page.getByRole('dialog');
const opportunityRow = () => page.getByTestId('opportunity-table').locator('tr.ant-table-row');

/** Picks a stage, again if a click landed while the dropdown was still animating, until the field shows it. */
async function pickStage(name: string): Promise<void> {
  const field = drawer()
    .locator('.ant-form-item')
    .filter({ hasText: /^\*?\s*阶段/ });
  await expect
    .poll(async () => {
      await field.getByRole('combobox').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: name })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return field.textContent();
    })
    .toContain(name);
}

/** Opens "新建商机" from the page's add menu, again if a click landed while the menu was still animating in. */
async function openCreateDrawer(): Promise<void> {
  await expect
    .poll(async () => {
      if ((await page.locator('.ant-dropdown-menu:visible').count()) === 0)
        await page.getByRole('button', { name: /新增/ }).click();
      await page
        .getByRole('menuitem', { name: '新建商机' })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return drawer().getByLabel('商机名称').count();
    })
    .toBe(1);
}

describe('opportunities in Chromium (a rep on their own prospect)', () => {
  it('a rep opens an opportunity from the customer page; it shows with its stage and weighted amount', async () => {
    await page.goto(`${server.baseUrl}/customers/${customerId}`);
    await page.getByRole('tab', { name: '商机' }).click();
    await openCreateDrawer();
    await drawer().getByLabel('商机名称').fill('二号产线改造');
    await drawer().getByLabel('金额').fill('250000');
    await pickStage('方案认可');
    await drawer().getByLabel('预计成交日期').fill('2027-03-01');
    await page.keyboard.press('Enter');
    await drawer().getByLabel('商机名称').click();
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible, .ant-picker-dropdown:visible').count())
      .toBe(0);
    await page.screenshot({ path: screenshotPath('opportunity-drawer.png') });
    await drawer()
      .getByRole('button', { name: twoCharacters('保存') })
      .click();
    await expect.poll(() => opportunityRow().count()).toBe(1);
    const row = opportunityRow().first();
    await expect.poll(() => row.textContent()).toContain('方案认可');
    expect(await row.textContent()).toContain('¥125,000.00');
    expect(await row.textContent()).toContain('2027');
  }, 60_000);

  it('moving it to lost asks for the reason, and the stage history records the move', async () => {
    await opportunityRow().first().getByRole('button', { name: /编辑/ }).click();
    await pickStage('丢单');
    await drawer()
      .getByRole('button', { name: twoCharacters('保存') })
      .click();
    await expect.poll(() => drawer().locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await drawer().getByLabel('丢单原因').fill('价格高于竞品');
    await drawer()
      .getByRole('button', { name: twoCharacters('保存') })
      .click();
    await expect.poll(() => drawer().count()).toBe(0);
    await expect.poll(() => opportunityRow().first().textContent()).toContain('价格高于竞品');
    const list = (await (await admin('GET', `/api/customers/${customerId}/opportunities`)).json()) as {
      items: { id: number; stage: string }[];
    };
    expect(list.items.map((o) => o.stage)).toEqual(['lost']);
    const history = (await (
      await admin('GET', `/api/opportunities/${list.items[0]!.id}/stage-history`)
    ).json()) as { toStage: string }[] | { items: { toStage: string }[] };
    const steps = Array.isArray(history) ? history : history.items;
    expect(steps.map((step) => step.toStage)).toEqual(['proposal_accepted', 'lost']);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('the opportunity opens to its stage history: each move, who made it and how long it stayed', async () => {
    await opportunityRow()
      .first()
      .getByRole('button', { name: /展开|Expand/ })
      .click();
    const history = page.getByTestId('stage-history');
    await expect.poll(() => history.locator('.ant-timeline-item').count()).toBe(2);
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('创建于“方案认可”');
    expect(text).toContain('“方案认可” → “丢单”');
    expect(text).toContain('停留 0 天');
    const rep = await t.handle.db
      .selectFrom('users')
      .select('name')
      .where('login', '=', 'rep.east1')
      .executeTakeFirstOrThrow();
    expect(text).toContain(rep.name);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('opportunity-history.png') });
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it("a column header sorts the customer's opportunities on the server, newest first until one is chosen", async () => {
    for (const [name, amount] of [
      ['备件年度框架', 8000],
      ['三号产线新建', 900000],
    ] as const) {
      const response = await admin('POST', '/api/opportunities', { customerId, name, amount });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    await page.reload();
    await page.getByRole('tab', { name: '商机' }).click();
    const names = async () =>
      (await opportunityRow().allTextContents()).map((text) =>
        ['二号产线改造', '备件年度框架', '三号产线新建'].find((name) => text.includes(name)),
      );
    await expect.poll(names).toEqual(['三号产线新建', '备件年度框架', '二号产线改造']);
    const amountHeader = page
      .getByTestId('opportunity-table')
      .locator('th')
      .filter({ hasText: /^金额$/ });
    await amountHeader.click();
    await expect.poll(names).toEqual(['备件年度框架', '二号产线改造', '三号产线新建']);
    await amountHeader.click();
    await expect.poll(names).toEqual(['三号产线新建', '二号产线改造', '备件年度框架']);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
