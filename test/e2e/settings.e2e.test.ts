import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/modules/webhooks/delivery.worker.js';
import { signBody } from '../../src/modules/webhooks/signature.js';
import { createTestApp, type TestApp } from '../../src/testing/test-app.js';
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
const NEW_PASSWORD = 'new-rep-password-1';
const CHANGED_PASSWORD = 'changed-rep-password-2';

let t: TestApp;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

/** What an integrator's endpoint received: the headers and the exact body bytes, to check the signature. */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  server = await serveApp(t);
  baseUrl = server.baseUrl;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/stratum`;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, baseUrl, 'admin');
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await tearDown(browser, server, t);
});

/** Picks an option of an antd select in the open drawer, by the field's label. */
async function pick(label: string, option: string): Promise<void> {
  await drawer().getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

const drawer = () => page.getByRole('dialog');
const confirmPopup = () => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
const saveDrawer = () =>
  drawer()
    .getByRole('button', { name: twoCharacters('保存') })
    .click();

describe('settings in Chromium (admin)', () => {
  it('creates a user from the settings menu, who can then log in as a rep of the chosen team', async () => {
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.waitForURL(/\/settings\/users$/);
    await settled(page);
    await page.getByRole('button', { name: '新建用户' }).click();
    await drawer().getByLabel('登录账号').fill('rep.west1');
    await drawer().getByLabel('姓名').fill('王西');
    await drawer().getByLabel('密码').fill(NEW_PASSWORD);
    await pick('团队', '华东');
    await saveDrawer();
    await expect.poll(() => page.getByRole('cell', { name: 'rep.west1', exact: true }).count()).toBe(1);
    const stored = await t.handle.db
      .selectFrom('users')
      .where('login', '=', 'rep.west1')
      .select(['role', 'team_id', 'active'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ role: 'rep', team_id: t.people.teamEast, active: true });

    const newcomer = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
    await newcomer.goto(`${baseUrl}/login`);
    await newcomer.getByLabel('账号').fill('rep.west1');
    await newcomer.getByLabel('密码').fill(NEW_PASSWORD);
    await newcomer.locator('button[type=submit]').click();
    await newcomer.waitForURL(/\/customers$/);
    expect(await newcomer.getByRole('menuitem', { name: '系统设置' }).count()).toBe(0);
    await newcomer.goto(`${baseUrl}/settings/users`);
    await expect.poll(() => newcomer.getByText('只有管理员可以使用系统设置').count()).toBe(1);

    // The newcomer changes the password the admin gave: the old one no longer opens a session, the new one does.
    await newcomer.getByRole('button', { name: '我的账号' }).click();
    await newcomer.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = newcomer.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill(NEW_PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill(CHANGED_PASSWORD);
    await dialog.getByLabel('再次输入新密码').fill('not-the-same-1');
    await dialog.getByRole('button', { name: twoCharacters('保存') }).click();
    await expect.poll(() => dialog.getByText('两次输入的新密码不一致').count()).toBe(1);
    await dialog.getByLabel('再次输入新密码').fill(CHANGED_PASSWORD);
    await dialog.getByRole('button', { name: twoCharacters('保存') }).click();
    await expect.poll(() => newcomer.getByText(/密码已修改/).count()).toBe(1);
    const logInWith = (password: string) =>
      newcomer.request.post(`${baseUrl}/api/auth/login`, { data: { login: 'rep.west1', password } });
    expect((await logInWith(NEW_PASSWORD)).status()).toBe(401);
    expect((await logInWith(CHANGED_PASSWORD)).status()).toBe(200);
    await newcomer.context().close();
    await page.screenshot({ path: screenshotPath('settings-users.png') });
  }, 120_000);

  it('adds a team, refuses to delete one with members, and deletes the empty one', async () => {
    await page.getByRole('tab', { name: '团队' }).click();
    await page.waitForURL(/\/settings\/teams$/);
    await page.getByRole('button', { name: '新建团队' }).click();
    await drawer().getByLabel('团队名称').fill('西南大区');
    await drawer().getByLabel('区域').fill('四川、重庆');
    await saveDrawer();
    const row = (name: string) => page.locator('.ant-table-row').filter({ hasText: name });
    await expect.poll(() => row('西南大区').count()).toBe(1);

    await row('华东')
      .getByRole('button', { name: twoCharacters('删除') })
      .click();
    await confirmPopup();
    await expect.poll(() => page.getByText(/仍有成员或客户，不能删除/).count()).toBe(1);
    await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);

    await row('西南大区')
      .getByRole('button', { name: twoCharacters('删除') })
      .click();
    await confirmPopup();
    await expect.poll(() => row('西南大区').count()).toBe(0);
    expect(
      await t.handle.db.selectFrom('teams').where('name', '=', '西南大区').select('id').execute(),
    ).toEqual([]);
  }, 60_000);

  it('adds an industry to the code list, offered by the API from then on', async () => {
    await page.getByRole('tab', { name: '数据字典' }).click();
    await page.waitForURL(/\/settings\/dictionaries$/);
    await page.getByText('行业', { exact: true }).click();
    await page.getByRole('button', { name: '新增条目' }).click();
    await drawer().getByLabel('代码').fill('aerospace');
    await drawer().getByLabel('中文名称').fill('航空航天');
    await drawer().getByLabel('英文名称').fill('Aerospace');
    await saveDrawer();
    await expect.poll(() => page.getByRole('cell', { name: '航空航天' }).count()).toBe(1);
    const admin = await t.as('admin');
    const list = (await (await admin('GET', '/api/dictionaries')).json()) as {
      items: { kind: string; code: string; nameEn: string; active: boolean; builtin: boolean }[];
    };
    expect(list.items.find((entry) => entry.kind === 'industry' && entry.code === 'aerospace')).toMatchObject(
      {
        nameEn: 'Aerospace',
        active: true,
        builtin: false,
      },
    );
  }, 60_000);

  it('renames a sales stage and changes its probability; a closed stage keeps the probability of its outcome', async () => {
    await page.getByRole('tab', { name: '销售阶段' }).click();
    await page.waitForURL(/\/settings\/stages$/);
    await settled(page);
    const stageRow = (name: string) =>
      page.getByTestId('stages-table').locator('tr').filter({ hasText: name });
    await stageRow('签订合同').getByRole('button', { name: /编辑/ }).click();
    await expect.poll(() => drawer().getByLabel('默认赢单概率').isDisabled()).toBe(true);
    await drawer().getByLabel('中文名称').fill('已签约');
    await saveDrawer();
    await expect.poll(() => stageRow('已签约').count()).toBe(1);
    await stageRow('需求认可').getByRole('button', { name: /编辑/ }).click();
    await drawer().getByLabel('默认赢单概率').fill('35');
    await saveDrawer();
    await expect.poll(() => stageRow('需求认可').textContent()).toContain('35%');
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: screenshotPath('settings-stages.png') });
    const admin = await t.as('admin');
    const stages = (await (await admin('GET', '/api/opportunity-stages')).json()) as {
      code: string;
      nameZh: string;
      probability: number;
    }[];
    expect(stages.find((stage) => stage.code === 'need_confirmed')?.probability).toBe(35);
    expect(stages.find((stage) => stage.code === 'won')).toMatchObject({
      nameZh: '已签约',
      probability: 100,
    });
  }, 60_000);

  it('changes the worklist and pool rules, which the API then serves', async () => {
    await page.getByRole('tab', { name: '工作清单与公海' }).click();
    await page.waitForURL(/\/settings\/worklist$/);
    await settled(page);
    await page.getByLabel('逾期升级给经理（天）').fill('5');
    await page.getByRole('switch').click();
    // The number field appears once the switch has turned: waited for by its role, not taken from the labels at hand.
    await page.getByRole('spinbutton', { name: '每人拥有客户上限' }).fill('150');
    await page.getByRole('button', { name: twoCharacters('保存') }).click();
    await expect.poll(() => page.getByText('已保存').count()).toBeGreaterThan(0);
    const admin = await t.as('admin');
    expect(await (await admin('GET', '/api/worklist/settings')).json()).toMatchObject({
      escalationDays: 5,
      maxOwned: 150,
    });
  }, 60_000);

  it('registers a webhook, shows its secret once, and a test ping arrives signed with it and is logged delivered', async () => {
    await page.getByRole('tab', { name: 'Webhook 集成' }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
    await page.getByRole('button', { name: '新建 Webhook' }).click();
    await drawer().getByLabel('名称').fill('ERP 同步');
    await drawer().getByLabel('接收地址').fill(receiverUrl);
    await saveDrawer();
    const secretDialog = page.locator('.ant-modal:visible');
    await expect
      .poll(() => secretDialog.getByText('签名密钥（只显示这一次，请立即保存）').count())
      .toBeGreaterThan(0);
    const secret = (await secretDialog.locator('code').first().textContent())!.trim();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    // Clicked again until the dialog is gone: a click while it is still animating in is lost on a busy machine.
    await expect
      .poll(async () => {
        await secretDialog
          .getByRole('button', { name: /知道了|OK/ })
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        return page.locator('.ant-modal-wrap:visible').count();
      })
      .toBe(0);

    await page.getByRole('button', { name: twoCharacters('测试') }).click();
    await expect.poll(() => page.getByText('等待发送').count()).toBe(1);
    const worker = createDeliveryWorker({
      db: t.handle.db,
      logger: t.deps.logger,
      settings: t.deps.config.webhooks,
    });
    expect(await worker.tick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const ping = received.at(-1)!;
    expect(ping.headers['x-stratum-event']).toBe('ping');
    expect(ping.headers['x-stratum-signature']).toBe(signBody(secret, ping.body));
    await expect.poll(() => page.getByText('已送达').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: screenshotPath('settings-webhooks.png') });
  }, 60_000);

  it('reads the audit log: the user it created, found by filter, with the record before and after', async () => {
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.waitForURL(/\/settings\/audit$/);
    await settled(page);
    await page.getByLabel('搜索编号或内容').fill('rep.west1');
    await page.getByLabel('搜索编号或内容').press('Enter');
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.filter({ hasText: '新建' }).count()).toBeGreaterThan(0);
    await rows.filter({ hasText: '新建' }).first().locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByText('变更后', { exact: true }).count()).toBe(1);
    expect(await page.locator('pre').filter({ hasText: 'rep.west1' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('settings-audit.png') });
    // The refused team deletion is the one failed request the browser logs; nothing else may go wrong.
    expect(consoleErrors.filter((error) => !error.includes('409 (Conflict)'))).toEqual([]);
  }, 60_000);

  it('downloads a backup of the whole database, which starts with the backup header', async () => {
    await page.getByRole('tab', { name: '数据备份' }).click();
    await page.waitForURL(/\/settings\/backup$/);
    await expect.poll(() => page.getByRole('tab', { name: '数据备份', selected: true }).count()).toBe(1);
    // The webhook test's message may still be showing; the picture is of this page alone.
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    await settled(page);
    await page.screenshot({ path: screenshotPath('settings-backup.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^stratum-\d{4}-\d{2}-\d{2}\.backup\.gz$/);
    const file = await download.path();
    const header = gunzipSync(readFileSync(file)).toString('utf8').split('\n', 1)[0]!;
    expect(JSON.parse(header)).toMatchObject({ format: 'stratum-backup', version: 1 });
    expect(consoleErrors.filter((error) => !error.includes('409 (Conflict)'))).toEqual([]);
  }, 60_000);
});
