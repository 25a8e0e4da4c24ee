import { sql } from 'kysely';
import { binaryCopyParts } from '../../db/copy-binary.js';
import { copyFromStdin } from '../../db/copy.js';
import type { Db } from '../audit/audit.repository.js';
import { decodeParams, encodeParams } from './params-codec.js';

export function lastRun(db: Db, modelId: number, beforeRunId?: number) {
  let query = db.selectFrom('grading_runs').selectAll().where('model_id', '=', modelId);
  if (beforeRunId !== undefined) query = query.where('id', '<', beforeRunId);
  return query.orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function findRun(db: Db, runId: number) {
  return db.selectFrom('grading_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

export function listRuns(db: Db, modelId: number | undefined, limit: number) {
  let query = db
    .selectFrom('grading_runs')
    .innerJoin('grading_models', 'grading_models.id', 'grading_runs.model_id')
    .leftJoin('users', 'users.id', 'grading_runs.started_by')
    .select([
      'grading_runs.id',
      'grading_runs.model_id',
      'grading_models.name_zh as model_name_zh',
      'grading_models.name_en as model_name_en',
      'grading_runs.version',
      'grading_runs.as_of',
      'grading_runs.trigger',
      'grading_runs.started_by',
      'users.name as started_by_name',
      'grading_runs.started_at',
      'grading_runs.finished_at',
      'grading_runs.population',
      'grading_runs.distribution',
      'grading_runs.migration',
      'grading_runs.timings',
      'grading_runs.previous_run_id',
    ])
    .orderBy('grading_runs.id', 'desc')
    .limit(limit);
  if (modelId !== undefined) query = query.where('grading_runs.model_id', '=', modelId);
  return query.execute();
}

/** Grades and stability counters of a run, in customer id order. */
export async function readRunGrades(db: Db, runId: number) {
  const { rows } = await sql<{ customer_id: number; grade: number; pending: number }>`
    SELECT customer_id, grade, pending FROM grading_results WHERE run_id = ${runId} ORDER BY customer_id`.execute(
    db,
  );
  return rows;
}

export async function readRunResults(db: Db, runId: number) {
  const { rows } = await sql<{
    customer_id: number;
    grade: number;
    computed_grade: number;
    status: number;
    pending: number;
    score: number | null;
    rfm_code: number | null;
    factor_scores: number[];
  }>`SELECT customer_id, grade, computed_grade, status, pending, score, rfm_code, factor_scores
     FROM grading_results WHERE run_id = ${runId} ORDER BY customer_id`.execute(db);
  return rows;
}

/**
 * When a run looks at overrides: the start of its own transaction, or — to verify it later — the stored start of that
 * run. Both are database timestamps, so they compare exactly (to the microsecond) with when overrides were made.
 */
export type OverrideMoment = 'transaction-start' | { readonly runId: number };

const momentOf = (moment: OverrideMoment) =>
  moment === 'transaction-start'
    ? sql<Date>`now()`
    : sql<Date>`(SELECT started_at FROM grading_runs WHERE id = ${moment.runId})`;

/** Overrides in force at a moment: created by then and not yet revoked. Expiry is the engine's to apply. */
export function overridesAt(db: Db, modelId: number, moment: OverrideMoment) {
  const at = momentOf(moment);
  return db
    .selectFrom('grade_overrides')
    .leftJoin('users', 'users.id', 'grade_overrides.created_by')
    .select([
      'grade_overrides.customer_id',
      'grade_overrides.grade_code',
      'grade_overrides.reason',
      'grade_overrides.expires_on',
      'users.name as author',
    ])
    .where('grade_overrides.model_id', '=', modelId)
    .where('grade_overrides.created_at', '<=', at)
    .where((eb) =>
      eb.or([eb('grade_overrides.revoked_at', 'is', null), eb('grade_overrides.revoked_at', '>', at)]),
    )
    .execute();
}

export interface RunRow {
  modelId: number;
  version: number;
  asOf: string;
  trigger: 'manual' | 'schedule' | 'cli' | 'api';
  startedBy: number | null;
  population: number;
  params: unknown;
  distribution: unknown;
  migration: unknown;
  timings: unknown;
  previousRunId: number | null;
}

export async function insertRun(db: Db, run: RunRow): Promise<number> {
  const params = encodeParams(run.params);
  const row = await db
    .insertInto('grading_runs')
    .values({
      model_id: run.modelId,
      version: run.version,
      as_of: run.asOf,
      trigger: run.trigger,
      started_by: run.startedBy,
      started_at: sql<Date>`now()`,
      population: run.population,
      params: JSON.stringify(params.json),
      distribution: JSON.stringify(run.distribution),
      migration: JSON.stringify(run.migration),
      timings: JSON.stringify(run.timings),
      previous_run_id: run.previousRunId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (params.blobs.length > 0)
    await db
      .insertInto('grading_run_blobs')
      .values(
        params.blobs.map((data, index) => ({
          run_id: row.id,
          index,
          data: sql<Uint8Array>`decode(${base64Of(data)}, 'base64')`,
        })),
      )
      .execute();
  return row.id;
}

/**
 * Run parameters' blobs (a percentile factor's breakpoints: 8 bytes per distinct value) cross the driver as base64
 * text and are converted by the database: PGlite passes a bytea value as hex text, parsed byte by byte in WASM —
 * 0.76 s to store 4 MB and 0.34 s to read it back, against 0.07 s and 0.02–0.04 s as base64.
 */
const base64Of = (data: Uint8Array) =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

/** The run's parameters exactly as the engine produced them (typed arrays and all). */
export async function readRunParams<T>(db: Db, runId: number): Promise<T> {
  const run = await db
    .selectFrom('grading_runs')
    .select('params')
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const blobs = await db
    .selectFrom('grading_run_blobs')
    .select(sql<string>`encode(data, 'base64')`.as('base64'))
    .where('run_id', '=', runId)
    .orderBy('index')
    .execute();
  return decodeParams<T>({ json: run.params, blobs: blobs.map((b) => Buffer.from(b.base64, 'base64')) });
}

export interface ResultColumns {
  customerIds: ArrayLike<number>;
  grades: ArrayLike<number>;
  computedGrades: ArrayLike<number>;
  status: ArrayLike<number>;
  pending: ArrayLike<number>;
  scores: ArrayLike<number>;
  rfmCodes: ArrayLike<number> | undefined;
  factorScores: readonly ArrayLike<number>[];
  /** What each customer brought, as the run read it: the dashboard sums these per grade (NaN: NULL). */
  figures: ResultFigures;
}

export interface ResultFigures {
  salesCents: ArrayLike<number>;
  profitCents: ArrayLike<number>;
  contacts: ArrayLike<number>;
  orders: ArrayLike<number>;
  firstOrderDay: ArrayLike<number>;
  lastOrderDay: ArrayLike<number>;
}

/** The columns of a result row, in the order its COPY gives them and with the types `resultParts` writes. */
const RESULT_COLUMNS = [
  'run_id',
  'customer_id',
  'grade',
  'computed_grade',
  'status',
  'pending',
  'score',
  'rfm_code',
  'factor_scores',
  'sales',
  'profit',
  'contacts',
  'orders',
  'first_order',
  'last_order',
];

/** Every result row in COPY's binary format, made as the stream asks for them (never all at once). */
function resultParts(runId: number, columns: ResultColumns): Generator<Buffer> {
  const { figures, rfmCodes, factorScores } = columns;
  const scores = new Float64Array(factorScores.length);
  return binaryCopyParts(columns.customerIds.length, (row, i) => {
    row.row(RESULT_COLUMNS.length);
    row.integer(runId);
    row.integer(columns.customerIds[i]!);
    row.smallint(columns.grades[i]!);
    row.smallint(columns.computedGrades[i]!);
    row.smallint(columns.status[i]!);
    row.smallint(columns.pending[i]!);
    row.float8(columns.scores[i]!);
    row.smallint(rfmCodes ? rfmCodes[i]! : Number.NaN);
    for (let factor = 0; factor < factorScores.length; factor++) scores[factor] = factorScores[factor]![i]!;
    row.float8Array(scores);
    row.cents(figures.salesCents[i]!);
    row.cents(figures.profitCents[i]!);
    row.integer(figures.contacts[i]!);
    row.integer(figures.orders[i]!);
    row.day(figures.firstOrderDay[i]!);
    row.day(figures.lastOrderDay[i]!);
  });
}

/** Every result row in bulk, never a row at a time: COPY FROM STDIN (on PGlite, from a blob of the same bytes). */
export async function insertResults(db: Db, runId: number, columns: ResultColumns): Promise<void> {
  await copyFromStdin(db, 'grading_results', RESULT_COLUMNS, resultParts(runId, columns));
}

/**
 * Makes the run's results the current grades: records a change for every customer whose grade differs from its
 * current one (or who enters or leaves the population), then replaces the model's current grades.
 */
export async function applyRunToCurrentGrades(
  db: Db,
  modelId: number,
  runId: number,
  ladderCodes: readonly string[],
): Promise<{ changed: number }> {
  const entered = await sql`
    INSERT INTO grade_changes (model_id, customer_id, from_grade, to_grade, score, cause, run_id)
    SELECT ${modelId}, r.customer_id, g.grade, r.grade, r.score, 'run', ${runId}
    FROM grading_results r
    LEFT JOIN customer_grades g ON g.model_id = ${modelId} AND g.customer_id = r.customer_id
    WHERE r.run_id = ${runId} AND g.grade IS DISTINCT FROM r.grade`.execute(db);
  const left = await sql`
    INSERT INTO grade_changes (model_id, customer_id, from_grade, to_grade, score, cause, run_id)
    SELECT ${modelId}, g.customer_id, g.grade, NULL, NULL, 'run', ${runId}
    FROM customer_grades g
    WHERE g.model_id = ${modelId}
      AND NOT EXISTS (SELECT 1 FROM grading_results r WHERE r.run_id = ${runId} AND r.customer_id = g.customer_id)`.execute(
    db,
  );
  await sql`
    DELETE FROM customer_grades g WHERE g.model_id = ${modelId}
      AND NOT EXISTS (SELECT 1 FROM grading_results r WHERE r.run_id = ${runId} AND r.customer_id = g.customer_id)`.execute(
    db,
  );
  await sql`
    INSERT INTO customer_grades AS g (model_id, customer_id, grade, grade_code, score, rfm_code, status, pending, run_id, cause, updated_at)
    SELECT ${modelId}, r.customer_id, r.grade, (${[...ladderCodes]}::text[])[r.grade + 1], r.score, r.rfm_code, r.status,
           r.pending, ${runId}, CASE WHEN r.status = 2 THEN 'override' ELSE 'run' END, now()
    FROM grading_results r WHERE r.run_id = ${runId}
    ON CONFLICT (model_id, customer_id) DO UPDATE SET grade = excluded.grade, grade_code = excluded.grade_code,
      score = excluded.score, rfm_code = excluded.rfm_code, status = excluded.status, pending = excluded.pending,
      run_id = excluded.run_id, cause = excluded.cause, updated_at = excluded.updated_at`.execute(db);
  return { changed: Number(entered.numAffectedRows ?? 0n) + Number(left.numAffectedRows ?? 0n) };
}
