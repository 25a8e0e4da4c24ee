import { sql, type Kysely } from 'kysely';
import {
  gradePopulation,
  parseModel,
  takeNumbers,
  type GradingResult,
  type Model,
  type PreviousGrades,
} from '../../engine/index.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { raiseGradeAlerts } from '../alerts/alert.service.js';
import { companySummary } from '../analytics/analytics.service.js';
import { clvMetrics, usesClvMetrics, type ClvMetrics } from '../clv/clv-metrics.js';
import { storeForecasts } from '../clv/forecast.service.js';
import type { ClvRunParams } from '../../engine/clv/forecast.js';
import type { Db } from '../audit/audit.repository.js';
import type { BaseAggregates } from './base-aggregates.repository.js';
import { measureEveryone } from './metrics.service.js';
import { findModel, findModelVersion } from './model.repository.js';
import {
  applyRunToCurrentGrades,
  insertResults,
  type ResultFigures,
  insertRun,
  lastRun,
  overridesAt,
  readRunGrades,
  type OverrideMoment,
} from './run.repository.js';

export type RunTrigger = 'manual' | 'schedule' | 'cli' | 'api';

export type RunStage = 'read' | 'compute' | 'write' | 'commit';

export interface RunRequest {
  readonly modelId: number;
  readonly asOf: string;
  readonly trigger: RunTrigger;
  readonly startedBy: number | null;
  /** Told as each stage starts; 'commit' comes when everything is written and only the commit remains. */
  readonly onStage?: (stage: RunStage) => void | Promise<void>;
}

export interface RunSummary {
  readonly runId: number;
  readonly modelId: number;
  readonly version: number;
  readonly asOf: string;
  readonly population: number;
  readonly distribution: GradingResult['distribution'];
  readonly migration: Migration;
  readonly changed: number;
  readonly timings: Timings;
}

/** Counts from each previous grade (row; the last row is "not graded before") to each new grade (column). */
export interface Migration {
  readonly from: readonly (string | null)[];
  readonly to: readonly string[];
  readonly counts: number[][];
}

export interface Timings {
  readonly readMs: number;
  readonly computeMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
}

/** Runs in this process, per database: a second run of a model waits for nobody, it is refused. */
const runningModels = new WeakMap<Kysely<Database>, Set<number>>();

export async function loadModelVersion(db: Db, modelId: number, version?: number) {
  const model = await findModel(db, modelId);
  if (!model) throw AppError.notFound();
  const versionRow = await findModelVersion(db, modelId, version ?? model.current_version);
  if (!versionRow) throw AppError.notFound();
  return { model, version: versionRow.version, definition: parseModel(versionRow.definition) };
}

/** Aligns a previous run's grades (sorted by customer id) with the population's ids (sorted too). */
export function alignPrevious(
  ids: Int32Array,
  previous: readonly { customer_id: number; grade: number; pending: number }[],
): PreviousGrades {
  const grades = new Int32Array(ids.length).fill(-1);
  const pending = new Int32Array(ids.length);
  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    while (j < previous.length && previous[j]!.customer_id < ids[i]!) j++;
    const row = previous[j];
    if (row && row.customer_id === ids[i]) {
      grades[i] = row.grade;
      pending[i] = row.pending;
    }
  }
  return { grades, pending };
}

export function migrationOf(
  model: Model,
  ids: Int32Array,
  result: GradingResult,
  previous: PreviousGrades,
): Migration {
  const size = model.ladder.length;
  const counts = Array.from({ length: size + 1 }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < result.rows.length; i++) {
    const row = result.rows[i]!;
    const from = previous.grades[row]!;
    counts[from >= 0 ? from : size]![result.grades[i]!]!++;
  }
  return {
    from: [...model.ladder.map((g) => g.code), null],
    to: model.ladder.map((g) => g.code),
    counts,
  };
}

export interface GradingInputs {
  readonly base: BaseAggregates;
  readonly result: GradingResult;
  readonly previous: PreviousGrades;
  /** CLV metrics and their fitted (or given) parameters, when the model uses them. */
  readonly clv?: ClvMetrics | undefined;
}

/** Reads the state as of the date and grades it: the part of a run that verification repeats. */
export async function gradeAsOf(
  db: Db,
  definition: Model,
  modelId: number,
  asOf: string,
  options: {
    previousRunId: number | null;
    overridesAt: OverrideMoment;
    onRead?: () => void;
    /** A past run's fitted CLV models: reused, never refitted (verification). */
    clv?: ClvRunParams | undefined;
  },
): Promise<GradingInputs> {
  const columns = await measureEveryone(db, definition, asOf);
  const previousRows = options.previousRunId ? await readRunGrades(db, options.previousRunId) : [];
  const overrides = await overridesAt(db, modelId, options.overridesAt);
  options.onRead?.();
  const previous = alignPrevious(columns.ids, previousRows);
  const clv = usesClvMetrics(definition)
    ? await clvMetrics(db, definition, columns, asOf, options.clv)
    : undefined;
  const result = gradePopulation(definition, clv?.columns ?? columns, {
    asOf,
    previous,
    overrides: overrides.map((o) => ({
      customerId: o.customer_id,
      grade: o.grade_code,
      reason: o.reason,
      author: o.author ?? '',
      expiresOn: o.expires_on ?? undefined,
    })),
  });
  return { base: columns.base, result, previous, clv };
}

