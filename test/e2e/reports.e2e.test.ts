import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created } from '../../src/modules/audit/api-fixtures.js';
import { addDays, businessDay } from '../../src/modules/worklist/business-day.js';
import type { Client, TestPeople } from '../../src/testing/test-app.js';
import {
  figureValue,
  openFromMenu,
  settled,
  startBrowserWorld,
  tearDown,
  twoCharacters,
  type BrowserWorld,
} from './harness.js';
import { screenshotPath } from './screenshots.js';
import { formatMoney } from '../../web/src/shared/format/money.js';
import { formatShare } from '../../web/src/shared/format/localised.js';

/** The report pages over one company: receivables, follow-ups and sales, each read by the admin and by a rep. */

const VIEWPORT = { width: 1440, height: 900 };
const TODAY = businessDay(new Date());
const MONTH_START = `${TODAY.slice(0, 7)}-01`;
/** 30,000 for the month, counted for the days of it so far (the server rounds the same share to the cent). */
const TARGET_TO_DATE = (() => {
  const days = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)), 0)).getUTCDate();
  return ((30000 * Number(TODAY.slice(8, 10))) / days).toFixed(2);
})();

let world: BrowserWorld;
const consoleErrors: string[] = [];
const names = {
  late: '绍兴拖欠纺织有限公司',
  current: '宁波按期机电有限公司',
  colleague: '台州同事五金有限公司',
  visited: '湖州勤访丝绸有限公司',
  visitedColleague: '嘉善同事木业有限公司',
  buyer: '常州稳销机电有限公司',
  buyerColleague: '无锡同事精工有限公司',
};

/**
 * Two customers of rep east 1 and one of rep east 2, each with an order of 2024 and payments due around today:
 *   late       10,000.00 due 45 days ago (31–60), 2,000.00 due 10 days ago (1–30), 5,000.00 paid
 *   current     8,000.00 due in 20 days (not yet due)
 *   colleague  30,000.00 due 100 days ago (91–180)
 */
async function seedReceivables(admin: Client, people: TestPeople): Promise<void> {
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
  const { repEast1, repEast2 } = people;
  await withPayments(await customer(names.late, repEast1), [
    ['10000.00', -45],
    ['2000.00', -10],
    ['5000.00', -60, addDays(TODAY, -61)],
  ]);
  await withPayments(await customer(names.current, repEast1), [['8000.00', 20]]);
  await withPayments(await customer(names.colleague, repEast2), [['30000.00', -100]]);
}

/** Today's follow-ups: rep east 1 visits twice and calls once on their customer, rep east 2 calls and meets on theirs. */
async function seedFollowUps(admin: Client, people: TestPeople): Promise<void> {
  const { repEast1, repEast2 } = people;
  const customer = async (name: string, ownerId: number) =>
    (await created(await admin('POST', '/api/customers', { name, ownerId }))).id as number;
  const own = await customer(names.visited, repEast1);
  const colleague = await customer(names.visitedColleague, repEast2);
  const logs: [number, number, string, string, string][] = [
    [own, repEast1, 'visit', '09:00', '季度拜访'],
    [own, repEast1, 'call', '11:00', '确认交期'],
    [own, repEast1, 'visit', '15:00', '设备巡检'],
    [colleague, repEast2, 'call', '10:00', '报价跟进'],
    [colleague, repEast2, 'meeting', '14:00', '年度合同谈判'],
  ];
  for (const [customerId, userId, kind, time, subject] of logs)
    await created(
      await admin('POST', '/api/activities', {
        customerId,
        userId,
        kind,
        at: `${TODAY}T${time}:00+08:00`,
        subject,
      }),
    );
}

/**
 * This month: rep east 1's customer buys 10,000 (cost 7,000) and 5,000 (cost 3,000), and bought 8,000 the day before
 * the month began (the period before); rep east 2's buys 20,000 (cost 18,000).
 */
