import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/testing/test-app.js';
import { launchChromium, logIn, openPage, serveApp, tearDown, type ServedApp } from './harness.js';
import { seedCustomers, type SeededCustomers } from './seed.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1440, height: 900 };
// Chromium reports every HTTP error response on the console; the not-found check provokes exactly one.
const EXPECTED_404 = /^Failed to load resource: the server responded with a status of 404\b/;

let t: TestApp;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let seeded: SeededCustomers;
const consoleErrors: string[] = [];

/** No request in flight and no spinner dimming the content: what a person sees once the page has loaded. */
async function settled(target: Page): Promise<void> {
  await target.waitForLoadState('networkidle');
  await expect.poll(() => target.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
  await target.waitForTimeout(400);
}

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedCustomers(await t.as('admin'), t.people);
  server = await serveApp(t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  mkdirSync('test-results', { recursive: true });
}, 120_000);

afterAll(() => tearDown(browser, server, t));

describe('web shell in Chromium', () => {
  it('a rep logs in, finds a customer by name and opens its profile and contacts', async () => {
    await logIn(page, baseUrl, 'rep.east1');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('张三');

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(seeded.ownCount);
    await expect.poll(() => page.getByText(`共 ${seeded.ownCount} 个客户`).count()).toBe(1);
    expect(await page.getByText(seeded.otherReps.name).count()).toBe(0);
    await settled(page);
    await page.screenshot({ path: 'test-results/web-shell-list.png' });

    await page.getByRole('searchbox', { name: '搜索客户' }).fill('精工');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=%E7%B2%BE%E5%B7%A5/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.locator('.ant-table-tbody').getByText('¥').first().textContent()).toMatch(
      /^¥\d{1,3}(,\d{3})*\.\d{2}$/,
    );

    await page.getByRole('link', { name: seeded.searched.name }).click();
    await page.waitForURL(new RegExp(`/customers/${seeded.searched.id}$`));
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(seeded.searched.name);
    const profile = page.locator('.ant-descriptions');
    await expect.poll(() => profile.getByText('制造业').count()).toBe(1);
    await expect.poll(() => profile.getByText('民营企业').count()).toBe(1);
    await expect.poll(() => profile.getByText('周建国').count()).toBe(1);
    await settled(page);
    await page.screenshot({ path: screenshotPath('customer-detail.png') });
    await page.screenshot({ path: 'test-results/web-shell.png', fullPage: true });

    await page.getByRole('tab', { name: '联系人' }).click();
    const contactRows = page.locator('[role=tabpanel]:visible .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => contactRows.count()).toBe(seeded.searched.contacts.length);
    for (const name of seeded.searched.contacts)
      expect(await contactRows.filter({ hasText: name }).count()).toBe(1);
    expect(await contactRows.filter({ hasText: '王志强' }).getByText('决策者').count()).toBe(1);
    await page.screenshot({ path: 'test-results/web-shell-contacts.png' });
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it("a server field error lands on the drawer's field, and the corrected order appears", async () => {
    await page.getByRole('button', { name: /新\s*增/ }).click();
    await page.getByRole('menuitem', { name: '新增订单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('订单号').fill(`SO-${seeded.searched.id}-1`);
    await drawer.getByLabel('金额').fill('1000');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['已被使用']);

    await drawer.getByLabel('订单号').fill('SO-NEW-1');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('tab', { name: '订单' }).click();
    await expect
      .poll(() =>
        page.locator('[role=tabpanel]:visible .ant-table-row').filter({ hasText: 'SO-NEW-1' }).count(),
      )
      .toBe(1);
    expect(consoleErrors).toHaveLength(1);
    expect(consoleErrors[0]).toMatch(/status of 409/);
    consoleErrors.length = 0;
  }, 30_000);

  it('the timeline shows orders, payments and follow-ups in one list, newest first, and narrows to the kinds asked for', async () => {
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('customer-timeline');
    const line = (text: string) => timeline.locator('.ant-timeline-item').filter({ hasText: text });
    await expect.poll(() => line('订单 SO-NEW-1').count()).toBe(1);
    expect(await line('年度设备更新方案沟通').count()).toBe(1);
    // Paid on 20 April for 15 March: 36 days late.
    expect(await line('回款 ¥600,000.00').textContent()).toContain('逾期 36 天');
    const texts = await timeline.locator('.ant-timeline-item').allTextContents();
    expect(texts.findIndex((text) => text.includes('年度设备更新方案沟通'))).toBeLessThan(
      texts.findIndex((text) => text.includes('回款 ¥600,000.00')),
    );
    await page.screenshot({ path: screenshotPath('customer-timeline.png') });
    await page.getByRole('checkbox', { name: '订单' }).uncheck();
    await expect.poll(() => line('订单 SO-').count()).toBe(0);
    await expect.poll(() => line('年度设备更新方案沟通').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  }, 30_000);

  it('"/" puts the cursor in the header search, which finds the rep\'s own customers and opens one, never another rep\'s', async () => {
    await page.goto(`${baseUrl}/worklist`);
    await settled(page);
    const search = page.getByRole('combobox', { name: '快速查找客户' });
    await page.keyboard.press('/');
    // Typed where the cursor is: into the search, and without the "/" that put it there.
    await page.keyboard.type('华瑞电气');
    expect(await search.inputValue()).toBe('华瑞电气');
    await expect.poll(() => page.getByText('没有找到与“华瑞电气”相符的客户').count()).toBe(1);
    expect(await page.getByText(seeded.otherReps.name).count()).toBe(0);
    await search.fill('精工');
    const option = page.locator('.ant-select-item-option').filter({ hasText: seeded.searched.name });
    await expect.poll(() => option.count()).toBe(1);
    await expect.poll(() => option.isVisible()).toBe(true);
    // The list slides in; the picture is of it in place.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('quick-search.png') });
    await option.click();
    await page.waitForURL(new RegExp(`/customers/${seeded.searched.id}$`));
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(seeded.searched.name);
    expect(await search.inputValue()).toBe('');
    expect(consoleErrors).toEqual([]);
  }, 30_000);

  it("a rep opening another rep's customer by URL sees the not-found page", async () => {
    await page.goto(`${baseUrl}/customers/${seeded.otherReps.id}`);
    await expect.poll(() => page.getByText('客户不存在或无权查看').count()).toBe(1);
    expect(await page.getByText(seeded.otherReps.name).count()).toBe(0);
    expect(consoleErrors).toHaveLength(1);
    expect(consoleErrors[0]).toMatch(EXPECTED_404);
  }, 30_000);

  it('the language switch turns the interface into English and asks the API for English messages', async () => {
    await page.getByText('English').click();
    await expect
      .poll(() => page.getByText('This customer does not exist or you may not see it').count())
      .toBe(1);
    const listRequest = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/customers/rows',
    );
    await page.goto(`${baseUrl}/customers`);
    expect((await listRequest).headers()['accept-language']).toBe('en-US');
    await expect.poll(() => page.getByRole('columnheader', { name: 'Total sales' }).count()).toBe(1);
    await page.screenshot({ path: 'test-results/web-shell-en.png' });
    expect(consoleErrors).toHaveLength(1);
  }, 30_000);
});
