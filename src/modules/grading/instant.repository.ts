import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';

export interface LastRun {
  readonly modelId: number;
  readonly runId: number;
  /** When the run started, as text: with the id, it tells apart runs of databases one process opens side by side. */
  readonly startedAt: string;
  readonly version: number;
  readonly definition: unknown;
}

/** The last run of every active model: what an instant re-grade scores against. */
export async function lastRunsOfActiveModels(db: Db): Promise<LastRun[]> {
  const { rows } = await sql<LastRun>`
    SELECT DISTINCT ON (r.model_id) r.model_id AS "modelId", r.id AS "runId", r.started_at::text AS "startedAt",
           r.version, v.definition
    FROM grading_runs r
    JOIN grading_models m ON m.id = r.model_id AND m.active
    JOIN grading_model_versions v ON v.model_id = r.model_id AND v.version = r.version
    ORDER BY r.model_id, r.id DESC`.execute(db);
  return rows;
}

/**
 * How many customers there are, from the planner's statistics (a count of a million rows would cost an instant
 * re-grade of two customers 50 ms); counted only for a table never analysed.
 */
export async function customerCountEstimate(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT CASE WHEN reltuples >= 0 THEN reltuples::bigint ELSE (SELECT count(*) FROM customers) END AS n
    FROM pg_class WHERE oid = 'customers'::regclass`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The live customers who referred these. */
export async function referrersOf(db: Db, customerIds: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('customers as r', 'r.id', 'c.referred_by_id')
    .select('r.id')
    .distinct()
    .where(sql<boolean>`c.id = ANY(${[...customerIds]}::int[])`)
    .where('r.deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export function currentGradesOf(db: Db, customerIds: readonly number[]) {
  return db
    .selectFrom('customer_grades')
    .select(['model_id', 'customer_id', 'grade', 'pending', 'status', 'score'])
    .where(sql<boolean>`customer_id = ANY(${[...customerIds]}::int[])`)
    .execute();
}

export function overridesInForceOf(db: Db, customerIds: readonly number[]) {
  return db
    .selectFrom('grade_overrides')
    .select(['model_id', 'customer_id', 'grade_code', 'reason', 'expires_on'])
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`customer_id = ANY(${[...customerIds]}::int[])`)
    .execute();
}

export interface GradeWrite {
  readonly customerId: number;
  readonly grade: number;
  readonly gradeCode: string;
  readonly score: number | null;
  readonly rfmCode: number | null;
  readonly status: number;
  readonly pending: number;
  readonly cause: 'instant' | 'override';
}

/**
 * Current grades in one statement whatever their number (arrays, not a parameter per value): an import re-grades
 * thousands of customers at once. A grade kept from a run keeps that run's id.
 */
export async function upsertCurrentGrades(
  db: Db,
  modelId: number,
  runId: number,
  grades: readonly GradeWrite[],
): Promise<void> {
  if (grades.length === 0) return;
  const column = <T>(pick: (write: GradeWrite) => T) => grades.map(pick);
  await sql`
    INSERT INTO customer_grades (model_id, customer_id, grade, grade_code, score, rfm_code, status, pending, run_id, cause)
    SELECT ${modelId}, g.customer_id, g.grade, g.grade_code, g.score, g.rfm_code, g.status, g.pending, ${runId}, g.cause
      FROM unnest(${column((g) => g.customerId)}::int[], ${column((g) => g.grade)}::int[],
                  ${column((g) => g.gradeCode)}::text[], ${column((g) => g.score)}::float8[],
                  ${column((g) => g.rfmCode)}::int[], ${column((g) => g.status)}::int[],
                  ${column((g) => g.pending)}::int[], ${column((g) => g.cause)}::text[])
           AS g(customer_id, grade, grade_code, score, rfm_code, status, pending, cause)
    ON CONFLICT (model_id, customer_id) DO UPDATE SET
      grade = excluded.grade, grade_code = excluded.grade_code, score = excluded.score, rfm_code = excluded.rfm_code,
      status = excluded.status, pending = excluded.pending, cause = excluded.cause, updated_at = now()`.execute(
    db,
  );
}

export async function deleteCurrentGrades(db: Db, modelId: number, customerIds: readonly number[]) {
  if (customerIds.length === 0) return;
  await db
    .deleteFrom('customer_grades')
    .where('model_id', '=', modelId)
    .where(sql<boolean>`customer_id = ANY(${[...customerIds]}::int[])`)
    .execute();
}

export interface ChangeWrite {
  readonly customerId: number;
  readonly from: number | null;
  /** NULL: the customer left the model's population. */
  readonly to: number | null;
  readonly score: number | null;
  readonly cause: 'instant' | 'override';
  readonly detail: unknown;
}

/** Grade changes in one statement; their ids, for the alerts that follow. */
export async function insertGradeChanges(
  db: Db,
  modelId: number,
  changes: readonly ChangeWrite[],
): Promise<number[]> {
  if (changes.length === 0) return [];
  const column = <T>(pick: (change: ChangeWrite) => T) => changes.map(pick);
  const { rows } = await sql<{ id: number }>`
    INSERT INTO grade_changes (model_id, customer_id, from_grade, to_grade, score, cause, detail)
    SELECT ${modelId}, c.customer_id, c.from_grade, c.to_grade, c.score, c.cause, c.detail::jsonb
      FROM unnest(${column((c) => c.customerId)}::int[], ${column((c) => c.from)}::int[],
                  ${column((c) => c.to)}::int[], ${column((c) => c.score)}::float8[],
                  ${column((c) => c.cause)}::text[], ${column((c) => JSON.stringify(c.detail))}::text[])
           AS c(customer_id, from_grade, to_grade, score, cause, detail)
    RETURNING id`.execute(db);
  return rows.map((row) => row.id);
}
