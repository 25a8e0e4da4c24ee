import type { Browser, Page, Request } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { created } from '../../src/modules/audit/api-fixtures.js';
import { addDays, businessDay } from '../../src/modules/worklist/business-day.js';
import { openWorld, type World } from '../../src/modules/worklist/testing/world.js';
import { launchChromium, logIn, openPage, serveApp, type ServedApp, settled, tearDown } from './harness.js';
import { screenshotPath } from './screenshots.js';

const VIEWPORT = { width: 1280, height: 720 };
const TODAY = businessDay(new Date());

let w: World;
let server: ServedApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const names = {
  overdue: '苏州久逾精密机械有限公司',
  pool: '常州待回收电子有限公司',
  birthday: '嘉兴寿星纺织有限公司',
  repurchase: '绍兴复购化纤有限公司',
  downgrade: '湖州降级五金有限公司',
  churn: '温州流失鞋业有限公司',
  poolEast: '南通公海物流有限公司',
  poolShared: '扬州共享建材有限公司',
  poolSouth: '佛山华南陶瓷有限公司',
  colleague: '宁波同事逾期机电有限公司',
};
let ids: Record<keyof typeof names, number>;

/** The world of the API tests on today's date: the browser logs its activity at its own "now", today too. */
async function seed(): Promise<Record<keyof typeof names, number>> {
  const { people } = w.t;
  const east1 = { owner: people.repEast1, team: people.teamEast };
  const overdue = await w.customer({
    name: names.overdue,
    ...east1,
    grade: 'C',
    lastActivity: addDays(TODAY, -40),
  });
  const pool = await w.customer({
    name: names.pool,
    ...east1,
    grade: 'B',
    lastActivity: addDays(TODAY, -26),
  });
  const birthday = await w.customer({
    name: names.birthday,
    ...east1,
    grade: 'C',
    lastActivity: addDays(TODAY, -10),
  });
  await created(
    await w.admin('POST', '/api/contacts', {
      customerId: birthday,
      name: '钱总',
      buyingRole: 'decision_maker',
      birthday: `1975${addDays(TODAY, 3).slice(4)}`,
    }),
  );
  const repurchase = await w.customer({
    name: names.repurchase,
    ...east1,
    grade: 'C',
    lastActivity: addDays(TODAY, -20),
  });
  for (const [index, back] of [90, 60, 30].entries())
    await created(
      await w.admin('POST', '/api/orders', {
        customerId: repurchase,
        orderNo: `E2E-${index}`,
        orderDate: addDays(TODAY, -back),
        amount: '88000.00',
      }),
    );
  // A downgrade three days ago and a churn-risk forecast, so the list shows those kinds too.
  const downgraded = await w.customer({
    name: names.downgrade,
    ...east1,
    grade: 'C',
    lastActivity: addDays(TODAY, -9),
  });
  await w.t.handle.db
    .insertInto('grade_changes')
    .values({
      model_id: w.modelId,
      customer_id: downgraded,
      at: `${addDays(TODAY, -3)}T02:00:00Z`,
      from_grade: 1,
      to_grade: 2,
      score: null,
      cause: 'run',
      run_id: null,
      detail: null,
    })
    .execute();
  const churn = await w.customer({
    name: names.churn,
    ...east1,
    grade: 'C',
    lastActivity: addDays(TODAY, -12),
  });
  await sql`INSERT INTO customer_forecasts (customer_id, as_of, p_alive, churn_risk, churn_reason)
            VALUES (${churn}, ${addDays(TODAY, -1)}, 0.18, true, 'low_p_alive')`.execute(w.t.handle.db);
  // A colleague's customer a week past its contact day: escalated to the team manager.
  const colleague = await w.customer({
    name: names.colleague,
    owner: people.repEast2,
    team: people.teamEast,
    grade: 'C',
    lastActivity: addDays(TODAY, -37),
  });
  const released = async (name: string, owner: number, team: number | null) => {
    const id = await w.customer({ name, owner, team, grade: 'C' });
    await w.admin('POST', '/api/pool/releases', { customerId: id, note: '客户需求暂停' });
    return id;
  };
  return {
    overdue,
    pool,
    birthday,
    repurchase,
    downgrade: downgraded,
    churn,
    colleague,
    poolEast: await released(names.poolEast, people.repEast2, people.teamEast),
    poolShared: await released(names.poolShared, people.admin, null),
    poolSouth: await released(names.poolSouth, people.repSouth1, people.teamSouth),
  };
}

beforeAll(async () => {
  w = await openWorld(TODAY);
  ids = await seed();
  server = await serveApp(w.t);
  baseUrl = server.baseUrl;
  browser = await launchChromium();
  page = await openPage(browser, { viewport: VIEWPORT, consoleErrors });
  await logIn(page, baseUrl, 'rep.east1');
}, 180_000);

afterAll(() => tearDown(browser, server, w?.t));

const rowOf = (name: string, kind?: string) => {
  const row = page.locator('[data-testid=worklist-table] tr.ant-table-row').filter({ hasText: name });
  return kind ? row.filter({ has: page.locator('.ant-tag', { hasText: kind }) }) : row;
};

