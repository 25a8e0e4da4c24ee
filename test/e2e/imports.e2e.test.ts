import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/testing/test-app.js';
import { launchChromium, logIn, openPage, serveApp, type ServedApp, settled, tearDown } from './harness.js';
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
