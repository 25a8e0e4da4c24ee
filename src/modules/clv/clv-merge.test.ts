import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { executeRun } from '../grading/run.service.js';
import type { ClvTables } from './clv.tables.js';
import { scoredOnStoredFit, seedClvWorld, type ClvWorld } from './testing/clv-fixture.js';

const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');
let t: TestApp;
let admin: Client;
let world: ClvWorld;
let runId: number;

const forecastOf = (customerId: number) =>
  t.handle.db
    .withTables<ClvTables>()
    .selectFrom('customer_forecasts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp({}, () => RUN_DAY);
  admin = await t.as('admin');
  world = await seedClvWorld(t, admin);
  ({ runId } = await executeRun(t.handle.db, {
    modelId: world.modelId,
    asOf: '2025-01-01',
    trigger: 'cli',
    startedBy: null,
  }));
});
afterAll(async () => t.close());

describe('a merge between CLV runs', () => {
  it('moves the survivor’s forecast at once, from both histories against the run’s stored fit', async () => {
    const survivor = world.south[5]!;
    const before = await forecastOf(survivor);
    expect(before.churn_risk).toBe(false);
    const duplicate = world.south[9]!;
    const merged = await admin('POST', `/api/customers/${survivor}/merge`, { duplicateIds: [duplicate] });
    expect(merged.status, await merged.text()).toBe(200);

    const expected = await scoredOnStoredFit(t, runId, [survivor], '2025-01-01');
    const after = await forecastOf(survivor);
    expect(after).toMatchObject({ run_id: runId, as_of: '2025-01-01' });
    expect(after.p_alive).toBe(expected.pAlive[0]);
    expect(after.expected_purchases_12m).toBe(expected.expectedPurchases12m[0]);
    expect(after.clv_12m).toBe(expected.clv[0]!.toFixed(2));
    expect(after.clv_12m).not.toBe(before.clv_12m);
  });

  // CLV17 bought 5 times, 46 days apart, until August; CLV21 7 times, 38 days apart, until October. Together they
  // bought twice as often and stopped 82 days before the day: a lapsed buyer by the stored fit.
  it('alerts the owner and the manager when the merged history makes the survivor a churn risk', async () => {
    const survivor = world.south[5]!;
    const { churn_risk: atRisk } = await forecastOf(survivor);
    const alerted = await t.handle.db
      .selectFrom('alerts')
      .select('user_id')
      .where('kind', '=', 'churn_risk')
      .where('customer_id', '=', survivor)
      .orderBy('user_id')
      .execute();
    expect(atRisk).toBe(true);
    expect(alerted.map((a) => a.user_id)).toEqual(
      [t.people.repSouth1, t.people.managerSouth].sort((a, b) => a - b),
    );
  });
});
