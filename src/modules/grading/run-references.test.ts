import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { findModelByKey } from './model.repository.js';
import { executeRun } from './run.service.js';
import { customersWithOneOrderEach } from './testing/one-order-each.js';

const CUSTOMERS = 30;
const MISSING_RUN = 987_654;
let handle: DatabaseHandle;
let modelId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  await customersWithOneOrderEach(handle.db, CUSTOMERS, 'R');
  modelId = (await findModelByKey(handle.db, 'composite'))!.id;
});
afterAll(async () => handle.close());

const run = (asOf: string) => executeRun(handle.db, { modelId, asOf, trigger: 'cli', startedBy: null });

const count = async (table: 'grading_results' | 'grade_changes' | 'customer_grades', runId: number) =>
  Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE run_id = ${runId}`.execute(handle.db)
    ).rows[0]!.n,
  );

/** The SQLSTATE a statement fails with, or undefined when it succeeds. */
async function failureOf(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('references to a grading run, checked per statement instead of per row', () => {
  it('a result, a grade change or a current grade naming a run that does not exist is refused as a foreign key would be', async () => {
    await run('2025-01-01');
    const db = handle.db;
    expect(
      await failureOf(
        db
          .insertInto('grading_results')
          .values({
            run_id: MISSING_RUN,
            customer_id: 1,
            grade: 0,
            computed_grade: 0,
            status: 0,
            pending: 0,
            score: 1,
            rfm_code: null,
            factor_scores: [],
          })
          .execute(),
      ),
    ).toBe('23503');
    expect(
      await failureOf(
        db
          .insertInto('grade_changes')
          .values({
            model_id: modelId,
            customer_id: 1,
            from_grade: null,
            to_grade: 0,
            score: 1,
            cause: 'run',
            run_id: MISSING_RUN,
            detail: null,
          })
          .execute(),
      ),
    ).toBe('23503');
    expect(
      await failureOf(
        db.updateTable('customer_grades').set({ run_id: MISSING_RUN }).where('customer_id', '=', 1).execute(),
      ),
    ).toBe('23503');
    expect(await count('grading_results', MISSING_RUN)).toBe(0);
    expect(await count('grade_changes', MISSING_RUN)).toBe(0);
    expect(await count('customer_grades', MISSING_RUN)).toBe(0);
  });

  it('a grade change or a current grade may name no run (an instant re-grade, an override)', async () => {
    const change = await handle.db
      .insertInto('grade_changes')
      .values({
        model_id: modelId,
        customer_id: 2,
        from_grade: 0,
        to_grade: 1,
        score: 2,
        cause: 'instant',
        run_id: null,
        detail: null,
      })
      .returning('run_id')
      .executeTakeFirstOrThrow();
    expect(change.run_id).toBeNull();
    const cleared = await handle.db
      .updateTable('customer_grades')
      .set({ run_id: null })
      .where('customer_id', '=', 2)
      .returning('run_id')
      .execute();
    expect(cleared.map((row) => row.run_id)).toEqual([null]);
  });

  it('deleting a run deletes its results and clears it from its changes and current grades, leaving other runs alone', async () => {
    const kept = await run('2025-02-01');
    const removed = await run('2025-03-01');
    expect(await count('grading_results', removed.runId)).toBeGreaterThan(0);
    expect(await count('customer_grades', removed.runId)).toBeGreaterThan(0);
    const keptResults = await count('grading_results', kept.runId);
    await handle.db.deleteFrom('grading_runs').where('id', '=', removed.runId).execute();
    expect(await count('grading_results', removed.runId)).toBe(0);
    expect(await count('grade_changes', removed.runId)).toBe(0);
    expect(await count('customer_grades', removed.runId)).toBe(0);
    expect(await count('grading_results', kept.runId)).toBe(keptResults);
    const cleared = await sql<{ n: string }>`
      SELECT count(*) AS n FROM customer_grades WHERE model_id = ${modelId} AND run_id IS NULL`.execute(
      handle.db,
    );
    expect(Number(cleared.rows[0]!.n)).toBeGreaterThan(0);
  });

  it("a run's grade changes are found through an index on their run, not by reading every change ever recorded", async () => {
    const { runId } = await run('2025-04-01');
    const plan = await handle.db.transaction().execute(async (trx) => {
      // The test database is too small for the planner to prefer an index on its own; with sequential scans
      // priced out, the plan shows whether an index can answer the run's predicate at all.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const { rows } = await sql<Record<string, string>>`
        EXPLAIN SELECT count(*) FROM grade_changes gc WHERE gc.model_id = ${modelId} AND gc.run_id = ${runId}`.execute(
        trx,
      );
      return rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('grade_changes_run_idx');
  });
});
