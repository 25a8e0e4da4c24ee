import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { findModelByKey } from './model.repository.js';
import { readRunResults } from './run.repository.js';
import { executeRun } from './run.service.js';
import { verifyRun } from './verify.service.js';

const CUSTOMERS = 60;
let handle: DatabaseHandle;
let compositeId: number;
let orderNo = 0;

/** Orders for every customer, amounts spread so that grades differ, on the given dates. */
async function addOrders(db: DatabaseHandle['db'], dates: string[], factor: (customer: number) => number) {
  const rows = [];
  for (let c = 1; c <= CUSTOMERS; c++) {
    for (const date of dates) {
      const amount = (1000 + c * 137 * factor(c)).toFixed(2);
      rows.push({
        customer_id: c,
        order_no: `L${++orderNo}`,
        order_date: date,
        amount,
        gross_profit: (Number(amount) * 0.2).toFixed(2),
      });
    }
  }
  await db.insertInto('orders').values(rows).execute();
}

async function seed(db: DatabaseHandle['db']) {
  await db
    .insertInto('customers')
    .values(
      Array.from({ length: CUSTOMERS }, (_, i) => ({ id: i + 1, code: `L${i + 1}`, name: `客户${i + 1}` })),
    )
    .execute();
  await addOrders(db, ['2024-03-10', '2024-09-20'], () => 1);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await seed(handle.db);
  compositeId = (await findModelByKey(handle.db, 'composite'))!.id;
});
afterAll(async () => handle.close());

const run = (asOf: string) =>
  executeRun(handle.db, { modelId: compositeId, asOf, trigger: 'cli', startedBy: null });

