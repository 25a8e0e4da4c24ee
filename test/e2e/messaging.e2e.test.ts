import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../src/testing/test-app.js';
import { screenshotPath } from './screenshots.js';
import { seedCustomers } from './seed.js';

// A build elsewhere lets this run beside someone else's `vite build` of web/dist.
const WEB_ROOT = process.env.STRATUM_E2E_WEB_ROOT ?? 'web/dist';

let t: TestApp;
let admin: Client;
let server: ServerType;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const emails = [
  ['王志强', 'wangzq@jinggong.example'],
  ['赵敏', 'zhaomin@hengtong.example'],
  ['孙立', 'sunli@pujiang.example'],
] as const;

beforeAll(async () => {
  if (!existsSync(`${WEB_ROOT}/index.html`))
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });
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

  const app = createApp(t.deps, { webRoot: WEB_ROOT });
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/login`);
  await page.getByLabel('账号').fill('mgr.east');
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/customers$/);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await t?.close();
});

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
