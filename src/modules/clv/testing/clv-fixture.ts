import { parseModel, toDayNumber, toIsoDate, type RunParams } from '../../../engine/index.js';
import type { Client, TestApp } from '../../../testing/test-app.js';
import { measureCustomers } from '../../grading/metrics.service.js';
import { readRunParams } from '../../grading/run.repository.js';
import { clvMetrics } from '../clv-metrics.js';

const grade = (code: string, zh: string, en: string, color: string) => ({
  code,
  name: { 'zh-CN': zh, 'en-US': en },
  color,
});

/** A score model whose factors are the three CLV metrics. */
export const CLV_MODEL = {
  name: { 'zh-CN': '客户终身价值分级', 'en-US': 'Lifetime value tiers' },
  method: { kind: 'thresholds', thresholds: [75, 50, 25] },
  factors: [
    { id: 'value', metric: 'clv_12m', normaliser: { kind: 'percentile' }, weight: 2 },
    { id: 'alive', metric: 'p_alive', normaliser: { kind: 'minmax' }, weight: 1 },
    { id: 'next', metric: 'expected_purchases_12m', normaliser: { kind: 'percentile' }, weight: 1 },
  ],
  ladder: [
    grade('A', '甲', 'A', '#c41d7f'),
    grade('B', '乙', 'B', '#1677ff'),
    grade('C', '丙', 'C', '#52c41a'),
    grade('D', '丁', 'D', '#8c8c8c'),
  ],
  clv: { cycleMultiple: 3, pAliveThreshold: 0.2 },
};

export interface ClvWorld {
  modelId: number;
  /** Customers of repEast1 (east) then repSouth1 (south); the last of each has no orders. */
  east: number[];
  south: number[];
}

/**
 * 24 customers with purchase histories in 2024: customer c buys up to 9 times at its own gap, some twice on one
 * day; the amounts vary with c. Then the CLV model is created.
 */
export async function seedClvWorld(t: TestApp, admin: Client): Promise<ClvWorld> {
  const world: ClvWorld = { modelId: 0, east: [], south: [] };
  const start = toDayNumber('2024-01-15');
  for (let c = 0; c < 24; c++) {
    const east = c < 12;
    const response = await admin('POST', '/api/customers', {
      code: `CLV${c}`,
      name: `预测客户${c}`,
      ownerId: east ? t.people.repEast1 : t.people.repSouth1,
    });
    const id = ((await response.json()) as { id: number }).id;
    (east ? world.east : world.south).push(id);
    if (c % 12 === 11) continue;
    const purchases = 1 + ((c * 5) % 9);
    // Buying rhythms from weekly to bimonthly; every fourth customer stopped buying early.
    const gap = 5 + ((c * 13) % 60);
    const lastK = c % 4 === 0 ? Math.min(purchases, 3) : purchases;
    const orders = [];
    for (let k = 0; k < lastK; k++) {
      const day = toIsoDate(start + c * 2 + k * gap);
      orders.push({ order_no: `CLV${c}-${k}`, order_date: day, amount: (100 + c * 40 + k * 7).toFixed(2) });
      if (k % 3 === 1) orders.push({ order_no: `CLV${c}-${k}b`, order_date: day, amount: '15.50' });
    }
    await t.handle.db
      .insertInto('orders')
      .values(
        orders.map((o) => ({ ...o, customer_id: id, gross_profit: (Number(o.amount) * 0.3).toFixed(2) })),
      )
      .execute();
  }
  const created = await admin('POST', '/api/grading/models', { key: 'clv-tiers', definition: CLV_MODEL });
  world.modelId = ((await created.json()) as { id: number }).id;
  return world;
}

/** Customers' CLV metrics as of a day, scored against a run's stored fit: what an instant re-grade stores. */
export async function scoredOnStoredFit(t: TestApp, runId: number, customerIds: number[], asOf: string) {
  const model = parseModel(CLV_MODEL);
  return clvMetrics(
    t.handle.db,
    model,
    await measureCustomers(t.handle.db, model, asOf, customerIds),
    asOf,
    (await readRunParams<RunParams>(t.handle.db, runId)).clv!,
  );
}