async function seedSales(admin: Client, people: TestPeople): Promise<void> {
  const customer = async (name: string, ownerId: number) =>
    (await created(await admin('POST', '/api/customers', { name, ownerId }))).id as number;
  const own = await customer(names.buyer, people.repEast1);
  const colleague = await customer(names.buyerColleague, people.repEast2);
  const orders: [number, string, string, string][] = [
    [own, TODAY, '10000.00', '7000.00'],
    [own, TODAY, '5000.00', '3000.00'],
    [own, addDays(MONTH_START, -1), '8000.00', '6000.00'],
    [colleague, TODAY, '20000.00', '18000.00'],
  ];
  for (const [index, [customerId, orderDate, amount, cost]] of orders.entries())
    await created(
      await admin('POST', '/api/orders', { customerId, orderNo: `SO-E2E-${index}`, orderDate, amount, cost }),
    );
}

beforeAll(async () => {
  world = await startBrowserWorld(async (t, admin) => {
    await seedReceivables(admin, t.people);
    await seedFollowUps(admin, t.people);
    await seedSales(admin, t.people);
  });
}, 180_000);

afterAll(() => tearDown(world?.browser, world?.server, world?.t));

const RECEIVABLES = { menuItem: '应收回款', path: /\/receivables$/ };
const FOLLOW_UPS = { menuItem: '跟进记录', path: /\/activities$/ };
const SALES = { menuItem: '销售业绩', path: /\/sales$/ };

const openAt = (login: string, at: { menuItem: string; path: RegExp }) =>
  openFromMenu(world.browser, world.server.baseUrl, login, { viewport: VIEWPORT, consoleErrors, ...at });
const figure = (page: Page, prefix: string, key: string) => figureValue(page, `${prefix}-${key}`);
const rows = (page: Page, testId: string) => page.getByTestId(testId).locator('tr.ant-table-row');

