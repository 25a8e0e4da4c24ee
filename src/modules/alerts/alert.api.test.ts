import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { findModelByKey } from '../grading/model.repository.js';
import { executeRun } from '../grading/run.service.js';
import { raiseGradeAlerts } from './alert.service.js';
import { openGradeWorld, type GradeWorld } from './testing/grade-world.js';

let t: TestApp;
let w: GradeWorld;
let clients: Record<'admin' | 'managerEast' | 'managerSouth' | 'repEast1' | 'repEast2' | 'repSouth1', Client>;

interface AlertBody {
  id: number;
  kind: string;
  read: boolean;
  message: { 'zh-CN': string; 'en-US': string };
  customer: { id: number; code: string; name: string };
  from: { code: string } | null;
  to: { code: string } | null;
}
interface PageBody {
  items: AlertBody[];
  total: number;
  nextCursor: string | null;
}

const page = async (client: Client, query = '') => {
  const response = await client('GET', `/api/alerts${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PageBody;
};

/** "E1:upgrade" for each alert, sorted: what a person's inbox says, independent of order. */
const inbox = async (client: Client) =>
  (await page(client, '?limit=100')).items.map((a) => `${a.customer.code}:${a.kind}`).sort();

const countRows = async (table: 'alerts' | 'webhook_deliveries') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await openGradeWorld(t.handle.db, t.people);
  const logins = ['admin', 'managerEast', 'managerSouth', 'repEast1', 'repEast2', 'repSouth1'] as const;
  clients = Object.fromEntries(
    await Promise.all(logins.map(async (login) => [login, await t.as(login)] as const)),
  ) as typeof clients;
  await t.handle.db
    .insertInto('webhooks')
    .values({
      name: 'all events',
      url: 'http://127.0.0.1:9/unused',
      secret: 'x'.repeat(32),
      events: ['grade.upgrade', 'grade.downgrade', 'grade.entered_top', 'grade.left_top', 'run.completed'],
    })
    .execute();
});
afterAll(async () => t.close());

describe('grade alerts from runs', () => {
  it("a model's first run sets the baseline: no grade alerts, only run.completed for webhooks", async () => {
    await w.setSales(w.customers.E1, 5_000);
    await w.setSales(w.customers.E2, 20_000);
    await w.setSales(w.customers.S1, 500);
    await w.setSales(w.customers.U1, 5_000);
    const first = await w.run('2025-01-01');
    expect(first.population).toBe(4);
    expect(await countRows('alerts')).toBe(0);
    const deliveries = await t.handle.db.selectFrom('webhook_deliveries').select('event').execute();
    expect(deliveries.map((d) => d.event)).toEqual(['run.completed']);
  });

  it('moves up, down, into and out of the top grade alert the owner and the team manager, nobody else', async () => {
    await w.setSales(w.customers.E1, 15_000); // B → A
    await w.setSales(w.customers.E2, 2_000); // A → B
    await w.setSales(w.customers.S1, 1_500); // C → B
    await w.setSales(w.customers.U1, 50_000); // B → A, but nobody owns it
    await w.run('2025-02-01');

    expect(await inbox(clients.repEast1)).toEqual(['E1:entered_top', 'E1:upgrade']);
    expect(await inbox(clients.repEast2)).toEqual(['E2:downgrade', 'E2:left_top']);
    expect(await inbox(clients.managerEast)).toEqual([
      'E1:entered_top',
      'E1:upgrade',
      'E2:downgrade',
      'E2:left_top',
    ]);
    expect(await inbox(clients.repSouth1)).toEqual(['S1:upgrade']);
    expect(await inbox(clients.managerSouth)).toEqual(['S1:upgrade']);
    expect(await inbox(clients.admin)).toEqual([]);
    expect(await countRows('alerts')).toBe(2 + 2 + 4 + 1 + 1);
  });

  it('an alert names the customer, the model and both grades in Chinese and English', async () => {
    const [upgrade] = (await page(clients.repEast1)).items.filter((a) => a.kind === 'upgrade');
    expect(upgrade).toMatchObject({ from: { code: 'B' }, to: { code: 'A' }, read: false });
    expect(upgrade!.message).toEqual({
      'zh-CN': '「江苏恒瑞机械制造有限公司」在「累计销售额分档」中由 B 类 升至 A 类',
      'en-US': '江苏恒瑞机械制造有限公司 moved up from Grade B to Grade A in Cumulative sales bins',
    });
  });

  it('webhook events are one per change and kind, not one per recipient', async () => {
    const events = await t.handle.db
      .selectFrom('webhook_deliveries')
      .select('event')
      .where('event', 'like', 'grade.%')
      .execute();
    // E1 upgrade+entered_top, E2 downgrade+left_top, S1 upgrade, U1 upgrade+entered_top
    expect(events.map((e) => e.event).sort()).toEqual([
      'grade.downgrade',
      'grade.entered_top',
      'grade.entered_top',
      'grade.left_top',
      'grade.upgrade',
      'grade.upgrade',
      'grade.upgrade',
    ]);
  });

  it('leaving the population from the top grade is left_top, not a downgrade', async () => {
    await w.setSales(w.customers.E1, 0);
    await w.run('2025-03-01');
    const latest = (await page(clients.repEast1)).items[0]!;
    expect(latest).toMatchObject({ kind: 'left_top', from: { code: 'A' }, to: null });
    expect(latest.message['en-US']).toContain('now not graded');
    expect(await inbox(clients.repEast1)).toEqual(['E1:entered_top', 'E1:left_top', 'E1:upgrade']);
  });

  it('a run that rolls back raises no alert and enqueues no delivery', async () => {
    const alerts = await countRows('alerts');
    const deliveries = await countRows('webhook_deliveries');
    await w.setSales(w.customers.E2, 30_000);
    const failed = executeRun(t.handle.db, {
      modelId: w.modelId,
      asOf: '2025-04-01',
      trigger: 'cli',
      startedBy: null,
      onStage: (stage) => {
        if (stage === 'commit') throw new Error('disk full');
      },
    });
    await expect(failed).rejects.toThrow('disk full');
    expect(await countRows('alerts')).toBe(alerts);
    expect(await countRows('webhook_deliveries')).toBe(deliveries);
    await w.run('2025-04-01');
    expect(await countRows('alerts')).toBe(alerts + 4);
  });
});

describe('the inbox', () => {
  it('a rep cannot read or mark another rep’s alert', async () => {
    const theirs = (await page(clients.repEast2)).items[0]!;
    expect((await clients.repEast1('POST', `/api/alerts/${theirs.id}/read`)).status).toBe(404);
    expect((await page(clients.repEast2)).items[0]!.read).toBe(false);
  });

  it('unread filter, summary, mark one read, then all', async () => {
    const summary = async () =>
      (await (await clients.managerEast('GET', '/api/alerts/summary')).json()) as {
        unread: number;
        unreadByKind: Record<string, number>;
      };
    const before = await summary();
    const all = await page(clients.managerEast, '?limit=100');
    expect(before.unread).toBe(all.total);
    expect(before.unreadByKind).toEqual({
      upgrade: all.items.filter((a) => a.kind === 'upgrade').length,
      downgrade: all.items.filter((a) => a.kind === 'downgrade').length,
      entered_top: all.items.filter((a) => a.kind === 'entered_top').length,
      left_top: all.items.filter((a) => a.kind === 'left_top').length,
      churn_risk: 0,
      pool_warning: 0,
    });
    const first = all.items[0]!;
    const read = (await (
      await clients.managerEast('POST', `/api/alerts/${first.id}/read`)
    ).json()) as AlertBody;
    expect(read.read).toBe(true);
    expect((await summary()).unread).toBe(before.unread - 1);
    expect((await page(clients.managerEast, '?unread=true&limit=100')).items.map((a) => a.id)).not.toContain(
      first.id,
    );
    const readAll = await clients.managerEast('POST', '/api/alerts/read-all');
    expect(await readAll.json()).toEqual({ updated: before.unread - 1 });
    expect((await summary()).unread).toBe(0);
    expect((await page(clients.managerEast, '?unread=true')).total).toBe(0);
    expect((await summary()).unread).toBe(0);
    expect((await page(clients.repEast1, '?unread=true')).total).toBeGreaterThan(0);
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const all = (await page(clients.managerEast, '?limit=100')).items.map((a) => a.id);
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const next: PageBody = await page(clients.managerEast, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...next.items.map((a) => a.id));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual(all);
    expect(all).toEqual([...all].sort((a, b) => b - a));
  });
});

describe('churn risk and instant changes', () => {
  const change = async (key: string, customerId: number, from: number | null, to: number | null) => {
    const model = (await findModelByKey(t.handle.db, key))!;
    const row = await t.handle.db
      .insertInto('grade_changes')
      .values({
        model_id: model.id,
        customer_id: customerId,
        from_grade: from,
        to_grade: to,
        cause: 'instant',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { modelId: model.id, changeIds: [row.id] };
  };
  const repSouthAlerts = () =>
    t.handle.db
      .selectFrom('alerts')
      .select(['id', 'kind'])
      .where('user_id', '=', t.people.repSouth1)
      .execute();
  const kindsRaised = async (key: string, from: number | null, to: number | null) => {
    const before = new Set((await repSouthAlerts()).map((a) => a.id));
    await raiseGradeAlerts(t.handle.db, await change(key, w.customers.S1, from, to));
    return (await repSouthAlerts())
      .filter((a) => !before.has(a.id))
      .map((a) => a.kind)
      .sort();
  };

  it('RFM loyal → at_risk is a downgrade and a churn risk; at_risk → lost only a downgrade', async () => {
    expect(await kindsRaised('rfm', 1, 7)).toEqual(['churn_risk', 'downgrade']);
    expect(await kindsRaised('rfm', 7, 10)).toEqual(['downgrade']);
  });

  it('a new customer graded straight into hibernating is a churn risk', async () => {
    expect(await kindsRaised('rfm', null, 9)).toEqual(['churn_risk']);
  });

  it('lifecycle stages are not ranks: stable → declining is only a churn risk, target → intent nothing', async () => {
    expect(await kindsRaised('lifecycle', 4, 5)).toEqual(['churn_risk']);
    expect(await kindsRaised('lifecycle', 0, 1)).toEqual([]);
    expect(await kindsRaised('lifecycle', 5, 6)).toEqual([]);
  });

  it('the same changes raised twice give each recipient one alert', async () => {
    const source = await change('rfm', w.customers.S1, 2, 0);
    const first = await raiseGradeAlerts(t.handle.db, source);
    const second = await raiseGradeAlerts(t.handle.db, source);
    expect(first.alerts).toBe(2 * 2); // upgrade + entered_top, to the rep and the south manager
    expect(second.alerts).toBe(0);
  });

  it('an empty list of changes raises nothing', async () => {
    expect(await raiseGradeAlerts(t.handle.db, { modelId: w.modelId, changeIds: [] })).toEqual({
      events: 0,
      alerts: 0,
      deliveries: 0,
      runDeliveries: 0,
    });
  });
});

describe('the unread count of a full inbox', () => {
  it('the bell and the inbox count the newest 1,001 alerts in scope at most, by kind too, and say so', async () => {
    // Older alerts of other kinds, 1,100 downgrades, then the newest of all about a customer out of the rep's scope.
    const synthetic = (kind: string, customerId: number, count: number, firstChange: number) =>
      sql`INSERT INTO alerts (user_id, kind, model_id, customer_id, change_id, payload)
          SELECT ${t.people.repSouth1}, ${kind}, ${w.modelId}, ${customerId}, ${firstChange} + g,
            (SELECT payload FROM alerts WHERE kind = 'downgrade' ORDER BY id LIMIT 1)
          FROM generate_series(1, ${count}) AS g`.execute(t.handle.db);
    await synthetic('churn_risk', w.customers.S1, 30, 9_000_000);
    await synthetic('downgrade', w.customers.S1, 1100, 9_100_000);
    await synthetic('upgrade', w.customers.E1, 50, 9_200_000);
    const summary = async () =>
      (await (await clients.repSouth1('GET', '/api/alerts/summary')).json()) as object;
    expect(await summary()).toEqual({
      unread: 1001,
      capped: true,
      unreadByKind: {
        upgrade: 0,
        downgrade: 1001,
        entered_top: 0,
        left_top: 0,
        churn_risk: 0,
        pool_warning: 0,
      },
    });
    const unreadPage = (await page(clients.repSouth1, '?unread=true')) as PageBody & { capped: boolean };
    expect([unreadPage.total, unreadPage.capped]).toEqual([1001, true]);
    expect(unreadPage.items.map((a) => a.kind)).toEqual(unreadPage.items.map(() => 'downgrade'));
    await clients.repSouth1('POST', '/api/alerts/read-all');
    expect(await summary()).toMatchObject({ unread: 0, capped: false });
    expect(await page(clients.repSouth1, '?unread=true')).toMatchObject({ total: 0, capped: false });
  });
});
