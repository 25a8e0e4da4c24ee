import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created } from '../../src/modules/audit/api-fixtures.js';
import { addDays, businessDay } from '../../src/modules/worklist/business-day.js';
import type { Client, TestApp } from '../../src/testing/test-app.js';
import {
  figureValue,
  openFromMenu,
  settled,
  startBrowserWorld,
  tearDown,
  type ServedApp,
} from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1440, height: 900 };
const TODAY = businessDay(new Date());

let t: TestApp;
let admin: Client;
let server: ServedApp;
let browser: Browser;
const consoleErrors: string[] = [];
const names = {
  late: '绍兴拖欠纺织有限公司',
  current: '宁波按期机电有限公司',
  colleague: '台州同事五金有限公司',
};

/**
 * Two customers of rep east 1 and one of rep east 2, each with an order of 2024 and payments due around today:
 *   late       10,000.00 due 45 days ago (31–60), 2,000.00 due 10 days ago (1–30), 5,000.00 paid
 *   current     8,000.00 due in 20 days (not yet due)
 *   colleague  30,000.00 due 100 days ago (91–180)
 */
async function seed(app: TestApp, client: Client): Promise<void> {
  t = app;
  admin = client;
  const customer = async (name: string, ownerId: number) =>
    (await created(await admin('POST', '/api/customers', { name, ownerId }))).id as number;
  const withPayments = async (customerId: number, payments: [string, number, string?][]) => {
    const order = await created(
      await admin('POST', '/api/orders', {
        customerId,
        orderNo: `SO-${customerId}`,
        orderDate: '2024-01-02',
        amount: '100000.00',
      }),
    );
    for (const [amount, dueIn, paidDate] of payments)
      await created(
        await admin('POST', '/api/payments', {
          customerId,
          orderId: order.id,
          amount,
          dueDate: addDays(TODAY, dueIn),
          paidDate: paidDate ?? null,
        }),
      );
  };
  const { repEast1, repEast2 } = t.people;
  await withPayments(await customer(names.late, repEast1), [
    ['10000.00', -45],
    ['2000.00', -10],
    ['5000.00', -60, addDays(TODAY, -61)],
  ]);
  await withPayments(await customer(names.current, repEast1), [['8000.00', 20]]);
  await withPayments(await customer(names.colleague, repEast2), [['30000.00', -100]]);
}

beforeAll(async () => {
  ({ t, admin, server, browser } = await startBrowserWorld(seed));
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const open = (login: string) =>
  openFromMenu(browser, server.baseUrl, login, {
    viewport: VIEWPORT,
    consoleErrors,
    menuItem: '应收回款',
    path: /\/receivables$/,
  });
const figure = (page: Page, key: string) => figureValue(page, `receivables-${key}`);
const listRows = (page: Page) => page.getByTestId('receivables-table').locator('tr.ant-table-row');

describe('receivables in Chromium', () => {
  it('the admin reads the aging per account manager and opens one bracket’s payments', async () => {
    const page = await open('admin');
    await expect.poll(() => figure(page, 'outstanding'), { timeout: 20_000 }).toBe('¥5.00万');
    expect(await figure(page, 'overdue')).toBe('¥4.20万');
    expect(await figure(page, 'overdue-count')).toBe('3');
    const owners = page.getByTestId('owner-aging-table').locator('tr.ant-table-row');
    await expect.poll(() => owners.count()).toBe(2);
    // The most overdue first: rep east 2's 30,000 before rep east 1's 12,000.
    expect(await owners.nth(0).textContent()).toContain('赵四');
    expect(await owners.nth(1).textContent()).toContain('¥12,000.00');
    // Unpaid by default, longest overdue first.
    await expect.poll(() => listRows(page).count()).toBe(4);
    expect(await listRows(page).nth(0).textContent()).toContain(names.colleague);
    await settled(page);
    await page.screenshot({ path: screenshotPath('receivables.png'), fullPage: true });
    await page.getByTestId('aging-table').getByRole('button', { name: '逾期 31–60 天' }).click();
    await expect.poll(() => listRows(page).count()).toBe(1);
    expect(await listRows(page).nth(0).textContent()).toContain('¥10,000.00');
    expect(await listRows(page).nth(0).textContent()).toContain('45 天');
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it("a rep sees only their own customers' receivables and records a payment as received", async () => {
    const page = await open('rep.east1');
    await expect.poll(() => figure(page, 'outstanding'), { timeout: 20_000 }).toBe('¥2.00万');
    expect(await figure(page, 'overdue')).toBe('¥1.20万');
    expect(await page.getByTestId('owner-aging-table').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '负责人' }).count()).toBe(0);
    await expect.poll(() => listRows(page).count()).toBe(3);
    const listed = (await page.getByTestId('receivables-table').textContent()) ?? '';
    expect(listed).toContain(names.late);
    expect(listed).not.toContain(names.colleague);
    expect(listed).not.toContain('30,000.00');

    const tenDaysLate = listRows(page).filter({ hasText: '¥2,000.00' });
    await tenDaysLate.getByRole('button', { name: /登记回款/ }).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await expect.poll(() => figure(page, 'overdue')).toBe('¥1.00万');
    expect(await figure(page, 'overdue-count')).toBe('1');
    await expect.poll(() => listRows(page).count()).toBe(2);
    await page.getByText('已回款', { exact: true }).click();
    await expect.poll(() => listRows(page).count()).toBe(2);
    expect(await listRows(page).nth(0).textContent()).toContain('¥2,000.00');
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
