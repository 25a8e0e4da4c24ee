import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backfillResultFigures } from '../../db/migrations/013_result_figures.js';
import { currentSummary, keepSummary } from './summary-cache.repository.js';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let compositeId: number;
let firstRunId: number;
let secondRunId: number;

interface Summary {
  population: number;
  totals: { sales: string; profit: string };
  grades: {
    code: string;
    count: number;
    sales: string;
    repeatRate: number | null;
    churnRate: number | null;
  }[];
  concentration: { sales: { gini: number | null; points: { customers: number; value: number }[] } };
  composition: Record<string, { key: string | null; total: number }[]>;
}

const body = async <T>(response: Response) => (await response.json()) as T;
const summaryOf = async (client: Client, query = '') =>
  body<Summary>(await client('GET', `/api/analytics/runs/${secondRunId}/summary${query}`));

/** Ten customers per rep; the k-th (1–10) of each rep bought ¥1,234·k once, with ¥300·k gross profit. */
beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2025-03-01T10:00:00+08:00'));
  [admin, managerEast, repEast1] = await Promise.all([t.as('admin'), t.as('managerEast'), t.as('repEast1')]);
  const owners = [t.people.repEast1, t.people.repEast2, t.people.repSouth1];
  const teams = [t.people.teamEast, t.people.teamEast, t.people.teamSouth];
  let n = 0;
  for (const [o, ownerId] of owners.entries()) {
    for (let k = 1; k <= 10; k++) {
      n++;
      const created = await body<{ id: number }>(
        await admin('POST', '/api/customers', {
          code: `A${n}`,
          name: `分析客户${n}`,
          ownerId,
          teamId: teams[o],
          province: o === 2 ? '广东省' : '江苏省',
          industry: k % 2 === 0 ? 'manufacturing' : 'logistics',
        }),
      );
      await t.handle.db
        .insertInto('orders')
        .values({
          customer_id: created.id,
          order_no: `A${n}`,
          order_date: '2024-10-01',
          amount: (k * 1234).toFixed(2),
          gross_profit: (k * 300).toFixed(2),
        })
        .execute();
    }
  }
  const models = await body<{ items: { id: number; key: string }[] }>(
    await admin('GET', '/api/grading/models'),
  );
  compositeId = models.items.find((m) => m.key === 'composite')!.id;
  firstRunId = (
    await body<{ runId: number }>(await admin('POST', `/api/grading/models/${compositeId}/runs`, {}))
  ).runId;
  secondRunId = (
    await body<{ runId: number }>(await admin('POST', `/api/grading/models/${compositeId}/runs`, {}))
  ).runId;
});
afterAll(async () => t.close());