describe('grading runs over changing data', () => {
  it('three runs keep each run, the current grades, every change and each migration matrix', async () => {
    const first = await run('2025-01-01');
    expect(first.population).toBe(CUSTOMERS);
    expect(first.migration.counts[4]).toEqual([12, 18, 18, 12]);

    await addOrders(handle.db, ['2025-01-15'], (c) => (c <= 20 ? 60 - c : 0.01));
    const second = await run('2025-02-01');
    await addOrders(handle.db, ['2025-02-10'], (c) => (c > 40 ? 400 : 0.01));
    const third = await run('2025-03-01');

    for (const [before, after] of [
      [first, second],
      [second, third],
    ] as const) {
      const a = new Map((await readRunResults(handle.db, before.runId)).map((r) => [r.customer_id, r.grade]));
      const b = await readRunResults(handle.db, after.runId);
      const expected = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0]);
      for (const r of b) expected[a.get(r.customer_id) ?? 4]![r.grade]!++;
      expect(after.migration.counts).toEqual(expected);
      const moved = b.filter((r) => a.get(r.customer_id) !== r.grade).length;
      expect(after.changed).toBe(moved);
      expect(moved).toBeGreaterThan(0);
    }

    const current = await handle.db
      .selectFrom('customer_grades')
      .selectAll()
      .where('model_id', '=', compositeId)
      .execute();
    const last = new Map((await readRunResults(handle.db, third.runId)).map((r) => [r.customer_id, r.grade]));
    expect(current).toHaveLength(CUSTOMERS);
    for (const g of current) {
      expect(g.grade).toBe(last.get(g.customer_id));
      expect(g.grade_code).toBe(['A', 'B', 'C', 'D'][g.grade]);
      expect(g.run_id).toBe(third.runId);
    }
    const history = await handle.db
      .selectFrom('grade_changes')
      .select(['customer_id', 'to_grade', 'run_id'])
      .where('model_id', '=', compositeId)
      .orderBy('id')
      .execute();
    const replayed = new Map<number, number | null>();
    for (const h of history) replayed.set(h.customer_id, h.to_grade);
    for (const g of current) expect(replayed.get(g.customer_id)).toBe(g.grade);
    expect(history.filter((h) => h.run_id === first.runId)).toHaveLength(CUSTOMERS);
  });

  it('verify reproduces a past run exactly after newer data has arrived, and names back-dated changes', async () => {
    const runs = await handle.db
      .selectFrom('grading_runs')
      .select('id')
      .where('model_id', '=', compositeId)
      .orderBy('id')
      .execute();
    for (const { id } of runs) expect((await verifyRun(handle.db, id)).identical).toBe(true);
    await handle.db
      .insertInto('orders')
      .values({
        customer_id: 7,
        order_no: 'BACKDATED',
        order_date: '2024-06-01',
        amount: '900000.00',
        gross_profit: '300000.00',
      })
      .execute();
    const report = await verifyRun(handle.db, runs[0]!.id);
    expect(report.identical).toBe(false);
    expect(report.sample.some((d) => d.customerId === 7 && d.field === 'score')).toBe(true);
    await handle.db.deleteFrom('orders').where('order_no', '=', 'BACKDATED').execute();
    expect((await verifyRun(handle.db, runs[0]!.id)).identical).toBe(true);
  });

  it('a second run of the same model while one is under way is refused', async () => {
    const outcomes = await Promise.allSettled([run('2025-03-01'), run('2025-03-01')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('an override wins until it expires; the next run after expiry restores the computed grade', async () => {
    const before = await run('2025-03-01');
    const results = await readRunResults(handle.db, before.runId);
    const target = results.find((r) => r.grade === 3)!;
    await handle.db
      .insertInto('grade_overrides')
      .values({
        model_id: compositeId,
        customer_id: target.customer_id,
        grade_code: 'A',
        reason: '战略客户',
        expires_on: '2025-04-01',
      })
      .execute();
    const during = await run('2025-03-15');
    const overridden = (await readRunResults(handle.db, during.runId)).find(
      (r) => r.customer_id === target.customer_id,
    )!;
    expect(overridden).toMatchObject({ grade: 0, status: 2 });
    const currentDuring = await handle.db
      .selectFrom('customer_grades')
      .select(['grade', 'cause'])
      .where('model_id', '=', compositeId)
      .where('customer_id', '=', target.customer_id)
      .executeTakeFirstOrThrow();
    expect(currentDuring).toEqual({ grade: 0, cause: 'override' });
    const after = await run('2025-04-01');
    const restored = (await readRunResults(handle.db, after.runId)).find(
      (r) => r.customer_id === target.customer_id,
    )!;
    expect(restored.status).toBe(0);
    expect(restored.grade).toBe(restored.computed_grade);
  });
});

describe('a run killed before its commit', () => {
  it('leaves the previous grades and no partial run', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stratum-kill-'));
    const onServer = Boolean(process.env.DATABASE_URL);
    const database = onServer ? await openTestDatabase() : await openDatabase({ dataDir });
    if (!onServer) await migrateToLatest(database.db);
    await seed(database.db);
    const modelId = (await findModelByKey(database.db, 'composite'))!.id;
    const first = await executeRun(database.db, {
      modelId,
      asOf: '2025-01-01',
      trigger: 'cli',
      startedBy: null,
    });
    const gradesOf = async (db: DatabaseHandle['db']) =>
      (
        await sql`SELECT customer_id, grade FROM customer_grades WHERE model_id = ${modelId} ORDER BY 1`.execute(
          db,
        )
      ).rows;
    const gradesBefore = await gradesOf(database.db);
    await addOrders(database.db, ['2025-01-20'], (c) => (c % 2 ? 80 : 0.01));
    // PGlite is single-process: the child can open the files only once this process has let go of them.
    if (!onServer) await database.close();
    const url = onServer
      ? (database.pool as unknown as { options: { connectionString: string } }).options.connectionString
      : undefined;

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./testing/run-until-commit.ts', import.meta.url)),
        String(modelId),
        '2025-02-01',
        dataDir,
      ],
      {
        env: { ...process.env, ...(url ? { DATABASE_URL: url } : {}) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready-to-commit')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const reopened = onServer ? database : await openDatabase({ dataDir });
    try {
      const runs = await reopened.db
        .selectFrom('grading_runs')
        .select('id')
        .where('model_id', '=', modelId)
        .execute();
      expect(runs.map((r) => r.id)).toEqual([first.runId]);
      const results = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM grading_results WHERE run_id <> ${first.runId}`.execute(reopened.db);
      expect(results.rows[0]!.n).toBe(0);
      expect(await gradesOf(reopened.db)).toEqual(gradesBefore);
    } finally {
      await reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
