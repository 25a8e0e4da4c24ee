import { sql, type Kysely } from 'kysely';
import { cellValue } from '../../engine/columns.js';
import {
  deriveMetrics,
  parseModel,
  scoreOne,
  type CustomerMetrics,
  type Model,
  type PopulationColumns,
  type RunParams,
} from '../../engine/index.js';
import type { Database } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { readBaseAggregates } from './base-aggregates.repository.js';
import { readRunParams } from './run.repository.js';
import { raiseGradeAlerts } from '../alerts/alert.service.js';
import { clvMetrics, usesClvMetrics } from '../clv/clv-metrics.js';
import { storeForecasts } from '../clv/forecast.service.js';

/** What made a customer's grade change between runs, recorded with the change. */
export type RegradeCause = 'order' | 'payment' | 'activity' | 'attributes' | 'override' | 'merge';

export interface LastRun {
  readonly modelId: number;
  readonly runId: number;
  /** When the run started, as text: with the id, it tells apart runs of databases one process opens side by side. */
  readonly startedAt: string;
  readonly version: number;
  readonly definition: unknown;
}

/** Decoded run parameters by run: a run's breakpoints never change, so they are read once per process. */
const paramsCache = new Map<string, { model: Model; params: RunParams }>();
const CACHE_RUNS = 16;

export async function runContext(db: Db, run: LastRun) {
  const key = `${run.runId}@${run.startedAt}`;
  const cached = paramsCache.get(key);
  if (cached) return cached;
  const context = {
    model: parseModel(run.definition),
    params: await readRunParams<RunParams>(db, run.runId),
  };
  if (paramsCache.size >= CACHE_RUNS) paramsCache.delete(paramsCache.keys().next().value!);
  paramsCache.set(key, context);
  return context;
}

/** The catalogue metrics of some customers as of a day, as the engine reads them. */
export async function customerMetricColumns(
  db: Db,
  model: Model,
  customerIds: readonly number[],
  asOf: string,
): Promise<PopulationColumns> {
  const base = await readBaseAggregates(db, {
    asOf,
    windowMonths: model.windowMonths,
    lateness: model.lateness,
    customerIds,
  });
  return deriveMetrics(
    {
      ids: base.customerIds,
      aggregates: base.columns,
      attributes: base.attributes,
      expectedCloseDay: base.expectedCloseDay,
    },
    asOf,
    model.windowMonths,
    { costPerContact: model.costPerContact },
  );
}

export function metricsOf(columns: PopulationColumns, row: number): CustomerMetrics {
  const metrics: CustomerMetrics = {};
  for (const [id, column] of Object.entries(columns.metrics)) {
    if (column) metrics[id as keyof CustomerMetrics] = cellValue(column, row);
  }
  return metrics;
}

/** The business day in Beijing time: what "today" means for an instant re-grade. */
export const businessDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * A write to one customer's records and that customer's instant re-grade in one transaction: a grade never lags the
 * record it was computed from, and a re-grade that fails undoes the write. Without a `cause` (records that do not
 * feed grading), only the write.
 */
export function writeAndRegrade<R>(
  db: Kysely<Database>,
  cause: RegradeCause | undefined,
  at: Date,
  write: (trx: Db) => Promise<R>,
  customerOf: (record: R) => number,
): Promise<R> {
  return db.transaction().execute(async (trx) => {
    const record = await write(trx);
    if (cause) await regradeCustomers(trx, [customerOf(record)], cause, at);
    return record;
  });
}

/**
 * Re-grades customers at once, in the caller's transaction, for every active model that has a run: their metrics
 * as of today are scored against the last run's stored parameters (breakpoints, quota boundaries), with the
 * stability rule and overrides applied. Changes are recorded with their cause; ids of the new change rows are
 * returned so that alerts can follow.
 */
