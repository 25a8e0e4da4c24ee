import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { METRIC_IDS, METRICS, parseModel } from '../../engine/index.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { scopeKey, visibleCustomerIds } from '../shared/scope.js';
import { XlsxWriter, type XlsxCell } from '../imports/formats/xlsx-writer.js';
import {
  compositionColumns,
  compositionCounts,
  distributionTrend,
  everyCustomerId,
  filteredCustomerIds,
  migrationCounts,
  findRunWithDefinition,
  isUnfiltered,
  runFigures,
  type CompositionDimension,
  type CustomerScope,
  type ConcentrationRow,
  type RunFigures,
} from './analytics.repository.js';
import type { AnalyticsFilterInput } from './analytics.schema.js';
import { currentSummary, keepSummary, markSnapshot } from './summary-cache.repository.js';

/** A share, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The Gini coefficient of the buckets' customers from n, Σx and Σ i·x with i the rank from the top (1 = the
 * largest): G = (n + 1) / n − 2Σix / (nΣx), the usual 2Σix / (nΣx) − (n + 1) / n with i counted from the bottom.
 * Undefined (null) for an empty population or a total that is not positive (e.g. a loss-making scope).
 */
export function giniOf(buckets: readonly ConcentrationRow[]): number | null {
  const n = buckets.reduce((sum, b) => sum + b.customers, 0);
  const total = buckets.reduce((sum, b) => sum + Number(b.total), 0);
  const ranked = buckets.reduce((sum, b) => sum + Number(b.ranked), 0);
  if (n === 0 || !(total > 0)) return null;
  return (n + 1) / n - (2 * ranked) / (n * total);
}

export interface LorenzPoint {
  /** Share of customers, best first (0–1). */
  readonly customers: number;
  /** Share of the value they bring (0–1; above 1 when the rest lose money). */
  readonly value: number;
}

/** Cumulative shares from buckets ranked best first, starting at the origin; empty when the total is not positive. */
export function lorenzCurve(buckets: readonly ConcentrationRow[]): LorenzPoint[] {
  const customers = buckets.reduce((sum, b) => sum + b.customers, 0);
  const total = buckets.reduce((sum, b) => sum + Number(b.total), 0);
  if (customers === 0 || !(total > 0)) return [];
  const points: LorenzPoint[] = [{ customers: 0, value: 0 }];
  let seen = 0;
  let value = 0;
  for (const bucket of buckets) {
    seen += bucket.customers;
    value += Number(bucket.total);
    points.push({ customers: seen / customers, value: value / total });
  }
  return points;
}

/** A run and the model version it was computed with; 404 when there is no such run. */
export async function requireRun(db: Db, runId: number) {
  const run = await findRunWithDefinition(db, runId);
  if (!run) throw AppError.notFound();
  return { run, model: parseModel(run.definition) };
}

export const ladderView = (model: ReturnType<typeof parseModel>) =>
  model.ladder.map((g) => ({ code: g.code, name: g.name, color: g.color }));

function concentration(data: RunFigures, measure: 'sales' | 'profit') {
  const buckets = data.buckets.filter((b) => b.measure === measure);
  return {
    total: buckets.reduce((sum, b) => sum + Number(b.total), 0).toFixed(2),
    gini: giniOf(buckets),
    points: lorenzCurve(buckets),
  };
}

/** Grade × attribute counts for every composition dimension, one row per attribute value, biggest first. */
async function compositions(db: Db, scope: CustomerScope, runId: number, grades: number) {
  const byDimension = new Map<CompositionDimension, Map<string | null, number[]>>(
    (Object.keys(compositionColumns) as CompositionDimension[]).map((d) => [d, new Map()]),
  );
  for (const row of await compositionCounts(db, scope, runId)) {
    const byKey = byDimension.get(row.dimension)!;
    const counts = byKey.get(row.key) ?? new Array<number>(grades).fill(0);
    counts[row.grade] = (counts[row.grade] ?? 0) + row.count;
    byKey.set(row.key, counts);
  }
  const result: Partial<
    Record<CompositionDimension, { key: string | null; counts: number[]; total: number }[]>
  > = {};
  for (const [dimension, byKey] of byDimension)
    result[dimension] = [...byKey]
      .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key)));
  return result;
}

type Run = Awaited<ReturnType<typeof requireRun>>;

/** Everything the dashboard shows for one run, over the customers of `scope`. */
async function summarise(db: Db, { run, model }: Run, scope: CustomerScope) {
  const data = await runFigures(db, scope, run.id);
  const figures = data.figures;
  const population = figures.reduce((sum, row) => sum + row.count, 0);
  const totalSales = figures.reduce((sum, row) => sum + Number(row.sales), 0);
  const totalProfit = figures.reduce((sum, row) => sum + Number(row.profit), 0);
  const grades = model.ladder.map((grade, index) => {
    const row = figures.find((figure) => figure.grade === index);
    const count = row?.count ?? 0;
    return {
      grade: index,
      code: grade.code,
      name: grade.name,
      color: grade.color,
      count,
      share: ratio(count, population),
      sales: Number(row?.sales ?? 0).toFixed(2),
      profit: Number(row?.profit ?? 0).toFixed(2),
      salesShare: ratio(Number(row?.sales ?? 0), totalSales),
      profitShare: ratio(Number(row?.profit ?? 0), totalProfit),
      churnRate: ratio(row?.churned ?? 0, count),
      repeatRate: ratio(row?.repeaters ?? 0, row?.buyers ?? 0),
      avgCycleDays: row?.cycle_days == null ? null : Number(row.cycle_days),
      contactsPerCustomer: ratio(Number(row?.contacts ?? 0), count),
    };
  });
  return {
    runId: run.id,
    modelId: run.model_id,
    version: run.version,
    asOf: run.as_of,
    previousRunId: run.previous_run_id,
    windowMonths: model.windowMonths,
    ladder: ladderView(model),
    population,
    totals: { sales: totalSales.toFixed(2), profit: totalProfit.toFixed(2) },
    grades,
    concentration: {
      sales: concentration(data, 'sales'),
      profit: concentration(data, 'profit'),
    },
    composition: await compositions(db, scope, run.id, model.ladder.length),
  };
}