/**
 * One grading run, all or nothing: read the state as of the date, grade, and write the run, every customer's
 * result, the changes and the new current grades in one transaction. A failure or a killed process leaves the
 * previous grades as they were; a second run of the same model while one is under way is refused.
 */
export async function executeRun(db: Kysely<Database>, request: RunRequest): Promise<RunSummary> {
  let running = runningModels.get(db);
  if (!running) runningModels.set(db, (running = new Set()));
  if (running.has(request.modelId)) throw new AppError('CONFLICT');
  running.add(request.modelId);
  try {
    const summary = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`
        SELECT pg_try_advisory_xact_lock(74231002, ${request.modelId}) AS locked`.execute(trx);
      if (!rows[0]?.locked) throw new AppError('CONFLICT');
      const started = performance.now();
      await request.onStage?.('read');
      const { version, definition, model } = await loadModelVersion(trx, request.modelId);
      const previousRun = await lastRun(trx, request.modelId);
      let readDone = started;
      const { base, result, previous, clv } = await gradeAsOf(
        trx,
        definition,
        request.modelId,
        request.asOf,
        {
          previousRunId: previousRun?.id ?? null,
          overridesAt: 'transaction-start',
          onRead: () => {
            readDone = performance.now();
            void request.onStage?.('compute');
          },
        },
      );
      const computeDone = performance.now();
      await request.onStage?.('write');
      const migration = migrationOf(definition, base.customerIds, result, previous);
      const timingsSoFar = { readMs: readDone - started, computeMs: computeDone - readDone };
      const runId = await insertRun(trx, {
        modelId: model.id,
        version,
        asOf: request.asOf,
        trigger: request.trigger,
        startedBy: request.startedBy,
        population: result.grades.length,
        params: clv ? { ...result.params, clv: clv.params } : result.params,
        distribution: result.distribution,
        migration,
        timings: timingsSoFar,
        previousRunId: previousRun?.id ?? null,
      });
      await insertResults(trx, runId, {
        customerIds: result.ids,
        grades: result.grades,
        computedGrades: result.computedGrades,
        status: result.status,
        pending: result.pending,
        scores: result.scores,
        rfmCodes: result.rfm?.code,
        factorScores: Object.values(result.factorScores),
        figures: resultFigures(base.columns, result.rows),
      });
      const { changed } = await applyRunToCurrentGrades(
        trx,
        model.id,
        runId,
        definition.ladder.map((g) => g.code),
      );
      await raiseGradeAlerts(trx, { modelId: model.id, runId });
      if (clv) await storeForecasts(trx, { runId, modelId: model.id, asOf: request.asOf }, result.rows, clv);
      const finished = performance.now();
      const timings: Timings = {
        ...timingsSoFar,
        writeMs: finished - computeDone,
        totalMs: finished - started,
      };
      await trx
        .updateTable('grading_runs')
        .set({ timings: JSON.stringify(timings) })
        .where('id', '=', runId)
        .execute();
      await request.onStage?.('commit');
      return {
        runId,
        modelId: model.id,
        version,
        asOf: request.asOf,
        population: result.grades.length,
        distribution: result.distribution,
        migration,
        changed,
        timings,
      };
    });
    // The admin's dashboard shows the newest run first: its company-wide figures are ready when the run is. They
    // are only kept to save time: if keeping them fails, the committed run stands and the dashboard's first view
    // computes them, reporting any error to that viewer.
    await companySummary(db, summary.runId).catch(() => undefined);
    return summary;
  } finally {
    running.delete(request.modelId);
  }
}

/** The base aggregates the dashboard sums per grade, for the run's population members (in result order). */
function resultFigures(aggregates: BaseAggregates['columns'], rows: Int32Array): ResultFigures {
  const pick = (column: Float64Array) => takeNumbers(column, rows);
  return {
    salesCents: pick(aggregates.sales_window_cents),
    profitCents: pick(aggregates.profit_window_cents),
    contacts: pick(aggregates.contacts_window),
    orders: pick(aggregates.order_count),
    firstOrderDay: pick(aggregates.first_order_day),
    lastOrderDay: pick(aggregates.last_order_day),
  };
}
