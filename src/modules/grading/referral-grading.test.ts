import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import type { ImportEntity } from '../imports/fields.js';
import { runImport } from '../imports/pipeline.js';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { findModelByKey } from './model.repository.js';
import { executeRun } from './run.service.js';
import { verifyRun } from './verify.service.js';

const AS_OF = '2025-01-01';
/** Midnight in Beijing on the run's as-of date: an instant re-grade then sees exactly the run's data. */
const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');

/** "客户背后的客户是一口井": graded by how many referred customers bought (2+ → A, 1 → B, none → C). */
const AMBASSADORS = {
  name: { 'zh-CN': '转介绍价值', 'en-US': 'Referral value' },
  factors: [
    {
      id: 'buyers',
      metric: 'referred_buyers',
      normaliser: { kind: 'bins', edges: [0, 1], scores: [0, 50, 100] },
      weight: 1,
    },
    { id: 'sales', metric: 'referred_sales_window', normaliser: { kind: 'minmax' }, weight: 0 },
  ],
  method: { kind: 'thresholds', thresholds: [80, 40] },
  ladder: [
    { code: 'A', name: { 'zh-CN': 'A', 'en-US': 'A' }, color: '#c41d7f' },
    { code: 'B', name: { 'zh-CN': 'B', 'en-US': 'B' }, color: '#1677ff' },
    { code: 'C', name: { 'zh-CN': 'C', 'en-US': 'C' }, color: '#8c8c8c' },
  ],
};

let t: TestApp;
let admin: Client;
let modelId: number;
const ids: Record<string, number> = {};

async function customer(code: string, referredBy?: string) {
  const response = await admin('POST', '/api/customers', {
    code,
    name: `转介绍客户${code}`,
    ownerId: t.people.repEast1,
    ...(referredBy ? { referredById: ids[referredBy] } : {}),
  });
  ids[code] = ((await response.json()) as { id: number }).id;
}

const order = (code: string, orderNo: string, amount: string, orderDate = '2024-06-01') =>
  admin('POST', '/api/orders', { customerId: ids[code], orderNo, orderDate, amount, grossProfit: '0' });

/** A CSV file imported as of the run's day, as the system. */
function importCsv(entity: ImportEntity, text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'stratum-referral-')), `${entity}.csv`);
  writeFileSync(path, text);
  return runImport(t.handle, systemActor, { entity, files: [{ path }] }, { now: () => RUN_DAY });
}

const gradeOf = async (code: string) =>
  (
    await t.handle.db
      .selectFrom('customer_grades')
      .select('grade_code')
      .where('model_id', '=', modelId)
      .where('customer_id', '=', ids[code]!)
      .executeTakeFirstOrThrow()
  ).grade_code;