type Summary = Awaited<ReturnType<typeof summarise>> & {
  migrationFromPrevious: Awaited<ReturnType<typeof migrationCounts>>;
};

/** A set of customers whose unfiltered summary is kept: its `scopeKey` and the query of its customer ids. */
interface SummaryScope {
  readonly key: string;
  readonly customerIds: (db: Db) => CustomerScope;
}

const COMPANY: SummaryScope = { key: 'all', customerIds: everyCustomerId };
const scopeOf = (actor: Actor): SummaryScope => ({
  key: scopeKey(actor),
  customerIds: (db) => visibleCustomerIds(db, actor),
});

/**
 * The summary of a run over every customer of a scope, computed in one snapshot and kept (see migrations 014 and
 * 017): served again while no customer changes what it counts, computed afresh when one has.
 */
async function keptSummary(db: Kysely<Database>, runId: number, scope: SummaryScope): Promise<Summary> {
  const kept = await currentSummary(db, runId, scope.key);
  if (kept) return kept as Summary;
  const run = await requireRun(db, runId);
  const { mark, summary } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snapshot = await markSnapshot(trx);
      const everyone = scope.customerIds(trx);
      const previous = run.run.previous_run_id;
      return {
        mark: snapshot,
        summary: {
          ...(await summarise(trx, run, everyone)),
          // The dashboard compares with the previous run unless told otherwise: that migration is kept too.
          migrationFromPrevious:
            previous === null ? [] : await migrationCounts(trx, everyone, previous, runId),
        },
      };
    });
  await keepSummary(db, runId, scope.key, mark, summary);
  return summary;
}

/** The whole company's summary of a run, kept when the run is made so that the admin's first view is ready. */
export const companySummary = (db: Kysely<Database>, runId: number): Promise<Summary> =>
  keptSummary(db, runId, COMPANY);

/** Everything the dashboard shows for one run, restricted to the caller's scope and the filters. */
export async function runSummary(
  db: Kysely<Database>,
  actor: Actor,
  runId: number,
  filter: AnalyticsFilterInput,
) {
  if (isUnfiltered(filter)) {
    const { migrationFromPrevious: _migration, ...summary } = await keptSummary(db, runId, scopeOf(actor));
    return summary;
  }
  return summarise(db, await requireRun(db, runId), filteredCustomerIds(db, actor, filter));
}

/** The grade distribution of a model's newest runs, oldest first, among the filtered scope. */
export async function trend(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  modelId: number,
  limit: number,
) {
  const { runs, counts } = await distributionTrend(db, actor, filter, modelId, limit);
  const latest = runs[0];
  if (!latest) return { ladder: [], runs: [] };
  const { model } = await requireRun(db, latest.id);
  return {
    ladder: ladderView(model),
    runs: [...runs].reverse().map((run) => {
      const perGrade = new Array<number>(model.ladder.length).fill(0);
      for (const row of counts)
        if (row.run_id === run.id && row.grade < perGrade.length) perGrade[row.grade] = Number(row.count);
      return { runId: run.id, asOf: run.as_of, version: run.version, counts: perGrade };
    }),
  };
}

export async function migration(
  db: Kysely<Database>,
  actor: Actor,
  filter: AnalyticsFilterInput,
  fromRunId: number,
  toRunId: number,
) {
  const [from, to] = [await requireRun(db, fromRunId), await requireRun(db, toRunId)];
  if (from.run.model_id !== to.run.model_id) throw AppError.invalid('toRunId', 'invalid_value');
  const kept = isUnfiltered(filter) && to.run.previous_run_id === fromRunId;
  return {
    fromRunId,
    toRunId,
    ladders: { from: ladderView(from.model), to: ladderView(to.model) },
    cells: kept
      ? (await keptSummary(db, toRunId, scopeOf(actor))).migrationFromPrevious
      : await migrationCounts(db, filteredCustomerIds(db, actor, filter), fromRunId, toRunId),
  };
}

/** The engine's metric catalogue, for the model editor's factor picker. */
export function metricCatalogue() {
  return METRIC_IDS.map((id) => METRICS[id]);
}

/** A workbook of the given sheets: the browser sends the chart data it shows, already limited to its scope. */
export async function workbook(sheets: readonly { name: string; rows: readonly (readonly XlsxCell[])[] }[]) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new XlsxWriter(output);
  for (const sheet of sheets) await writer.sheet(sheet.name, sheet.rows);
  await writer.finish();
  if (!output.writableEnded) output.end();
  return Buffer.concat(chunks);
}
