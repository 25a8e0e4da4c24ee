import type { Selectable } from 'kysely';
import type { GradingRunTable } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { seesAllCustomers } from '../shared/scope.js';
import { parseModel } from '../../engine/index.js';
import { findModelVersion } from './model.repository.js';
import { findRun } from './run.repository.js';
import { recordedCounts } from './recorded-counts.js';
import {
  countRunResults,
  runResultsPage,
  scopedDistributions,
  type RunResultsFilter,
} from './run-views.repository.js';

type RunRecord = Pick<
  Selectable<GradingRunTable>,
  'id' | 'model_id' | 'version' | 'as_of' | 'trigger' | 'started_at' | 'finished_at' | 'distribution'
> & { timings: unknown; previous_run_id: number | null };

/**
 * Each run's grade counts as the user may see them. An admin sees every customer: the counts the run recorded
 * when it graded serve, instead of counting a million results again per run listed. Anyone else gets the counts
 * of their own customers, for all the runs in one query.
 */
async function gradeCounts(db: Db, actor: Actor, runs: readonly RunRecord[]) {
  const counts = new Map<number, { grade: number; count: number }[]>(runs.map((run) => [run.id, []]));
  if (runs.length === 0) return counts;
  if (seesAllCustomers(actor)) {
    for (const run of runs) counts.set(run.id, recordedCounts(run));
    return counts;
  }
  const rows = await scopedDistributions(
    db,
    actor,
    runs.map((run) => run.id),
  );
  for (const row of rows) counts.get(row.run_id)!.push({ grade: row.grade, count: Number(row.count) });
  return counts;
}

export async function runViews(db: Db, actor: Actor, runs: readonly RunRecord[]) {
  const counts = await gradeCounts(db, actor, runs);
  return runs.map((run) => {
    const distribution = counts.get(run.id)!;
    return {
      id: run.id,
      modelId: run.model_id,
      version: run.version,
      asOf: run.as_of,
      trigger: run.trigger,
      startedAt: new Date(run.started_at).toISOString(),
      finishedAt: new Date(run.finished_at).toISOString(),
      population: distribution.reduce((sum, row) => sum + row.count, 0),
      distribution,
      timings: run.timings,
      previousRunId: run.previous_run_id,
    };
  });
}

/** One run, with the grade ladder of the model version it was computed with (a later version may rename grades). */
export async function runView(db: Db, actor: Actor, runId: number) {
  const run = await findRun(db, runId);
  if (!run) throw AppError.notFound();
  const version = await findModelVersion(db, run.model_id, run.version);
  if (!version) throw AppError.notFound();
  return { ...(await runViews(db, actor, [run]))[0]!, ladder: parseModel(version.definition).ladder };
}

/**
 * The run, and the run it is compared with: of the same model, and present whenever the filter asks for grades in
 * it. A grade of −1 (left the population), a from-grade or "moved" mean nothing without a run to compare with.
 */
export async function requireResultsFilter(db: Db, runId: number, filter: RunResultsFilter) {
  const run = await findRun(db, runId);
  if (!run) throw AppError.notFound();
  if (filter.against === undefined) {
    if (filter.fromGrade !== undefined || filter.grade === -1 || filter.moved)
      throw AppError.invalid('against', 'required');
    return { run, against: undefined };
  }
  const against = await findRun(db, filter.against);
  if (!against || against.model_id !== run.model_id || against.id === run.id)
    throw AppError.invalid('against', 'invalid_value');
  return { run, against };
}

export async function runResults(
  db: Db,
  actor: Actor,
  runId: number,
  filter: RunResultsFilter,
  page: { afterCustomerId?: number; limit: number },
) {
  await requireResultsFilter(db, runId, filter);
  const rows = await runResultsPage(db, actor, runId, filter, { ...page, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit).map((r) => ({
    customerId: r.customer_id,
    code: r.code,
    name: r.name,
    ownerName: r.owner_name,
    grade: r.grade,
    computedGrade: r.computed_grade,
    status: r.status,
    score: r.score,
    rfmCode: r.rfm_code,
    factorScores: r.factor_scores,
    previousGrade: r.previous_grade,
    previousScore: r.previous_score,
  }));
  const last = items[items.length - 1];
  return {
    items,
    total: await countRunResults(db, actor, runId, filter),
    nextCursor: rows.length > page.limit && last ? String(last.customerId) : null,
  };
}
