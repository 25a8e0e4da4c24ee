import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../src/testing/test-app.js';
import { launchChromium, logIn, openPage, serveApp, tearDown, type ServedApp } from './harness.js';
import { screenshotPath } from './screenshots.js';
import { seedCustomers } from './seed.js';

let t: TestApp;
let admin: Client;
let server: ServedApp;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const emails = [
  ['王志强', 'wangzq@jinggong.example'],
  ['赵敏', 'zhaomin@hengtong.example'],
  ['孙立', 'sunli@pujiang.example'],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  await seedCustomers(admin, t.people);
  const customers = (
    (await (await admin('GET', `/api/customers?limit=10&ownerId=${t.people.repEast1}&sort=name`)).json()) as {
      items: { id: number }[];
    }
  ).items;
  for (const [index, [name, email]] of emails.entries()) {
    const response = await admin('POST', '/api/contacts', {
      customerId: customers[index]!.id,
      name: `${name}`,
      email,
      buyingRole: 'decision_maker',
      isKey: true,
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const models = (
    (await (await admin('GET', '/api/grading/models')).json()) as { items: { id: number; active: boolean }[] }
  ).items;
  const run = await admin('POST', `/api/grading/models/${models.find((m) => m.active)!.id}/runs`, {});
  expect(run.status, await run.clone().text()).toBeLessThan(300);

  server = await serveApp(t);
  browser = await launchChromium();
  page = await openPage(browser, { viewport: { width: 1440, height: 900 }, consoleErrors });
  await logIn(page, server.baseUrl, 'mgr.east');
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const drawer = () => page.getByRole('dialog');

describe('care messages in Chromium (manager)', () => {
  it('the templates tab lists the presets and the editor previews a template as it is typed', async () => {
    await page.getByRole('menuitem', { name: '关怀营销' }).click();
    await page.getByRole('tab', { name: '消息模板' }).click();
    await page.waitForURL(/\/messages\/templates$/);
    const table = page.getByTestId('template-table');
    await expect.poll(() => table.locator('tr.ant-table-row').count()).toBeGreaterThanOrEqual(10);
    await table
      .locator('tr.ant-table-row', { hasText: '{{holiday}}快乐' })
      .getByRole('button', { name: /编\s?辑/ })
      .click();
    const body = drawer().getByLabel('正文');
    await body.fill(
      '尊敬的{{contact.name}}：\n{{holiday}}快乐！感谢{{customer.name}}的支持。{{contact.nmae}}\n{{owner.name}}',
    );
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toContain('尊敬的王芳：');
    await expect.poll(() => preview.textContent()).toContain('未知的合并字段：{{contact.nmae}}');
    await page.screenshot({ path: screenshotPath('messages-templates.png') });
    await drawer()
      .getByRole('button', { name: /取\s?消/ })
      .click();
  }, 60_000);

  it('a batch built from a segment previews its recipients, stores drafts, and exports them without a channel', async () => {
    await page.getByRole('tab', { name: '发送批次' }).click();
    await page.getByRole('button', { name: '新建发送批次' }).click();
    await drawer().getByLabel('批次名称').fill('中秋关怀');
    await drawer().getByLabel('模板').click();
    await page.locator('.ant-select-dropdown:visible').getByText('节日问候 · 节日问候 (zh-CN)').click();
    await drawer().getByLabel('节日名称').fill('中秋节');
    const preview = page.getByTestId('batch-preview');
    await expect.poll(() => preview.textContent()).toContain('中秋节快乐');
    await expect.poll(() => preview.locator('.ant-list-item').count()).toBe(emails.length);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('messages-batch-builder.png') });
    await drawer()
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await page.waitForURL(/\/messages\/batches\/\d+$/);
    const rows = page.getByTestId('message-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(emails.length);
    await expect.poll(() => page.getByText('尚未配置邮件发送渠道').count()).toBe(1);
    expect(await page.getByRole('button', { name: /发送 3 条草稿/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('messages-batch.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出草稿' }).hover();
    await page.locator('.ant-dropdown:visible').getByText('CSV').click();
    expect((await download).suggestedFilename()).toMatch(/^messages-\d+\.csv$/);
    await expect.poll(() => rows.filter({ hasText: '已导出' }).count()).toBe(emails.length);

    await page.getByRole('tab', { name: '发件箱' }).click();
    await page.waitForURL(/\/messages\/outbox$/);
    await expect.poll(() => rows.filter({ hasText: '已导出' }).count()).toBe(emails.length);
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
