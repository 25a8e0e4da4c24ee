import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClvRunParams } from '../../engine/clv/forecast.js';
import { parseModel, type RunParams } from '../../engine/index.js';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { readRunParams } from '../grading/run.repository.js';
import { executeRun } from '../grading/run.service.js';
import { regradeCustomers } from '../grading/instant.service.js';
import { measureCustomers } from '../grading/metrics.service.js';
import { verifyRun } from '../grading/verify.service.js';
import { clvMetrics } from './clv-metrics.js';
import type { ClvTables } from './clv.tables.js';
import { CLV_MODEL, scoredOnStoredFit, seedClvWorld, type ClvWorld } from './testing/clv-fixture.js';

const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');
let t: TestApp;
let admin: Client;
let world: ClvWorld;
let firstRun: number;

const forecasts = () =>
  t.handle.db
    .withTables<ClvTables>()
    .selectFrom('customer_forecasts')
    .selectAll()
    .orderBy('customer_id')
    .execute();
const churnAlerts = () =>
  t.handle.db.selectFrom('alerts').selectAll().where('kind', '=', 'churn_risk').orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp({}, () => RUN_DAY);
  admin = await t.as('admin');
  world = await seedClvWorld(t, admin);
  const run = await executeRun(t.handle.db, {
    modelId: world.modelId,
    asOf: '2025-01-01',
    trigger: 'cli',
    startedBy: null,
  });
  firstRun = run.runId;
});
afterAll(async () => t.close());