describe('run summary', () => {
  it('an admin sees every graded customer and the sales of all of them', async () => {
    const summary = await summaryOf(admin);
    expect(summary.population).toBe(30);
    expect(summary.totals.sales).toBe((3 * 55 * 1234).toFixed(2));
    expect(summary.totals.profit).toBe((3 * 55 * 300).toFixed(2));
    expect(summary.grades.map((g) => g.count)).toEqual([6, 9, 9, 6]);
  });

  it('a run made before results kept their figures gets, from the migration, the figures a run stores', async () => {
    const figuresOf = () =>
      t.handle.db
        .selectFrom('grading_results')
        .select(['customer_id', 'sales', 'profit', 'contacts', 'orders', 'first_order', 'last_order'])
        .where('run_id', '=', secondRunId)
        .orderBy('customer_id')
        .execute();
    const stored = await figuresOf();
    expect(stored.filter((row) => Number(row.sales) > 0)).toHaveLength(30);
    const before = await summaryOf(admin);
    await t.handle.db
      .updateTable('grading_results')
      .set({ sales: null, profit: null, contacts: null, orders: null, first_order: null, last_order: null })
      .where('run_id', '=', secondRunId)
      .execute();
    await sql.raw(backfillResultFigures).execute(t.handle.db);
    expect(await figuresOf()).toEqual(stored);
    expect(await summaryOf(admin)).toEqual(before);
  });

  it("a rep's figures count only the rep's own customers", async () => {
    const summary = await summaryOf(repEast1);
    expect(summary.population).toBe(10);
    expect(summary.totals.sales).toBe((55 * 1234).toFixed(2));
    expect(summary.grades.reduce((sum, g) => sum + g.count, 0)).toBe(10);
    expect(summary.composition.province).toEqual([{ key: '江苏省', counts: expect.any(Array), total: 10 }]);
  });

  it("a manager's figures count the team's customers", async () => {
    const summary = await summaryOf(managerEast);
    expect(summary.population).toBe(20);
    expect(summary.totals.sales).toBe((2 * 55 * 1234).toFixed(2));
  });

  it("an admin filtering by a rep's id gets exactly the rep's numbers", async () => {
    const filtered = await summaryOf(admin, `?ownerId=${t.people.repEast1}`);
    const own = await summaryOf(repEast1);
    expect(filtered.population).toBe(own.population);
    expect(filtered.totals).toEqual(own.totals);
  });

  it("a filter never widens a rep's scope: another rep's id gives an empty population", async () => {
    const summary = await summaryOf(repEast1, `?ownerId=${t.people.repEast2}`);
    expect(summary.population).toBe(0);
    expect(summary.concentration.sales.points).toEqual([]);
    expect(summary.concentration.sales.gini).toBeNull();
  });

  it('filters by province and industry combine', async () => {
    const summary = await summaryOf(
      admin,
      `?province=${encodeURIComponent('广东省')}&industry=manufacturing`,
    );
    expect(summary.population).toBe(5);
    expect(summary.totals.sales).toBe(((2 + 4 + 6 + 8 + 10) * 1234).toFixed(2));
  });

  it('the Gini of sales 1234·k for k = 1..10 is 0.3 and the top tenth brings 10/55 of sales', async () => {
    const { concentration } = await summaryOf(repEast1);
    expect(concentration.sales.gini).toBeCloseTo(0.3, 12);
    expect(concentration.sales.points[0]).toEqual({ customers: 0, value: 0 });
    expect(concentration.sales.points[1]!.customers).toBeCloseTo(0.1, 12);
    expect(concentration.sales.points[1]!.value).toBeCloseTo(10 / 55, 12);
    expect(concentration.sales.points.at(-1)).toEqual({ customers: 1, value: 1 });
  });

  it('every buyer bought once: repeat-purchase rate 0, nobody churned', async () => {
    const summary = await summaryOf(admin);
    for (const grade of summary.grades) {
      expect(grade.repeatRate).toBe(0);
      expect(grade.churnRate).toBe(0);
    }
  });

  it('an unknown run is not found', async () => {
    expect((await admin('GET', '/api/analytics/runs/999999/summary')).status).toBe(404);
  });
});

