import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../../src/testing/test-app.js';
import {
  launchChromium,
  logIn,
  openPage,
  serveApp,
  type ServedApp,
  settled,
  tearDown,
  twoCharacters,
} from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1440, height: 900 };

let t: TestApp;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'stratum-import-e2e-'));

/** Two good customers and one without its required name: the dry run reports it, the import skips it. */
const customersCsv = [
  '客户编号,客户名称,省份',
  'IMP-001,杭州导入测试机械有限公司,浙江省',
  'IMP-002,宁波导入测试贸易有限公司,浙江省',
  'IMP-003,,浙江省',
].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  server = await serveApp(t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, baseUrl, 'admin');
}, 180_000);

afterAll(() => tearDown(browser, server, t));

describe('import in Chromium (admin)', () => {
  it('uploads a CSV from the menu, maps its columns, reports the bad row in a dry run, then imports the good rows', async () => {
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await page.waitForURL(/\/imports$/);
    await settled(page);
    const file = path.join(dir, '客户.csv');
    writeFileSync(file, customersCsv);
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByText('预览与字段对应').count()).toBe(1);
    await expect.poll(() => page.getByText('杭州导入测试机械有限公司').count()).toBe(1);
    // The headers matched their fields by name: no required field is left to map.
    expect(await page.getByText('请先为必填字段选择列').count()).toBe(0);

    await page.getByRole('button', { name: '仅校验（试运行）' }).click();
    const job = page.getByTestId('import-job');
    await expect.poll(() => job.getByText('已完成').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => job.getByText('1 个问题').count()).toBe(1);
    expect(await job.getByRole('cell', { name: '4', exact: true }).count()).toBe(1);
    expect(await job.getByText('否（未写入任何数据）').count()).toBe(1);
    expect(
      await t.handle.db.selectFrom('customers').where('code', 'like', 'IMP-%').select('id').execute(),
    ).toEqual([]);

    await page.getByText('跳过问题行（只导入正确的行）').click();
    await page.getByTestId('import-commit').click();
    await expect.poll(() => job.getByText('试运行').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => job.getByText('已完成').count(), { timeout: 30_000 }).toBe(1);
    await settled(page);
    const codes = await t.handle.db
      .selectFrom('customers')
      .where('code', 'like', 'IMP-%')
      .select('code')
      .orderBy('code')
      .execute();
    expect(codes.map((row) => row.code)).toEqual(['IMP-001', 'IMP-002']);
    await job.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import.png') });
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});

/** Picks an option of an antd select, again if a click landed while the dropdown was still animating. */
async function pick(target: Page, label: string, option: string): Promise<void> {
  const select = target.getByLabel(label, { exact: true });
  await expect
    .poll(async () => {
      await select.click();
      await target
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return select.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent();
    })
    .toContain(option);
}

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

async function ordersOf(prefix: string) {
  return t.handle.db
    .selectFrom('orders')
    .where('order_no', 'like', `${prefix}%`)
    .select(['order_no', 'amount', 'currency', 'status'])
    .orderBy('order_no')
    .execute();
}

describe('import templates and transforms in Chromium (admin)', () => {
  // An ERP's monthly export: amounts in 万元, its own status words, no currency column.
  const header = '单号,客户编号,成交日期,金额（万元）,状态';
  const march = () =>
    writeCsv('erp-2024-03.csv', [
      header,
      'ERP-1,ERP-C1,2024-03-05,1.5,OK',
      'ERP-2,ERP-C2,2024-03-06,2.25,作废',
    ]);
  const april = () => writeCsv('erp-2024-04.csv', [header, 'ERP-3,ERP-C1,2024-04-01,0.8,OK']);

  it('saves a mapping with a constant, a multiplier and a value map as a template, and imports two files through it after a reload', async () => {
    await page.goto(`${baseUrl}/imports`);
    await settled(page);
    await pick(page, '文件内容', '订单');
    await page.getByTestId('import-file').setInputFiles(march());
    await expect.poll(() => page.getByText('ERP-1', { exact: true }).count()).toBe(1);

    await pick(page, '币种', '固定值');
    await page.getByLabel('币种 · 固定值').fill('CNY');
    await page.getByRole('button', { name: '编辑“金额”的转换' }).click();
    await page.getByLabel('乘以').fill('10000');
    await page.getByLabel('乘以').blur();
    await expect.poll(() => page.getByText('× 10000').count()).toBe(1);
    await page.getByRole('button', { name: '编辑“订单状态”的转换' }).click();
    const popover = page.locator('.ant-popover:visible').filter({ hasText: '“订单状态”的转换' });
    await popover.getByRole('button', { name: '添加值对应' }).click();
    await popover.getByRole('button', { name: '添加值对应' }).click();
    await popover.getByLabel('文件中的值').nth(0).fill('OK');
    await popover.getByLabel('文件中的值').nth(1).fill('作废');
    for (const [index, code] of ['completed', 'cancelled'].entries()) {
      await popover.getByLabel('导入为').nth(index).click();
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByText('2 个值对应').count()).toBe(1);
    await popover.getByText('值对应', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('import-mapping.png') });
    await page.getByText('自动创建系统中没有的客户').click();

    await page.getByRole('button', { name: '保存为模板' }).click();
    await page.getByLabel('模板名称').fill('ERP 月度订单');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: twoCharacters('保存') })
      .click();
    // The confirmation toast shows for 3 s, which a busy CI machine can miss; the stored template and the closed
    // dialog stay.
    const savedTemplate = async () =>
      (
        await sql<{ mapping: unknown; options: unknown }>`
          SELECT mapping, options FROM import_templates WHERE name = 'ERP 月度订单'`.execute(t.handle.db)
      ).rows[0];
    await expect.poll(savedTemplate, { timeout: 20_000 }).toBeDefined();
    await expect.poll(() => page.getByRole('dialog').getByLabel('模板名称').count()).toBe(0);
    expect(await savedTemplate()).toMatchObject({
      mapping: {
        order_no: { column: '单号' },
        currency: { constant: 'CNY' },
        amount: { column: '金额（万元）', multiply: 10000 },
        status: { column: '状态', values: { OK: 'completed', 作废: 'cancelled' } },
      },
      options: { createCustomers: true },
    });

    // A new visit knows nothing of the mapping above: the template brings it back.
    await page.reload();
    await settled(page);
    await pick(page, '文件内容', '订单');
    await pick(page, '导入模板', 'ERP 月度订单');
    await page.getByTestId('import-file').setInputFiles([march(), april()]);
    await expect.poll(() => page.getByText('erp-2024-04.csv').count()).toBe(1);
    await expect.poll(() => page.getByText('× 10000').count()).toBe(1);
    expect(await page.getByText('2 个值对应').count()).toBe(1);
    // Reading the file another way keeps the template's mapping: only the preview is read again.
    await pick(page, '编码', 'gb18030');
    await settled(page);
    expect(await page.getByText('× 10000').count()).toBe(1);
    await pick(page, '编码', 'utf-8');
    await expect.poll(() => page.getByText('ERP-1', { exact: true }).count()).toBe(1);
    expect(await page.getByText('× 10000').count()).toBe(1);
    expect(await page.getByLabel('币种 · 固定值').inputValue()).toBe('CNY');
    expect(await page.getByRole('checkbox', { name: '自动创建系统中没有的客户' }).isChecked()).toBe(true);

    await page.getByTestId('import-commit').click();
    const job = page.getByTestId('import-job');
    await expect.poll(() => job.getByText('已完成').count(), { timeout: 30_000 }).toBe(1);
    expect(await ordersOf('ERP-')).toEqual([
      { order_no: 'ERP-1', amount: '15000.00', currency: 'CNY', status: 'completed' },
      { order_no: 'ERP-2', amount: '22500.00', currency: 'CNY', status: 'cancelled' },
      { order_no: 'ERP-3', amount: '8000.00', currency: 'CNY', status: 'completed' },
    ]);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});

