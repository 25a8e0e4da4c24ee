import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyTables } from '../../src/modules/policies/policy.tables.js';
import { insertGradedCustomer, modelIdOf } from '../../src/modules/policies/testing/graded-customers.js';
import { createTestApp, type TestApp } from '../../src/testing/test-app.js';
import { launchChromium, logIn, openPage, serveApp, tearDown, type ServedApp } from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1280, height: 720 };
const DAY = 86_400_000;

let t: TestApp;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const ids: Record<string, number> = {};

/**
 * East under the composite preset policy: a key account (A, 1:1 senior) owned by a junior rep, an unowned general
 * customer, two important customers on a middle rep, one of them not contacted for six weeks, and a general
 * customer with an overdue bill above its credit limit. South has its own unowned key account the east manager
 * must not see.
 */
async function seed() {
  const db = t.handle.db;
  const p = t.people;
  await db.updateTable('users').set({ level: 'middle' }).where('id', '=', p.repEast2).execute();
  const composite = await modelIdOf(db, 'composite');
  const specs: Array<[string, string, number, number | null, string, number]> = [
    ['key', '无锡重点精密机械有限公司', p.teamEast, p.repEast1, 'A', 2],
    ['general', '常州一般五金有限公司', p.teamEast, null, 'C', 2],
    ['important', '苏州重要电气有限公司', p.teamEast, p.repEast2, 'B', 2],
    ['silent', '南通久未联系纺织有限公司', p.teamEast, p.repEast2, 'B', 42],
    ['credit', '嘉兴逾期化工有限公司', p.teamEast, p.repEast1, 'C', 3],
    ['south', '佛山华南陶瓷有限公司', p.teamSouth, null, 'A', 2],
  ];
  for (const [key, name, teamId, ownerId, grade, silentDays] of specs) {
    const id = await insertGradedCustomer(db, composite, grade, {
      name,
      team_id: teamId,
      owner_id: ownerId,
      created_at: new Date(Date.now() - 200 * DAY),
    });
    ids[key] = id;
    if (ownerId !== null)
      await db
        .insertInto('activities')
        .values({
          customer_id: id,
          user_id: ownerId,
          kind: 'visit',
          subject: '拜访',
          at: new Date(Date.now() - silentDays * DAY),
        })
        .execute();
  }
  await db
    .insertInto('payments')
    .values({
      customer_id: ids.credit!,
      due_date: new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10),
      amount: '268000.00',
    })
    .execute();
}

async function settled(target: Page): Promise<void> {
  await target.waitForLoadState('networkidle');
  await expect.poll(() => target.locator('.ant-spin-spinning, .ant-skeleton').count()).toBe(0);
  // Checkboxes and tags fade in; a screenshot taken at once catches them half drawn.
  await target.waitForTimeout(400);
}

const ownerOf = async (key: string) =>
  (
    await t.handle.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', ids[key]!)
      .executeTakeFirstOrThrow()
  ).owner_id;

beforeAll(async () => {
  t = await createTestApp();
  await seed();
  server = await serveApp(t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, baseUrl, 'mgr.east');
}, 180_000);

afterAll(() => tearDown(browser, server, t));

const moveRow = (name: string) =>
  page.locator('[data-testid=assignment-moves] tr.ant-table-row').filter({ hasText: name });

describe('service policies, compliance and assignment in Chromium (manager)', () => {
  it('shows the preset policy rules per grade, read-only for a manager', async () => {
    await page.getByRole('menuitem', { name: '服务政策' }).click();
    await page.waitForURL(/\/policies$/);
    await settled(page);
    const rules = page.locator('[data-testid=policy-rules] tr.ant-table-row');
    await expect.poll(() => rules.count()).toBe(4);
    await expect.poll(() => rules.filter({ hasText: '专属 1:1' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '编辑规则' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('policies.png'), fullPage: true });
  }, 60_000);

  it("counts the team's violations per kind and lists them with links to the customers", async () => {
    await page.getByRole('menuitem', { name: '政策合规' }).click();
    await page.waitForURL(/\/compliance$/);
    await settled(page);
    const list = page.locator('[data-testid=compliance-list] tr.ant-table-row');
    await expect.poll(() => list.count()).toBe(4);
    await expect.poll(() => list.filter({ hasText: '负责人级别不足' }).count()).toBe(1);
    await expect.poll(() => list.filter({ hasText: '该联系却没联系' }).count()).toBe(1);
    await expect.poll(() => list.filter({ hasText: '逾期超信用额度' }).count()).toBe(1);
    expect(await list.filter({ hasText: '佛山华南陶瓷有限公司' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('compliance.png'), fullPage: true });
  }, 60_000);

  it('applies a suggestion with one move dropped, and the customer gets its new owner', async () => {
    await page.getByRole('menuitem', { name: '客户经理分配' }).click();
    await page.waitForURL(/\/assignment$/);
    await settled(page);
    await expect.poll(() => moveRow('无锡重点精密机械有限公司').count()).toBe(1);
    await expect.poll(() => moveRow('常州一般五金有限公司').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-testid=assignment-headcount] tr.ant-table-row').count())
      .toBe(3);
    await expect.poll(() => page.getByRole('button', { name: '执行 2 项调整' }).isEnabled()).toBe(true);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: screenshotPath('assignment.png'), fullPage: true });
    await moveRow('常州一般五金有限公司').getByRole('checkbox').uncheck();
    await page.getByRole('button', { name: '执行 1 项调整' }).click();
    await expect.poll(() => ownerOf('key')).toBe(t.people.managerEast);
    expect(await ownerOf('general')).toBeNull();
    await expect.poll(() => moveRow('无锡重点精密机械有限公司').count()).toBe(0);
    await expect.poll(() => moveRow('常州一般五金有限公司').count()).toBe(1);
    await page.goto(`${baseUrl}/customers/${ids.key}`);
    await settled(page);
    await expect.poll(() => page.getByText('王经理').count()).toBeGreaterThan(0);
  }, 60_000);

  it('lets an admin edit a rule in the table and save it as a new version', async () => {
    const admin = await openPage(browser, { viewport: VIEWPORT, consoleErrors, uncaughtOnly: true });
    await logIn(admin, baseUrl, 'admin');
    await admin.goto(`${baseUrl}/policies`);
    await settled(admin);
    await admin.getByRole('button', { name: '编辑规则' }).click();
    await admin.getByLabel('联系周期（天） A').fill('5');
    await admin.getByLabel('本版本说明（可选）').fill('关键客户每 5 天联系');
    await admin.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => admin.getByRole('button', { name: '编辑规则' }).count()).toBe(1);
    const rule = await t.handle.db
      .withTables<PolicyTables>()
      .selectFrom('customer_service_policy')
      .select('contact_cadence_days')
      .where('customer_id', '=', ids.key!)
      .executeTakeFirstOrThrow();
    expect(rule).toEqual({ contact_cadence_days: 5 });
    await admin.context().close();
  }, 60_000);

  it('the browser reported no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