beforeAll(async () => {
  t = await createTestApp({}, () => RUN_DAY);
  admin = await t.as('admin');
  await customer('R1');
  await customer('R2');
  await customer('P1', 'R1');
  await customer('P2', 'R1');
  await customer('Q1', 'R2');
  await order('P1', 'P1-1', '1200.50');
  await order('P1', 'P1-OLD', '999.00', '2023-06-01');
  await order('Q1', 'Q1-1', '300.00');
  const created = await admin('POST', '/api/grading/models', {
    key: 'referral-ambassadors',
    definition: AMBASSADORS,
    active: true,
  });
  expect(created.status).toBe(201);
  modelId = ((await created.json()) as { id: number }).id;
  await executeRun(t.handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
});
afterAll(async () => t.close());

describe('grading by referral value', () => {
  it("a run counts the referred customers who bought and their sales in the window on the referrer's row", async () => {
    expect(await gradeOf('R1')).toBe('B');
    expect(await gradeOf('R2')).toBe('B');
    expect(await gradeOf('P1')).toBe('C');
    const explanation = (await (
      await admin('GET', `/api/customers/${ids.R1}/grades/${modelId}/explanation`)
    ).json()) as { factors: { path: string; raw: number }[] };
    expect(Object.fromEntries(explanation.factors.map((f) => [f.path, f.raw]))).toMatchObject({
      buyers: 1,
      sales: 1200.5,
    });
  });

  it("a referred customer's first order re-grades its referrer in the same request", async () => {
    expect((await order('P2', 'P2-1', '50.00')).status).toBe(201);
    expect(await gradeOf('R1')).toBe('A');
    const change = await t.handle.db
      .selectFrom('grade_changes')
      .select(['from_grade', 'to_grade', 'detail'])
      .where('customer_id', '=', ids.R1!)
      .where('model_id', '=', modelId)
      .where('cause', '=', 'instant')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_grade: 1, to_grade: 0, detail: { trigger: 'referral' } });
  });

  it('moving a referral to another referrer re-grades the one it leaves and the one it joins', async () => {
    const response = await admin('PATCH', `/api/customers/${ids.Q1}`, { referredById: ids.R1 });
    expect(response.status).toBe(200);
    expect(await gradeOf('R2')).toBe('C');
    expect(await gradeOf('R1')).toBe('A');
    const explanation = (await (
      await admin('GET', `/api/customers/${ids.R1}/grades/${modelId}/explanation`)
    ).json()) as { factors: { path: string; raw: number }[] };
    expect(explanation.factors.find((f) => f.path === 'sales')?.raw).toBe(1200.5 + 50 + 300);
  });

  it('a referral link made through relationships re-grades the new referrer', async () => {
    await customer('S1');
    await customer('S2');
    await order('S2', 'S2-1', '10.00');
    await executeRun(t.handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
    expect(await gradeOf('S1')).toBe('C');
    const linked = await admin('POST', '/api/relationships', {
      customerId: ids.S1,
      relatedCustomerId: ids.S2,
      kind: 'referred',
    });
    expect(linked.status).toBe(201);
    expect(await gradeOf('S1')).toBe('B');
  });

  it("a relationships file's referral link re-grades the new referrer as the import commits", async () => {
    await customer('T1');
    await customer('T2');
    await order('T2', 'T2-1', '10.00');
    await executeRun(t.handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
    const result = await importCsv('relationships', '客户编号,关联客户编号,关系类型\nT1,T2,推荐\n');
    expect(result).toMatchObject({ problems: [], inserted: 1, gradeChanges: 1 });
    expect(await gradeOf('T1')).toBe('B');
  });

  it('a customers file that gives a customer another referrer re-grades the referrer it leaves and the one it joins', async () => {
    expect([await gradeOf('T1'), await gradeOf('R2')]).toEqual(['B', 'C']);
    const result = await importCsv('customers', '客户编号,客户名称,推荐客户编号\nT2,转介绍客户T2,R2\n');
    expect(result).toMatchObject({ problems: [], updated: 1, gradeChanges: 2 });
    expect([await gradeOf('T1'), await gradeOf('R2')]).toEqual(['C', 'B']);
  });

  it('verify reproduces a run whose model reads referral metrics', async () => {
    const run = await executeRun(t.handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
    const report = await verifyRun(t.handle.db, run.runId);
    expect(report).toMatchObject({ identical: true, differences: 0, customers: 9 });
  });

  it('the referral-value preset ships inactive and grades referrers by what their referred customers bought', async () => {
    const preset = await findModelByKey(t.handle.db, 'referral-value');
    expect(preset).toMatchObject({ active: false });
    expect((await admin('PATCH', `/api/grading/models/${preset!.id}`, { active: true })).status).toBe(200);
    // R1's referred customers bought ¥1,550.50 so far; a large order of Q1's takes them past ¥20万.
    expect((await order('Q1', 'Q1-BIG', '250000.00', '2024-09-01')).status).toBe(201);
    await executeRun(t.handle.db, { modelId: preset!.id, asOf: AS_OF, trigger: 'cli', startedBy: null });
    const grades = await t.handle.db
      .selectFrom('customer_grades')
      .select(['customer_id', 'grade_code'])
      .where('model_id', '=', preset!.id)
      .execute();
    const byCode = Object.fromEntries(
      Object.entries(ids).map(([code, id]) => [code, grades.find((g) => g.customer_id === id)?.grade_code]),
    );
    expect(byCode).toEqual({
      R1: 'key_referrer',
      R2: 'referrer',
      P1: 'none',
      P2: 'none',
      Q1: 'none',
      S1: 'referrer',
      S2: 'none',
      T1: 'none',
      T2: 'none',
    });
  });

  it('deleting a referred customer re-grades its referrer at once and takes its own grade away, as a run would', async () => {
    expect(await gradeOf('S1')).toBe('B');
    expect(await gradeOf('S2')).toBe('C');
    expect((await admin('DELETE', `/api/customers/${ids.S2}`)).status).toBe(204);
    expect(await gradeOf('S1')).toBe('C');
    const left = await t.handle.db
      .selectFrom('customer_grades')
      .select('model_id')
      .where('customer_id', '=', ids.S2!)
      .execute();
    expect(left).toEqual([]);
    const change = await t.handle.db
      .selectFrom('grade_changes')
      .select(['from_grade', 'to_grade', 'detail'])
      .where('customer_id', '=', ids.S2!)
      .where('model_id', '=', modelId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_grade: 2, to_grade: null, detail: { trigger: 'attributes' } });
  });
});