describe('worklist in Chromium (rep)', () => {
  it("the rep's worklist shows the overdue contact, the coming recall, the birthday and the repurchase", async () => {
    await page.getByRole('menuitem', { name: '工作清单' }).click();
    await page.waitForURL(/\/worklist$/);
    await settled(page);
    await expect.poll(() => rowOf(names.overdue, '该联系').count()).toBe(1);
    await expect.poll(() => rowOf(names.pool, '将退回公海').count()).toBe(1);
    await expect.poll(() => rowOf(names.birthday, '生日').count()).toBe(1);
    await expect.poll(() => rowOf(names.repurchase, '复购提醒').count()).toBe(1);
    await expect.poll(() => rowOf(names.downgrade, '降级').count()).toBe(1);
    await expect.poll(() => rowOf(names.churn, '流失风险').count()).toBe(1);
    await expect.poll(() => rowOf(names.poolEast).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('worklist.png'), fullPage: true });

    // The export from the page holds the same items: the overdue contact among them, nobody else's.
    await page.getByRole('button', { name: '导出' }).hover();
    const csvLink = page.getByRole('link', { name: '导出 CSV' });
    await csvLink.waitFor();
    const file = await (await page.request.get(`${baseUrl}${await csvLink.getAttribute('href')}`)).text();
    expect(file).toContain(`该联系,`);
    expect(file).toContain(names.overdue);
    expect(file).not.toContain(names.poolEast);
  }, 60_000);

  it('logging a call on the overdue customer takes its item off the list', async () => {
    await rowOf(names.overdue, '该联系').getByRole('button', { name: '记录跟进' }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.count()).toBe(1);
    await drawer.getByLabel('主题').fill('电话回访，确认下季度采购计划');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => rowOf(names.overdue).count()).toBe(0);
    await expect.poll(() => rowOf(names.pool, '将退回公海').count()).toBe(1);
  }, 60_000);

  it('the week tab lists the same items and more', async () => {
    await page.getByRole('tab', { name: /本周/ }).click();
    await settled(page);
    await expect.poll(() => rowOf(names.birthday, '生日').count()).toBe(1);
  }, 60_000);
});

describe('worklist in Chromium (manager)', () => {
  it("the manager's list carries the team's escalated item; picking the rep shows the rep's list", async () => {
    const manager = await openPage(browser, { viewport: VIEWPORT, consoleErrors, uncaughtOnly: true });
    await logIn(manager, baseUrl, 'mgr.east');
    await manager.goto(`${baseUrl}/worklist`);
    await settled(manager);
    const rows = manager.locator('[data-testid=worklist-table] tr.ant-table-row');
    const escalated = rows.filter({ hasText: names.colleague }).filter({ hasText: '已升级' });
    await expect.poll(() => escalated.count()).toBe(1);
    expect(await rows.filter({ hasText: names.pool }).count()).toBe(0);
    await manager.screenshot({ path: screenshotPath('worklist-manager.png'), fullPage: true });
    await manager.getByLabel('查看谁的清单').click();
    await manager.locator('.ant-select-dropdown:visible').getByText('张三', { exact: true }).click();
    await expect.poll(() => rows.filter({ hasText: names.pool }).count()).toBe(1);
    expect(await rows.filter({ hasText: names.colleague }).count()).toBe(0);
    await manager.context().close();
  }, 60_000);
});

describe('public pool in Chromium (rep)', () => {
  it("shows the team's and the shared pool, not another team's, and a claim moves the customer to the rep", async () => {
    await page.getByRole('menuitem', { name: '公海' }).click();
    await page.waitForURL(/\/pool$/);
    await settled(page);
    const poolRows = page.locator('[data-testid=pool-table] tr.ant-table-row');
    await expect.poll(() => poolRows.filter({ hasText: names.poolEast }).count()).toBe(1);
    await expect.poll(() => poolRows.filter({ hasText: names.poolShared }).count()).toBe(1);
    expect(await poolRows.filter({ hasText: names.poolSouth }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('pool.png'), fullPage: true });
    await poolRows
      .filter({ hasText: names.poolEast })
      .getByRole('button', { name: /领\s*取/ })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /领\s*取/ })
      .click();
    await expect.poll(() => poolRows.filter({ hasText: names.poolEast }).count()).toBe(0);
    const owner = await w.t.handle.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', ids.poolEast)
      .executeTakeFirstOrThrow();
    expect(owner.owner_id).toBe(w.t.people.repEast1);
  }, 60_000);

  it('the rep releases the claimed customer from its detail page, and it is back in the pool', async () => {
    await page.goto(`${baseUrl}/customers/${ids.poolEast}`);
    await settled(page);
    // The page's button comes first; the confirmation's button of the same name is appended to the body.
    const open = page.getByRole('button', { name: '释放到公海' }).first();
    const confirm = page.locator('.ant-popconfirm').getByRole('button', { name: '释放到公海' });
    const isRelease = (request: Request) =>
      request.url().endsWith('/api/pool/releases') && request.method() === 'POST';
    // In CI a confirmation was once shown and clicked without any request being sent (not reproduced locally):
    // the confirmation is opened again and clicked until the release is sent, and only then is its answer read.
    // A click that sends waits for its request, so a release is never sent twice.
    let sent: Request | undefined;
    await vi.waitFor(
      async () => {
        if (!(await confirm.isVisible())) await open.click({ timeout: 2_000 });
        [sent] = await Promise.all([
          page.waitForRequest(isRelease, { timeout: 3_000 }),
          confirm.click({ timeout: 2_000 }),
        ]);
      },
      { timeout: 20_000, interval: 200 },
    );
    const response = await sent!.response();
    expect(response?.status(), await response?.text()).toBe(200);
    await page.waitForURL(/\/customers$/);
    const owner = await w.t.handle.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', ids.poolEast)
      .executeTakeFirstOrThrow();
    expect(owner.owner_id).toBeNull();
  }, 60_000);

  it('the browser reported no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
