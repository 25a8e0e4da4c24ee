import type { z } from '@hono/zod-openapi';
import { fitNormaliser, METRICS, type Model, type PopulationColumns } from '../../engine/index.js';
import { isCategorical } from '../../engine/metrics/catalogue.js';
import { populationRows, restrict } from '../../engine/population.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { categoryHistogram, numericHistogram, scoreHistogram } from './factor-histogram.js';
import type { FactorPreviewBody } from './grading.schema.js';
import { businessDay } from './instant.service.js';
import { requireModelEditor } from './model.service.js';
import { measureEveryone } from './metrics.service.js';
import { withClvMetrics } from '../clv/clv-metrics.js';

export type FactorPreviewInput = z.output<typeof FactorPreviewBody>;

/**
 * Reading every customer's aggregates is the slow part (seconds at 100k customers); the editor asks again on every
 * normaliser change with the same window, so the metrics are kept for a minute per database and settings.
 */
const REUSE_MS = 60_000;
const recent = new WeakMap<Db, { key: string; at: number; metrics: Promise<PopulationColumns> }>();

function recentMetrics(db: Db, input: FactorPreviewInput, asOf: string, now: Date) {
  const key = JSON.stringify([asOf, input.windowMonths, input.lateness, input.costPerContact]);
  const kept = recent.get(db);
  if (kept && kept.key === key && now.getTime() - kept.at < REUSE_MS) return kept.metrics;
  const metrics = measureEveryone(db, input, asOf);
  recent.set(db, { key, at: now.getTime(), metrics });
  metrics.catch(() => recent.delete(db));
  return metrics;
}

/**
 * One factor definition applied to the whole population (the model's population filter applied), as the engine
 * would fit it in a run: the raw metric and the normalised 0–100 score, each binned. Model editors only, like
 * what-if: the histograms are counts over all customers, never a customer's record.
 */
export async function previewFactor(db: Db, actor: Actor, input: FactorPreviewInput, now: Date) {
  requireModelEditor(actor);
  if (isCategorical(input.metric) !== (input.normaliser.kind === 'category'))
    throw AppError.invalid('normaliser.kind', 'invalid_value');
  const asOf = input.asOf ?? businessDay(now);
  // populationRows (and the CLV fit on the population) read only the model's population filter.
  const model = { population: input.population, factors: [{ metric: input.metric }], method: {} } as Model;
  const all = await withClvMetrics(db, model, await recentMetrics(db, input, asOf, now), asOf);
  const rows = populationRows(model, all);
  const columns = rows ? restrict(all, rows) : all;
  const column = columns.metrics[input.metric];
  const n = columns.ids.length;
  const direction =
    input.direction ?? (METRICS[input.metric].higherIsBetter ? 'higher-is-better' : 'lower-is-better');
  const empty = column === undefined || n === 0;
  const fitted = empty ? undefined : fitNormaliser(input.normaliser, column, direction === 'lower-is-better');
  return {
    asOf,
    population: n,
    metric: input.metric,
    raw: empty
      ? { kind: 'numeric' as const, bins: [], nulls: n }
      : column instanceof Float64Array
        ? numericHistogram(column)
        : categoryHistogram(column),
    score: scoreHistogram(fitted?.unit ?? new Float64Array(0)),
  };
}