describe('a grading run whose model uses CLV metrics', () => {
  it('stores the fitted BG/NBD and Gamma-Gamma parameters with their diagnostics in the run', async () => {
    const params = await readRunParams<RunParams>(t.handle.db, firstRun);
    const clv = params.clv as ClvRunParams;
    expect(clv.bgnbd).toMatchObject({ r: expect.any(Number), alpha: expect.any(Number) });
    expect(clv.gammaGamma).toMatchObject({ p: expect.any(Number), q: expect.any(Number) });
    expect(clv.diagnostics.bgnbd?.logLikelihood).toBeLessThan(0);
    expect(clv.customers).toBe(22);
    expect(clv.settings).toMatchObject({ cycleMultiple: 3, pAliveThreshold: 0.2, monthlyDiscountRate: 0.01 });
  });

  it('writes one forecast per customer with a purchase, as of the run, in its transaction', async () => {
    const rows = await forecasts();
    expect(rows).toHaveLength(22);
    expect(rows.every((r) => r.run_id === firstRun && r.as_of === '2025-01-01')).toBe(true);
    for (const row of rows) {
      expect(row.p_alive).toBeGreaterThan(0);
      expect(row.p_alive).toBeLessThanOrEqual(1);
      expect(row.expected_purchases_12m).toBeGreaterThanOrEqual(0);
      expect(Number(row.clv_12m)).toBeGreaterThanOrEqual(0);
    }
    const withoutOrders = [world.east[11]!, world.south[11]!];
    expect(rows.map((r) => r.customer_id)).not.toEqual(expect.arrayContaining(withoutOrders));
  });

  it('verify re-computes the run from its stored CLV parameters bit for bit', async () => {
    const report = await verifyRun(t.handle.db, firstRun);
    expect(report.differences).toBe(0);
    expect(report.identical).toBe(true);
  });

  it('instant re-grade scores with the stored parameters: unchanged data change nothing', async () => {
    const changes = await t.handle.db
      .transaction()
      .execute((trx) => regradeCustomers(trx, [...world.east, ...world.south], 'order', RUN_DAY));
    expect(changes).toEqual([]);
  });

  it('re-scoring between runs reuses the stored fit: new orders elsewhere change no other forecast', async () => {
    const stored = (await readRunParams<RunParams>(t.handle.db, firstRun)).clv!;
    const model = parseModel(CLV_MODEL);
    const [changed, unchanged] = [world.east[2]!, world.east[3]!];
    await t.handle.db
      .insertInto('orders')
      .values({ customer_id: changed, order_no: 'CLV-EXTRA', order_date: '2024-12-30', amount: '99999.00' })
      .execute();
    const columns = await measureCustomers(t.handle.db, model, '2025-01-01', [changed, unchanged]);
    const reused = await clvMetrics(t.handle.db, model, columns, '2025-01-01', stored);
    const refitted = await clvMetrics(t.handle.db, model, columns, '2025-01-01');
    expect(reused.params).toBe(stored);
    expect(refitted.params.bgnbd).not.toEqual(stored.bgnbd);
    const row = (await forecasts()).find((f) => f.customer_id === unchanged)!;
    expect(reused.pAlive[1]).toBe(row.p_alive);
    expect(reused.expectedPurchases12m[1]).toBe(row.expected_purchases_12m);
    expect(reused.clv[1]!.toFixed(2)).toBe(row.clv_12m);
    await t.handle.db.deleteFrom('orders').where('order_no', '=', 'CLV-EXTRA').execute();
  });

  it('an order between runs moves its customer’s forecast at once, against the run’s stored fit; no other forecast moves', async () => {
    const before = await forecasts();
    // One not at risk, so that neither the order nor its removal raises a churn alert (the next test counts them).
    const buyer = before.find((f) => !f.churn_risk && world.east.includes(f.customer_id))!.customer_id;
    const response = await admin('POST', '/api/orders', {
      customerId: buyer,
      orderNo: 'CLV-INSTANT',
      orderDate: '2024-12-31',
      amount: '88888.00',
    });
    expect(response.status, await response.text()).toBe(201);
    const after = await forecasts();
    const expected = await scoredOnStoredFit(t, firstRun, [buyer], '2025-01-01');
    const moved = after.find((f) => f.customer_id === buyer)!;
    expect(moved).toMatchObject({ run_id: firstRun, as_of: '2025-01-01' });
    expect(moved.expected_purchases_12m).toBe(expected.expectedPurchases12m[0]);
    expect(moved.clv_12m).toBe(expected.clv[0]!.toFixed(2));
    expect(Number(moved.clv_12m)).toBeGreaterThan(
      Number(before.find((f) => f.customer_id === buyer)!.clv_12m),
    );
    const others = (rows: typeof before) =>
      rows.filter((f) => f.customer_id !== buyer).map(({ updated_at: _at, ...rest }) => rest);
    expect(others(after)).toEqual(others(before));
    await t.handle.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('orders').where('order_no', '=', 'CLV-INSTANT').execute();
      await regradeCustomers(trx, [buyer], 'order', RUN_DAY);
    });
    const restored = (await forecasts()).find((f) => f.customer_id === buyer)!;
    expect(restored.clv_12m).toBe(before.find((f) => f.customer_id === buyer)!.clv_12m);
    expect(await churnAlerts()).toEqual([]);
  });

  it('raises a churn-risk alert to owner and manager and a webhook event once, when a customer newly becomes a churn risk', async () => {
    expect(await churnAlerts()).toEqual([]);
    const atRiskBefore = new Set((await forecasts()).filter((f) => f.churn_risk).map((f) => f.customer_id));
    await t.handle.db
      .insertInto('webhooks')
      .values({
        name: 'crm',
        url: 'https://example.test/hook',
        secret: 's3cret',
        events: ['grade.churn_risk'],
      })
      .execute();
    const later = await executeRun(t.handle.db, {
      modelId: world.modelId,
      asOf: '2026-06-01',
      trigger: 'cli',
      startedBy: null,
    });
    const atRisk = (await forecasts()).filter((f) => f.churn_risk);
    expect(atRisk.every((f) => f.churn_reason === 'low_p_alive' || f.churn_reason === 'overdue')).toBe(true);
    const flagged = atRisk.filter((f) => !atRiskBefore.has(f.customer_id));
    expect(flagged.length).toBeGreaterThan(0);
    const alerts = await churnAlerts();
    const eastFlagged = flagged.filter((f) => world.east.includes(f.customer_id)).length;
    const southFlagged = flagged.length - eastFlagged;
    expect(alerts.filter((a) => a.user_id === t.people.repEast1)).toHaveLength(eastFlagged);
    expect(alerts.filter((a) => a.user_id === t.people.managerEast)).toHaveLength(eastFlagged);
    expect(alerts.filter((a) => a.user_id === t.people.repSouth1)).toHaveLength(southFlagged);
    expect(alerts[0]!.payload).toMatchObject({ cause: 'clv', runId: later.runId });
    const deliveries = await t.handle.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .where('event', '=', 'grade.churn_risk')
      .execute();
    expect(deliveries).toHaveLength(flagged.length);
    expect(deliveries[0]!.payload).toMatchObject({ cause: 'clv', churnReason: expect.any(String) });

    const repEast = await t.as('repEast1');
    const inbox = (await (await repEast('GET', '/api/alerts')).json()) as { items: { kind: string }[] };
    expect(inbox.items.filter((a) => a.kind === 'churn_risk')).toHaveLength(eastFlagged);

    await executeRun(t.handle.db, {
      modelId: world.modelId,
      asOf: '2026-07-01',
      trigger: 'cli',
      startedBy: null,
    });
    expect(await churnAlerts()).toHaveLength(alerts.length);
  });
});
