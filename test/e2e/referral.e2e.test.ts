import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../src/testing/test-app.js';
import { logIn, openPage, settled, startBrowserWorld, tearDown, type BrowserWorld } from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1440, height: 900 };

/**
 * 恒瑞 (rep east 1) referred 东方 (rep east 1) and 南方 (rep east 2); 华远 (rep east 1) referred nobody. All four have
 * bought, and the composite model has graded them.
 */
const names = {
  referrer: '江苏恒瑞机械制造有限公司',
  own: '杭州东方泵业股份有限公司',
  colleague: '广州南方电力设备有限公司',
  other: '无锡华远精工有限公司',
};
let world: BrowserWorld;
const ids = {} as Record<keyof typeof names, number>;
const consoleErrors: string[] = [];

async function seed(t: TestApp, admin: Client) {
  const customer = async (key: keyof typeof names, owner: number, referredById?: number) => {
    const response = await admin('POST', '/api/customers', {
      name: names[key],
      ownerId: owner,
      referredById,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    ids[key] = ((await response.json()) as { id: number }).id;
  };
  await customer('referrer', t.people.repEast1);
  await customer('own', t.people.repEast1, ids.referrer);
  await customer('colleague', t.people.repEast2, ids.referrer);
  await customer('other', t.people.repEast1);
  const amounts = { referrer: '90000.00', own: '12345.60', colleague: '54321.00', other: '3000.00' };
  const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const key of Object.keys(names) as (keyof typeof names)[])
    await t.handle.db
      .insertInto('orders')
      .values({ customer_id: ids[key], order_no: `REF-${key}`, order_date: lastMonth, amount: amounts[key] })
      .execute();
  const models = (await (await admin('GET', '/api/grading/models')).json()) as {
    items: { id: number; key: string }[];
  };
  const composite = models.items.find((m) => m.key === 'composite')!.id;
  expect((await admin('POST', `/api/grading/models/${composite}/runs`, {})).status).toBe(201);
}

async function pageOf(login: string): Promise<Page> {
  const page = await openPage(world.browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, world.server.baseUrl, login);
  return page;
}

beforeAll(async () => {
  world = await startBrowserWorld(seed);
}, 180_000);

afterAll(() => tearDown(world.browser, world.server, world.t));

describe('referrals in Chromium', () => {
  it('the customer page lists whom a customer referred; a rep sees only their own referred customers', async () => {
    const admin = await pageOf('admin');
    await admin.goto(`${world.server.baseUrl}/customers/${ids.referrer}`);
    await admin.getByRole('tab', { name: '转介绍' }).click();
    const rows = admin.getByTestId('referral-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(names.colleague);
    expect(await rows.nth(0).textContent()).toContain('¥54,321.00');
    expect(await rows.nth(1).textContent()).toContain('¥12,345.60');
    expect(await admin.getByTestId('referral-figures').textContent()).toContain('¥6.67万');
    await settled(admin);
    await admin.screenshot({ path: screenshotPath('customer-referrals.png') });
    expect(await admin.getByTestId('referral-shown').count()).toBe(0);
    // The table lists the most valuable referred customers; when it cannot list them all, it says of how many.
    await admin.route('**/api/customers/*/referrals*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '1');
      return route.continue({ url: url.toString() });
    });
    await admin.reload();
    await admin.getByRole('tab', { name: '转介绍' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(names.colleague);
    expect(await admin.getByTestId('referral-shown').textContent()).toContain('1 位（共 2 位）');

    const rep = await pageOf('rep.east1');
    await rep.goto(`${world.server.baseUrl}/customers/${ids.referrer}`);
    await rep.getByRole('tab', { name: '转介绍' }).click();
    const repRows = rep.getByTestId('referral-table').locator('tr.ant-table-row');
    await expect.poll(() => repRows.count()).toBe(1);
    const text = (await rep.getByTestId('referral-table').textContent()) ?? '';
    expect(text).toContain(names.own);
    expect(text).not.toContain(names.colleague);
    expect(await rep.getByTestId('referral-figures').textContent()).not.toContain('6.67');
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('the dashboard analyses referrals per grade, with the top referrers, within the viewer’s scope', async () => {
    const admin = await pageOf('admin');
    await admin.goto(`${world.server.baseUrl}/dashboard`);
    const analysis = admin.getByTestId('referral-analysis');
    await analysis.waitFor({ timeout: 30_000 });
    const top = admin.getByTestId('top-referrers').locator('tr.ant-table-row');
    await expect.poll(() => top.count()).toBe(1);
    expect(await top.first().textContent()).toContain(names.referrer);
    expect(await top.first().textContent()).toContain('¥6.67万');
    // Two of the four graded customers came by referral, with ¥66,666.60 of the ¥159,666.60 they all bought.
    const text = (await analysis.textContent()) ?? '';
    expect(text).toContain('50.0%');
    expect(text).toContain('41.8%');
    await analysis.scrollIntoViewIfNeeded();
    await settled(admin);
    await admin.screenshot({ path: screenshotPath('dashboard-referrals.png') });
    // The customers who came by referral, one click away in the customer list's referral filter.
    await admin.getByTestId('referred-customers-link').click();
    await admin.waitForURL(/\/customers\?referral=referred$/);
    const listed = admin.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => listed.count()).toBe(2);
    const listedText = (await listed.allTextContents()).join(' ');
    expect(listedText).toContain(names.own);
    expect(listedText).toContain(names.colleague);
    expect(listedText).not.toContain(names.referrer);

    const rep = await pageOf('rep.east2');
    await rep.goto(`${world.server.baseUrl}/dashboard`);
    await rep.getByTestId('referral-analysis').waitFor({ timeout: 30_000 });
    // Rep east 2 owns only the referred 南方: it came by referral, and none of theirs referred anyone.
    await expect
      .poll(() => rep.getByTestId('top-referrers').textContent())
      .toContain('没有客户推荐过其他客户');
    expect(await rep.getByTestId('referral-analysis').textContent()).not.toContain(names.referrer);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
