import type { Kysely } from 'kysely';
import { rowView } from '../../engine/columns.js';
import {
  parseModel,
  readsReferralMetrics,
  scoreOne,
  type Model,
  type PopulationColumns,
  type RunParams,
} from '../../engine/index.js';
import type { Database } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { readRunParams } from './run.repository.js';
import {
  currentGradesOf,
  deleteCurrentGrades,
  insertGradeChanges,
  lastRunsOfActiveModels,
  customerCountEstimate,
  referrersOf,
  overridesInForceOf,
  upsertCurrentGrades,
  type ChangeWrite,
  type GradeWrite,
  type LastRun,
} from './instant.repository.js';
import { measureCustomers, measureEveryone } from './metrics.service.js';
import { raiseGradeAlerts } from '../alerts/alert.service.js';
import { clvMetrics, usesClvMetrics } from '../clv/clv-metrics.js';
import { storeForecasts } from '../clv/forecast.service.js';

/** What made a customer's grade change between runs, recorded with the change. */
export type RegradeCause =
  | 'order'
  | 'payment'
  | 'activity'
  | 'attributes'
  | 'override'
  | 'merge'
  | 'import'
  /** What a customer's referred customers buy changed (a model reads referral metrics). */
  | 'referral';

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
  customersOf: (record: R) => number | readonly number[],
): Promise<R> {
  return db.transaction().execute(async (trx) => {
    const record = await write(trx);
    if (cause) await regradeCustomers(trx, [customersOf(record)].flat(), cause, at);
    return record;
  });
}

/** Customers re-graded per read of their state: an import's thousands in bounded statements. */
const REGRADE_BATCH = 5000;
/**
 * From this share of the customers on, everyone's state is read once and the touched rows scored: reading
 * customers by id costs twice as much per customer as reading all (100,000 customers on PostgreSQL: 0.17 ms against
 * 0.08 ms each).
 */
const READ_ALL_SHARE = 0.5;

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
  const runs = await lastRunsOfActiveModels(db);
  if (runs.length === 0) return [];
  const today = businessDay(now);
  const changeIds = await regradeUnder(db, runs, customerIds, cause, today);
  // A customer's records are also what its referrer's referral metrics sum.
  const referralRuns: LastRun[] = [];
  for (const run of runs) if (readsReferralMetrics((await runContext(db, run)).model)) referralRuns.push(run);
  if (referralRuns.length === 0 || cause === 'referral') return changeIds;
  const graded = new Set(customerIds);
  const referrers = (await referrersOf(db, customerIds)).filter((id) => !graded.has(id));
  return [...changeIds, ...(await regradeUnder(db, referralRuns, referrers, 'referral', today))];
}

async function regradeUnder(
  db: Db,
  runs: readonly LastRun[],
  customerIds: readonly number[],
  cause: RegradeCause,
  today: string,
): Promise<number[]> {
  if (customerIds.length === 0) return [];
  if (customerIds.length > 1 && customerIds.length >= READ_ALL_SHARE * (await customerCountEstimate(db)))
    return regradeBatch(db, runs, customerIds, cause, today, 'everyone');
  const changeIds: number[] = [];
  for (let from = 0; from < customerIds.length; from += REGRADE_BATCH) {
    const batch = customerIds.slice(from, from + REGRADE_BATCH);
    changeIds.push(...(await regradeBatch(db, runs, batch, cause, today, 'these')));
  }
  return changeIds;
}

interface CurrentGrade {
  readonly grade: number;
  readonly pending: number;
  readonly status: number;
  readonly score: number | null;
}

