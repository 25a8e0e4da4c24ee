import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created } from '../../src/modules/audit/api-fixtures.js';
import { businessDay } from '../../src/modules/worklist/business-day.js';
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
const names = { own: '湖州勤访丝绸有限公司', colleague: '嘉善同事木业有限公司' };

/** Today's follow-ups: rep east 1 visits twice and calls once on their customer, rep east 2 calls and meets on theirs. */
async function seed(app: TestApp, client: Client): Promise<void> {
  t = app;
  admin = client;
  const { repEast1, repEast2 } = t.people;
  const customer = async (name: string, ownerId: number) =>
    (await created(await admin('POST', '/api/customers', { name, ownerId }))).id as number;
  const own = await customer(names.own, repEast1);
  const colleague = await customer(names.colleague, repEast2);
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

beforeAll(async () => {
  ({ t, admin, server, browser } = await startBrowserWorld(seed));
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const open = (login: string) =>
  openFromMenu(browser, server.baseUrl, login, {
    viewport: VIEWPORT,
    consoleErrors,
    menuItem: '跟进记录',
    path: /\/activities$/,
  });
const figure = (page: Page, key: string) => figureValue(page, `activities-${key}`);
const listRows = (page: Page) => page.getByTestId('activity-log-table').locator('tr.ant-table-row');

describe('follow-ups in Chromium', () => {
  it("the admin reads this month's follow-ups per person and narrows the log to one of them", async () => {
    const page = await open('admin');
    await expect.poll(() => figure(page, 'count'), { timeout: 20_000 }).toBe('5');
    expect(await figure(page, 'visits')).toBe('2');
    expect(await figure(page, 'customers')).toBe('2');
    const people = page.getByTestId('activity-user-table').locator('tr.ant-table-row');
    await expect.poll(() => people.count()).toBe(2);
    expect(await people.nth(0).textContent()).toContain('张三');
    await expect.poll(() => listRows(page).count()).toBe(5);
    // Newest first.
    expect(await listRows(page).nth(0).textContent()).toContain('设备巡检');
    await settled(page);
    await page.screenshot({ path: screenshotPath('activities.png'), fullPage: true });
    await people.nth(1).getByRole('button', { name: '赵四' }).click();
    await expect.poll(() => listRows(page).count()).toBe(2);
    expect(await page.getByTestId('activity-log-table').textContent()).not.toContain(names.own);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('a rep sees only the follow-ups on their own customers, and narrows them by kind', async () => {
    const page = await open('rep.east1');
    await expect.poll(() => figure(page, 'count'), { timeout: 20_000 }).toBe('3');
    expect(await page.getByTestId('activity-user-table').count()).toBe(0);
    await expect.poll(() => listRows(page).count()).toBe(3);
    const text = (await page.getByTestId('activity-log-table').textContent()) ?? '';
    expect(text).toContain(names.own);
    expect(text).not.toContain(names.colleague);
    expect(text).not.toContain('年度合同谈判');
    await page.getByRole('combobox', { name: '跟进方式' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '拜访' })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => figure(page, 'count')).toBe('2');
    await expect.poll(() => listRows(page).count()).toBe(2);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