describe('trend and migration', () => {
  it("the trend counts each run's grades among the rep's customers", async () => {
    const trend = await body<{ runs: { runId: number; counts: number[] }[] }>(
      await repEast1('GET', `/api/analytics/trend?modelId=${compositeId}`),
    );
    expect(trend.runs.map((r) => r.runId)).toEqual([firstRunId, secondRunId]);
    for (const run of trend.runs) expect(run.counts.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it("the admin's unfiltered trend (each run's recorded counts) equals the trend filtered to every team", async () => {
    type Trend = { runs: { runId: number; counts: number[] }[] };
    const everyone = await body<Trend>(await admin('GET', `/api/analytics/trend?modelId=${compositeId}`));
    const teams = `${t.people.teamEast},${t.people.teamSouth}`;
    const everyTeam = await body<Trend>(
      await admin('GET', `/api/analytics/trend?modelId=${compositeId}&teamId=${teams}`),
    );
    expect(everyone).toEqual(everyTeam);
    for (const run of everyone.runs) expect(run.counts.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it("the admin's migration from the previous run is kept with the company summary and equals it over every team", async () => {
    type Cells = { cells: { from: number; to: number; count: number }[] };
    const query = `/api/analytics/migration?fromRunId=${firstRunId}&toRunId=${secondRunId}`;
    const cellsOf = async (path: string) =>
      (await body<Cells>(await admin('GET', path))).cells.sort((a, b) => a.from - b.from || a.to - b.to);
    const everyone = await cellsOf(query);
    expect(everyone).toEqual(await cellsOf(`${query}&teamId=${t.people.teamEast},${t.people.teamSouth}`));
    expect(everyone.reduce((sum, cell) => sum + cell.count, 0)).toBe(30);
    await sql`UPDATE run_summaries
              SET summary = jsonb_set(summary, '{migrationFromPrevious}', '[{"from": 0, "to": 0, "count": 777}]')
              WHERE run_id = ${secondRunId}`.execute(t.handle.db);
    expect(await cellsOf(query)).toEqual([{ from: 0, to: 0, count: 777 }]);
    await t.handle.db.deleteFrom('run_summaries').where('run_id', '=', secondRunId).execute();
    expect(await cellsOf(query)).toEqual(everyone);
  });

  it('two runs on the same data keep every customer in its grade, counted in scope', async () => {
    const query = `fromRunId=${firstRunId}&toRunId=${secondRunId}`;
    const forRep = await body<{ cells: { from: number; to: number; count: number }[] }>(
      await repEast1('GET', `/api/analytics/migration?${query}`),
    );
    expect(forRep.cells.every((cell) => cell.from === cell.to)).toBe(true);
    expect(forRep.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(10);
    const forAdmin = await body<{ cells: { count: number }[] }>(
      await admin('GET', `/api/analytics/migration?${query}`),
    );
    expect(forAdmin.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(30);
  });
});

describe('metrics and workbooks', () => {
  it("the metric catalogue lists the engine's metrics with units and both names", async () => {
    const { items } = await body<{ items: { id: string; unit: string; name: Record<string, string> }[] }>(
      await repEast1('GET', '/api/grading/metrics'),
    );
    expect(items.find((m) => m.id === 'sales_window')).toMatchObject({
      unit: 'currency',
      name: { 'zh-CN': '窗口期销售额', 'en-US': 'Sales in window' },
    });
    expect(items.length).toBeGreaterThan(30);
  });

  it('a chart export is an XLSX file (a zip) named after the chart', async () => {
    const response = await repEast1('POST', '/api/analytics/xlsx', {
      filename: '客户金字塔',
      sheets: [
        {
          name: '数据',
          rows: [
            ['等级', '客户数'],
            ['A', 2],
          ],
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('客户金字塔'));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('a workbook without sheets is refused', async () => {
    const response = await repEast1('POST', '/api/analytics/xlsx', { filename: 'x', sheets: [] });
    expect(response.status).toBe(400);
  });
});

describe("the admin's kept company-wide summary", () => {
  const teams = () => `?teamId=${t.people.teamEast},${t.people.teamSouth}`;

  it('is kept when the run is made, and equals the summary filtered to every team', async () => {
    const kept = await t.handle.db
      .selectFrom('run_summaries')
      .select('run_id')
      .where('run_id', '=', secondRunId)
      .where('scope', '=', 'all')
      .execute();
    expect(kept).toHaveLength(1);
    expect(await summaryOf(admin)).toEqual(await summaryOf(admin, teams()));
    // Served from what was kept, not computed again:
    await sql`UPDATE run_summaries SET summary = jsonb_set(summary, '{population}', '12345')
              WHERE run_id = ${secondRunId} AND scope = 'all'`.execute(t.handle.db);
    expect((await summaryOf(admin)).population).toBe(12345);
    await t.handle.db.deleteFrom('run_summaries').where('run_id', '=', secondRunId).execute();
    expect((await summaryOf(admin)).population).toBe(30);
  });

  it('a change to what the summary does not read (a phone number) keeps it', async () => {
    await summaryOf(admin);
    await sql`UPDATE run_summaries SET summary = jsonb_set(summary, '{population}', '12345')
              WHERE run_id = ${secondRunId}`.execute(t.handle.db);
    const customer = (
      await t.handle.db.selectFrom('customers').select('id').where('code', '=', 'A2').execute()
    )[0]!;
    expect((await admin('PATCH', `/api/customers/${customer.id}`, { phone: '021-5555-0100' })).status).toBe(
      200,
    );
    expect((await summaryOf(admin)).population).toBe(12345);
    expect((await admin('PATCH', `/api/customers/${customer.id}`, { industry: 'chemicals' })).status).toBe(
      200,
    );
    expect((await summaryOf(admin)).population).toBe(30);
  });

  it('a customer changed or deleted after it was kept is counted at the next view', async () => {
    const customer = (
      await t.handle.db.selectFrom('customers').select('id').where('code', '=', 'A1').execute()
    )[0]!;
    expect((await admin('PATCH', `/api/customers/${customer.id}`, { province: '浙江省' })).status).toBe(200);
    const moved = await summaryOf(admin);
    expect(moved.composition.province!.find((row) => row.key === '浙江省')?.total).toBe(1);
    expect(moved).toEqual(await summaryOf(admin, teams()));
    expect((await admin('DELETE', `/api/customers/${customer.id}`)).status).toBe(204);
    const deleted = await summaryOf(admin);
    expect(deleted.population).toBe(29);
    expect(deleted).toEqual(await summaryOf(admin, teams()));
  });

  it("is stale exactly when a change to a customer's figures is not visible in its snapshot", async () => {
    const db = t.handle.db;
    const customer = (await db.selectFrom('customers').select('id').where('code', '=', 'A3').execute())[0]!;
    const writeIn = async (statement: ReturnType<typeof sql>, abort = false) => {
      let xid = 0n;
      await db
        .transaction()
        .execute(async (trx) => {
          xid = BigInt(
            (await sql<{ xid: string }>`SELECT pg_current_xact_id()::text AS xid`.execute(trx)).rows[0]!.xid,
          );
          await statement.execute(trx);
          if (abort) throw new Error('roll back');
        })
        .catch(() => undefined);
      return xid;
    };
    const keptWith = async (snapshot: string) => {
      await keepSummary(db, secondRunId, 'all', { snapshot }, { kept: true });
      return currentSummary(db, secondRunId, 'all');
    };
    const seenBy = (xid: bigint) => `${xid + 1n}:${xid + 1n}:`;
    const inFlightAt = (xid: bigint) => `${xid}:${xid + 1n}:${xid}`;
    const notYetStarted = (xid: bigint) => `${xid}:${xid}:`;

    const figures = await writeIn(sql`UPDATE customers SET industry = 'textiles' WHERE id = ${customer.id}`);
    expect(await keptWith(seenBy(figures))).toEqual({ kept: true });
    expect(await keptWith(inFlightAt(figures))).toBeUndefined();
    expect(await keptWith(notYetStarted(figures))).toBeUndefined();

    const later = await writeIn(sql`UPDATE customers SET phone = '021-5555-0199' WHERE id = ${customer.id}`);
    expect(await keptWith(seenBy(figures))).toEqual({ kept: true });
    expect(await keptWith(`${figures + 1n}:${later + 1n}:${later}`)).toEqual({ kept: true });

    const aborted = await writeIn(
      sql`UPDATE customers SET industry = 'mining' WHERE id = ${customer.id}`,
      true,
    );
    expect(await keptWith(`${figures + 1n}:${aborted + 1n}:${aborted}`)).toEqual({ kept: true });

    const unrelated = await writeIn(sql`UPDATE users SET phone = '021-5555-0198' WHERE login = 'admin'`);
    expect(await keptWith(`${figures + 1n}:${unrelated + 1n}:${unrelated}`)).toEqual({ kept: true });
    await db.deleteFrom('run_summaries').where('run_id', '=', secondRunId).execute();
  });
});

describe("a manager's and a rep's kept summaries", () => {
  const scopesKept = async () =>
    (
      await t.handle.db
        .selectFrom('run_summaries')
        .select('scope')
        .where('run_id', '=', secondRunId)
        .orderBy('scope')
        .execute()
    ).map((row) => row.scope);

  it('are kept under their own scope and equal what their filters compute', async () => {
    await t.handle.db.deleteFrom('run_summaries').where('run_id', '=', secondRunId).execute();
    const manager = await summaryOf(managerEast);
    const rep = await summaryOf(repEast1);
    expect(await scopesKept()).toEqual([
      `owner:${t.people.repEast1}`,
      `team:${t.people.teamEast}+owner:${t.people.managerEast}`,
    ]);
    expect(manager).toEqual(await summaryOf(managerEast, `?teamId=${t.people.teamEast}`));
    expect(rep).toEqual(await summaryOf(repEast1, `?ownerId=${t.people.repEast1}`));
    expect(rep.population).toBeLessThan(manager.population);
  });

  it("serve each user only their own scope's figures", async () => {
    const manager = await summaryOf(managerEast);
    await sql`UPDATE run_summaries SET summary = jsonb_set(summary, '{population}', '12345')
              WHERE run_id = ${secondRunId} AND scope = ${`owner:${t.people.repEast1}`}`.execute(t.handle.db);
    expect((await summaryOf(repEast1)).population).toBe(12345);
    expect(await summaryOf(managerEast)).toEqual(manager);
    const repEast2 = await t.as('repEast2');
    expect((await summaryOf(repEast2)).population).toBe(10);
    expect((await summaryOf(admin)).population).not.toBe(12345);
    await t.handle.db.deleteFrom('run_summaries').where('run_id', '=', secondRunId).execute();
  });

  it('a customer given to another rep is counted where it now is, in both kept summaries', async () => {
    const repEast2 = await t.as('repEast2');
    const [before1, before2] = [await summaryOf(repEast1), await summaryOf(repEast2)];
    const customer = (
      await t.handle.db
        .selectFrom('customers')
        .select('id')
        .where('owner_id', '=', t.people.repEast1)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .limit(1)
        .execute()
    )[0]!;
    expect(
      (await admin('PATCH', `/api/customers/${customer.id}`, { ownerId: t.people.repEast2 })).status,
    ).toBe(200);
    expect((await summaryOf(repEast1)).population).toBe(before1.population - 1);
    expect((await summaryOf(repEast2)).population).toBe(before2.population + 1);
  });
});