async function regradeBatch(
  db: Db,
  runs: readonly LastRun[],
  ids: readonly number[],
  cause: RegradeCause,
  today: string,
  read: 'these' | 'everyone',
): Promise<number[]> {
  const wanted = read === 'everyone' ? new Set(ids) : undefined;
  const [current, overrides] = await Promise.all([currentGradesOf(db, ids), overridesInForceOf(db, ids)]);
  const currentOf = new Map(current.map((row) => [`${row.model_id}:${row.customer_id}`, row]));
  const overridesOf = new Map<string, typeof overrides>();
  for (const o of overrides) {
    const key = `${o.model_id}:${o.customer_id}`;
    overridesOf.set(key, [...(overridesOf.get(key) ?? []), o]);
  }
  /** Models that measure alike share one read of the state. */
  const metricsByMeasure = new Map<string, Promise<PopulationColumns>>();
  const changeIds: number[] = [];
  for (const run of runs) {
    const { model, params } = await runContext(db, run);
    const referrals = readsReferralMetrics(model);
    // Everyone's read holds every referred customer already: only a read of some depends on the referrals.
    const measure = `${model.windowMonths}|${model.lateness}|${model.costPerContact}|${!wanted && referrals}`;
    if (!metricsByMeasure.has(measure))
      metricsByMeasure.set(
        measure,
        wanted ? measureEveryone(db, model, today) : measureCustomers(db, model, today, ids, { referrals }),
      );
    const measured = await metricsByMeasure.get(measure)!;
    const clv = usesClvMetrics(model) ? await clvMetrics(db, model, measured, today, params.clv) : undefined;
    const columns = clv?.columns ?? measured;
    const outcome = new InstantOutcome(run, model, cause);
    const members: number[] = [];
    const unread = new Set(ids);
    for (let row = 0; row < columns.ids.length; row++) {
      const customerId = columns.ids[row]!;
      if (wanted && !wanted.has(customerId)) continue;
      unread.delete(customerId);
      const key = `${run.modelId}:${customerId}`;
      const before = currentOf.get(key);
      const graded = scoreOne(
        model,
        params,
        customerId,
        rowView(columns, row),
        before ? { grade: before.grade, pending: before.pending } : undefined,
        (overridesOf.get(key) ?? []).map((o) => ({
          customerId,
          grade: o.grade_code,
          reason: o.reason,
          author: '',
          expiresOn: o.expires_on ?? undefined,
        })),
      );
      if (graded.inPopulation) members.push(row);
      outcome.add(customerId, before, graded);
    }
    // A customer the state no longer holds was deleted: it leaves the population, as the next run would record.
    for (const customerId of unread) outcome.leave(customerId, currentOf.get(`${run.modelId}:${customerId}`));
    const modelChanges = await outcome.write(db);
    // The forecast moves with the grade that reads it: as of today, against the run's stored fit.
    if (clv) await storeForecasts(db, { runId: run.runId, modelId: run.modelId, asOf: today }, members, clv);
    if (modelChanges.length) await raiseGradeAlerts(db, { modelId: run.modelId, changeIds: modelChanges });
    changeIds.push(...modelChanges);
  }
  return changeIds;
}

/** One model's re-graded customers, sorted into the writes they need, then written in three statements at most. */
class InstantOutcome {
  private readonly left: number[] = [];
  private readonly grades: GradeWrite[] = [];
  private readonly changes: ChangeWrite[] = [];
  private readonly detail: unknown;

  constructor(
    private readonly run: LastRun,
    private readonly model: Model,
    cause: RegradeCause,
  ) {
    this.detail = { trigger: cause, basedOnRun: run.runId };
  }

  /** A customer out of the model's population loses its current grade, recorded as a change to none. */
  leave(customerId: number, before: CurrentGrade | undefined): void {
    if (before === undefined) return;
    this.left.push(customerId);
    this.changes.push({
      customerId,
      from: before.grade,
      to: null,
      score: null,
      cause: 'instant',
      detail: this.detail,
    });
  }

  add(customerId: number, before: CurrentGrade | undefined, graded: ReturnType<typeof scoreOne>): void {
    if (!graded.inPopulation) return this.leave(customerId, before);
    const previousGrade = before?.grade;
    const score = Number.isNaN(graded.score) ? null : graded.score;
    const unchanged =
      before &&
      before.grade === graded.grade &&
      before.status === graded.status &&
      before.pending === graded.pending &&
      before.score === score;
    if (unchanged) return;
    const gradeCause = graded.status === 2 ? 'override' : 'instant';
    this.grades.push({
      customerId,
      grade: graded.grade,
      gradeCode: this.model.ladder[graded.grade]!.code,
      score,
      rfmCode: graded.rfmCode ?? null,
      status: graded.status,
      pending: graded.pending,
      cause: gradeCause,
    });
    if (previousGrade !== graded.grade)
      this.changes.push({
        customerId,
        from: previousGrade ?? null,
        to: graded.grade,
        score,
        cause: gradeCause,
        detail: this.detail,
      });
  }

  async write(db: Db): Promise<number[]> {
    await deleteCurrentGrades(db, this.run.modelId, this.left);
    await upsertCurrentGrades(db, this.run.modelId, this.run.runId, this.grades);
    return insertGradeChanges(db, this.run.modelId, this.changes);
  }
}