describe('receivables in Chromium', () => {
  it('the admin reads the aging per account manager and opens one bracket’s payments', async () => {
    const page = await openAt('admin', RECEIVABLES);
    await expect.poll(() => figure(page, 'receivables', 'outstanding'), { timeout: 20_000 }).toBe('¥5.00万');
    expect(await figure(page, 'receivables', 'overdue')).toBe('¥4.20万');
    expect(await figure(page, 'receivables', 'overdue-count')).toBe('3');
    const owners = page.getByTestId('owner-aging-table').locator('tr.ant-table-row');
    await expect.poll(() => owners.count()).toBe(2);
    // The most overdue first: rep east 2's 30,000 before rep east 1's 12,000.
    expect(await owners.nth(0).textContent()).toContain('赵四');
    expect(await owners.nth(1).textContent()).toContain('¥12,000.00');
    // Unpaid by default, longest overdue first.
    await expect.poll(() => rows(page, 'receivables-table').count()).toBe(4);
    expect(await rows(page, 'receivables-table').nth(0).textContent()).toContain(names.colleague);
    await settled(page);
    await page.screenshot({ path: screenshotPath('receivables.png'), fullPage: true });
    // A column header sorts the payments on the server: the smallest amount owed first, then the largest.
    const amountHeader = page
      .getByTestId('receivables-table')
      .locator('th')
      .filter({ hasText: /^金额$/ });
    const firstPayment = async () => (await rows(page, 'receivables-table').nth(0).textContent()) ?? '';
    await amountHeader.click();
    await expect.poll(firstPayment).toContain('¥2,000.00');
    await amountHeader.click();
    await expect.poll(firstPayment).toContain('¥30,000.00');
    await page.getByTestId('aging-table').getByRole('button', { name: '逾期 31–60 天' }).click();
    await expect.poll(() => rows(page, 'receivables-table').count()).toBe(1);
    expect(await rows(page, 'receivables-table').nth(0).textContent()).toContain('¥10,000.00');
    expect(await rows(page, 'receivables-table').nth(0).textContent()).toContain('45 天');
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it("a rep sees only their own customers' receivables and records a payment as received", async () => {
    const page = await openAt('rep.east1', RECEIVABLES);
    await expect.poll(() => figure(page, 'receivables', 'outstanding'), { timeout: 20_000 }).toBe('¥2.00万');
    expect(await figure(page, 'receivables', 'overdue')).toBe('¥1.20万');
    expect(await page.getByTestId('owner-aging-table').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '负责人' }).count()).toBe(0);
    await expect.poll(() => rows(page, 'receivables-table').count()).toBe(3);
    const listed = (await page.getByTestId('receivables-table').textContent()) ?? '';
    expect(listed).toContain(names.late);
    expect(listed).not.toContain(names.colleague);
    expect(listed).not.toContain('30,000.00');

    const tenDaysLate = rows(page, 'receivables-table').filter({ hasText: '¥2,000.00' });
    await tenDaysLate.getByRole('button', { name: /登记回款/ }).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await expect.poll(() => figure(page, 'receivables', 'overdue')).toBe('¥1.00万');
    expect(await figure(page, 'receivables', 'overdue-count')).toBe('1');
    await expect.poll(() => rows(page, 'receivables-table').count()).toBe(2);

    // A part of the late 10,000 comes in: the rest stays owed, due as before.
    const fortyFiveDaysLate = rows(page, 'receivables-table').filter({ hasText: '¥10,000.00' });
    await fortyFiveDaysLate.getByRole('button', { name: /登记回款/ }).click();
    const popover = page.locator('.ant-popover:visible');
    await popover.getByLabel('收款金额').fill('4000');
    await popover.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => page.getByText('已登记回款 ¥4,000.00，余 ¥6,000.00 待收').count()).toBe(1);
    await expect.poll(() => rows(page, 'receivables-table').filter({ hasText: '¥6,000.00' }).count()).toBe(1);
    expect(await rows(page, 'receivables-table').count()).toBe(2);

    await page.getByText('已回款', { exact: true }).click();
    await expect.poll(() => rows(page, 'receivables-table').count()).toBe(3);
    expect(await rows(page, 'receivables-table').nth(0).textContent()).toContain('¥2,000.00');
    // The part received says so beside its amount; the payments received whole do not.
    const partTag = page.locator('.ant-tag', { hasText: '部分' });
    const partRows = rows(page, 'receivables-table').filter({ has: partTag });
    expect(await partRows.count()).toBe(1);
    expect(await partRows.textContent()).toContain('¥4,000.00');
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});

describe('follow-ups in Chromium', () => {
  it("the admin reads this month's follow-ups per person and narrows the log to one of them", async () => {
    const page = await openAt('admin', FOLLOW_UPS);
    await expect.poll(() => figure(page, 'activities', 'count'), { timeout: 20_000 }).toBe('5');
    expect(await figure(page, 'activities', 'visits')).toBe('2');
    expect(await figure(page, 'activities', 'customers')).toBe('2');
    const people = page.getByTestId('activity-user-table').locator('tr.ant-table-row');
    await expect.poll(() => people.count()).toBe(2);
    expect(await people.nth(0).textContent()).toContain('张三');
    await expect.poll(() => rows(page, 'activity-log-table').count()).toBe(5);
    // Newest first.
    expect(await rows(page, 'activity-log-table').nth(0).textContent()).toContain('设备巡检');
    await settled(page);
    await page.screenshot({ path: screenshotPath('activities.png'), fullPage: true });
    await people.nth(1).getByRole('button', { name: '赵四' }).click();
    await expect.poll(() => rows(page, 'activity-log-table').count()).toBe(2);
    expect(await page.getByTestId('activity-log-table').textContent()).not.toContain(names.visited);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('a rep sees only the follow-ups on their own customers, and narrows them by kind', async () => {
    const page = await openAt('rep.east1', FOLLOW_UPS);
    await expect.poll(() => figure(page, 'activities', 'count'), { timeout: 20_000 }).toBe('3');
    expect(await page.getByTestId('activity-user-table').count()).toBe(0);
    await expect.poll(() => rows(page, 'activity-log-table').count()).toBe(3);
    const text = (await page.getByTestId('activity-log-table').textContent()) ?? '';
    expect(text).toContain(names.visited);
    expect(text).not.toContain(names.visitedColleague);
    expect(text).not.toContain('年度合同谈判');
    await page.getByRole('combobox', { name: '跟进方式' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '拜访' })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => figure(page, 'activities', 'count')).toBe('2');
    await expect.poll(() => rows(page, 'activity-log-table').count()).toBe(2);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});

describe('sales in Chromium', () => {
  it("the admin reads this month's sales per account manager beside the period before", async () => {
    const page = await openAt('admin', SALES);
    await expect.poll(() => figure(page, 'sales', 'amount'), { timeout: 20_000 }).toBe('¥3.50万');
    expect(await figure(page, 'sales', 'profit')).toBe('¥7,000.00');
    expect(await figure(page, 'sales', 'orders')).toBe('3');
    expect(await figure(page, 'sales', 'customers')).toBe('2');
    const owners = page.getByTestId('owner-sales-table').locator('tr.ant-table-row');
    await expect.poll(() => owners.count()).toBe(2);
    expect(await owners.nth(0).textContent()).toContain('赵四');
    const own = async () => (await owners.filter({ hasText: '张三' }).textContent()) ?? '';
    expect(await owners.nth(1).textContent()).toContain('张三');
    expect(await own()).toContain('¥15,000.00');
    expect(await own()).toContain('¥8,000.00');
    expect(await own()).toContain('+87.5%');
    await expect.poll(() => rows(page, 'sales-orders-table').count()).toBe(3);
    // A click on a column header sorts the whole list on the server: smallest amount first, then largest.
    const amountHeader = page
      .getByTestId('sales-orders-table')
      .locator('th')
      .filter({ hasText: /^金额$/ });
    const firstOrder = async () => (await rows(page, 'sales-orders-table').nth(0).textContent()) ?? '';
    await amountHeader.click();
    await expect.poll(firstOrder).toContain('¥5,000.00');
    await amountHeader.click();
    await expect.poll(firstOrder).toContain('¥20,000.00');

    // This month's target for rep east 1: the month to date counts its share of the month's days.
    await page.getByRole('button', { name: /设置目标/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    const month = Number(TODAY.slice(5, 7));
    await dialog.getByRole('spinbutton', { name: `张三 ${month}月` }).fill('30000');
    // The year's total follows the cells as typed, before anything is saved.
    const targetRow = dialog
      .getByTestId('targets-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: '张三' });
    await expect.poll(() => targetRow.locator('td').last().textContent()).toBe('¥30,000.00');
    await page.screenshot({ path: screenshotPath('sales-targets.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: twoCharacters('保存') }).click();
    await expect.poll(() => page.getByText('已保存 1 项目标').count()).toBe(1);
    await expect.poll(() => own()).toContain(formatMoney(TARGET_TO_DATE));
    expect(await own()).toContain(formatShare(15000 / Number(TARGET_TO_DATE)));
    // The company sold 35,000, but only rep east 1 has a target: the total's attainment is that rep's 15,000 against it.
    expect(await figure(page, 'sales', 'attainment')).toBe(formatShare(15000 / Number(TARGET_TO_DATE)));
    await settled(page);
    await page.screenshot({ path: screenshotPath('sales.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it("a rep sees their own customers' sales only", async () => {
    const page = await openAt('rep.east1', SALES);
    await expect.poll(() => figure(page, 'sales', 'amount'), { timeout: 20_000 }).toBe('¥1.50万');
    expect(await figure(page, 'sales', 'growth')).toBe('+87.5%');
    expect(await page.getByTestId('owner-sales-table').count()).toBe(0);
    await expect.poll(() => rows(page, 'sales-orders-table').count()).toBe(2);
    expect(await figure(page, 'sales', 'attainment')).toBe(formatShare(15000 / Number(TARGET_TO_DATE)));
    expect(await page.getByRole('button', { name: /设置目标/ }).count()).toBe(0);
    const text = (await page.getByTestId('sales-orders-table').textContent()) ?? '';
    expect(text).toContain(names.buyer);
    expect(text).not.toContain(names.buyerColleague);
    expect(text).not.toContain('20,000.00');
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