export async function regradeCustomers(
  db: Db,
  customerIds: readonly number[],
  cause: RegradeCause,
  now: Date = new Date(),
): Promise<number[]> {
  if (customerIds.length === 0) return [];
  const { rows: runs } = await sql<LastRun>`
    SELECT DISTINCT ON (r.model_id) r.model_id AS "modelId", r.id AS "runId", r.started_at::text AS "startedAt",
           r.version, v.definition
    FROM grading_runs r
    JOIN grading_models m ON m.id = r.model_id AND m.active
    JOIN grading_model_versions v ON v.model_id = r.model_id AND v.version = r.version
    ORDER BY r.model_id, r.id DESC`.execute(db);
  const today = businessDay(now);
  const ids = [...customerIds];
  const [current, overrides] = await Promise.all([
    db
      .selectFrom('customer_grades')
      .select(['model_id', 'customer_id', 'grade', 'pending', 'status', 'score'])
      .where('customer_id', 'in', ids)
      .execute(),
    db
      .selectFrom('grade_overrides')
      .select(['model_id', 'customer_id', 'grade_code', 'reason', 'expires_on'])
      .where('revoked_at', 'is', null)
      .where('customer_id', 'in', ids)
      .execute(),
  ]);
  const currentOf = new Map(current.map((row) => [`${row.model_id}:${row.customer_id}`, row]));
  /** Models that measure alike share one read of the state. */
  const metricsByMeasure = new Map<string, Promise<PopulationColumns>>();
  const changeIds: number[] = [];
  for (const run of runs) {
    const { model, params } = await runContext(db, run);
    const measure = `${model.windowMonths}|${model.lateness}|${model.costPerContact}`;
    if (!metricsByMeasure.has(measure))
      metricsByMeasure.set(measure, customerMetricColumns(db, model, ids, today));
    const measured = await metricsByMeasure.get(measure)!;
    const clv = usesClvMetrics(model) ? await clvMetrics(db, model, measured, today, params.clv) : undefined;
    const columns = clv?.columns ?? measured;
    const modelChanges: number[] = [];
    const members: number[] = [];
    for (let row = 0; row < columns.ids.length; row++) {
      const customerId = columns.ids[row]!;
      const before = currentOf.get(`${run.modelId}:${customerId}`);
      const graded = scoreOne(
        model,
        params,
        customerId,
        metricsOf(columns, row),
        before ? { grade: before.grade, pending: before.pending } : undefined,
        overrides
          .filter((o) => o.model_id === run.modelId && o.customer_id === customerId)
          .map((o) => ({
            customerId,
            grade: o.grade_code,
            reason: o.reason,
            author: '',
            expiresOn: o.expires_on ?? undefined,
          })),
      );
      if (graded.inPopulation) members.push(row);
      const changeId = await applyInstantGrade(db, run, model, customerId, before, graded, cause);
      if (changeId !== undefined) modelChanges.push(changeId);
    }
    // The forecast moves with the grade that reads it: as of today, against the run's stored fit.
    if (clv) await storeForecasts(db, { runId: run.runId, modelId: run.modelId, asOf: today }, members, clv);
    if (modelChanges.length) await raiseGradeAlerts(db, { modelId: run.modelId, changeIds: modelChanges });
    changeIds.push(...modelChanges);
  }
  return changeIds;
}

interface CurrentGrade {
  readonly grade: number;
  readonly pending: number;
  readonly status: number;
  readonly score: number | null;
}

async function applyInstantGrade(
  db: Db,
  run: LastRun,
  model: Model,
  customerId: number,
  before: CurrentGrade | undefined,
  graded: ReturnType<typeof scoreOne>,
  cause: RegradeCause,
): Promise<number | undefined> {
  const previousGrade = before?.grade;
  const detail = JSON.stringify({ trigger: cause, basedOnRun: run.runId });
  if (!graded.inPopulation) {
    if (previousGrade === undefined) return undefined;
    await db
      .deleteFrom('customer_grades')
      .where('model_id', '=', run.modelId)
      .where('customer_id', '=', customerId)
      .execute();
    return insertChange(db, run.modelId, customerId, previousGrade, null, null, detail);
  }
  const score = Number.isNaN(graded.score) ? null : graded.score;
  const unchanged =
    before &&
    before.grade === graded.grade &&
    before.status === graded.status &&
    before.pending === graded.pending &&
    before.score === score;
  if (unchanged) return undefined;
  const causeOfGrade = graded.status === 2 ? 'override' : 'instant';
  await db
    .insertInto('customer_grades')
    .values({
      model_id: run.modelId,
      customer_id: customerId,
      grade: graded.grade,
      grade_code: model.ladder[graded.grade]!.code,
      score,
      rfm_code: graded.rfmCode ?? null,
      status: graded.status,
      pending: graded.pending,
      run_id: run.runId,
      cause: causeOfGrade,
    })
    .onConflict((oc) =>
      oc.columns(['model_id', 'customer_id']).doUpdateSet({
        grade: graded.grade,
        grade_code: model.ladder[graded.grade]!.code,
        score,
        rfm_code: graded.rfmCode ?? null,
        status: graded.status,
        pending: graded.pending,
        cause: causeOfGrade,
        updated_at: new Date(),
      }),
    )
    .execute();
  if (previousGrade === graded.grade) return undefined;
  return insertChange(
    db,
    run.modelId,
    customerId,
    previousGrade ?? null,
    graded.grade,
    score,
    detail,
    causeOfGrade,
  );
}

async function insertChange(
  db: Db,
  modelId: number,
  customerId: number,
  from: number | null,
  to: number | null,
  score: number | null,
  detail: string,
  cause: 'instant' | 'override' = 'instant',
): Promise<number> {
  const row = await db
    .insertInto('grade_changes')
    .values({
      model_id: modelId,
      customer_id: customerId,
      from_grade: from,
      to_grade: to,
      score,
      cause,
      detail,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