describe('import as a rep in Chromium', () => {
  let admin: Client;
  let repPage: Page;
  const repErrors: string[] = [];

  beforeAll(async () => {
    admin = await t.as('admin');
    for (const [code, owner] of [
      ['MINE-1', t.people.repEast1],
      ['OTHER-1', t.people.repEast2],
    ] as const) {
      const response = await admin('POST', '/api/customers', {
        code,
        name: `${code} 有限公司`,
        ownerId: owner,
      });
      expect(response.status).toBe(201);
    }
    repPage = await openPage(browser, { viewport: VIEWPORT, consoleErrors: repErrors });
    await logIn(repPage, baseUrl, 'rep.east1');
  }, 60_000);

  it('cannot save templates, and an order for another rep’s customer is reported out of scope and never written', async () => {
    await repPage.goto(`${baseUrl}/imports`);
    await settled(repPage);
    expect(await repPage.getByRole('button', { name: '保存为模板' }).count()).toBe(0);
    await pick(repPage, '文件内容', '订单');
    await repPage
      .getByTestId('import-file')
      .setInputFiles(
        writeCsv('rep-orders.csv', [
          '订单号,客户编号,成交日期,金额',
          'REP-1,MINE-1,2024-05-01,100',
          'REP-2,OTHER-1,2024-05-02,200',
        ]),
      );
    await expect.poll(() => repPage.getByText('REP-2', { exact: true }).count()).toBe(1);

    await repPage.getByRole('button', { name: '仅校验（试运行）' }).click();
    const job = repPage.getByTestId('import-job');
    await expect.poll(() => job.getByText('1 个问题').count(), { timeout: 30_000 }).toBe(1);
    expect(await job.getByText('不在您的数据范围内').count()).toBe(1);
    expect(await job.getByRole('cell', { name: 'OTHER-1', exact: true }).count()).toBe(1);

    await repPage.getByText('跳过问题行（只导入正确的行）').click();
    await repPage.getByTestId('import-commit').click();
    await expect.poll(() => job.getByText('试运行').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => job.getByText('已完成').count(), { timeout: 30_000 }).toBe(1);
    expect((await ordersOf('REP-')).map((order) => order.order_no)).toEqual(['REP-1']);
    expect(repErrors).toEqual([]);
  }, 120_000);
});
