import { gradeByThreshold } from '../graders/thresholds.js';
import { quotaGradeOf } from '../graders/quotas.js';
import type { GraderParams } from '../graders/index.js';
import { METRICS } from '../metrics/catalogue.js';
import { applyNormaliser } from '../normalise/index.js';
import type { PercentileParams } from '../normalise/percentile.js';
import { invertRange, invertZ, type RangeParams, type ZScoreParams } from '../normalise/scale.js';
import type { BinsParams, CategoryParams } from '../normalise/lookup.js';
import { compositeWithLeaf, type FlatTree } from './tree.js';

/**
 * The smallest change of one leaf metric that lifts a customer to a target grade, searched against the run's
 * stored parameters. Written without per-call closures: explanations run once per customer and leaf.
 */
export interface LeafChange {
  readonly leaf: number;
  readonly from: number | string | null;
  readonly to: number | string;
  /** Increase of the leaf's unit score (0–1) the change brings; the headline suggestion minimises it. */
  readonly unitIncrease: number;
}

/** What "lifted" means: the score method's grade of (score, customer id) is at or above `grade`. */
export interface GradeTarget {
  readonly method: GraderParams;
  readonly customerId: number;
  readonly grade: number;
}

export function reaches(target: GradeTarget, score: number): boolean {
  const m = target.method;
  if (m.kind === 'thresholds') return gradeByThreshold(m.thresholds, score) <= target.grade;
  if (m.kind === 'quotas') return quotaGradeOf(m, score, target.customerId) <= target.grade;
  return false;
}

export interface Search {
  readonly tree: FlatTree;
  readonly current: Float64Array;
  readonly target: GradeTarget;
  /** Composite points missing to the target grade's lowest score (for the linear first guess). */
  readonly deficit: number;
}

function passesAt(search: Search, leaf: number, unit: number): boolean {
  return reaches(search.target, compositeWithLeaf(search.tree, search.current, leaf, unit));
}

const GUESS_STEPS = 4;

/**
 * Searches one leaf: percentile leaves move over the stored breakpoints (just past the c-th sorted value),
 * starting from the linear estimate and correcting with exact re-scoring; continuous leaves invert their
 * scale; bins and categories try each better bin or category. Undefined when this leaf alone cannot lift
 * the customer, or its value is NULL.
 */
export function smallestLeafChange(
  search: Search,
  leaf: number,
  raw: number | string | null,
): LeafChange | undefined {
  const node = search.tree.nodes[leaf]!;
  const params = node.fitted.normaliser!;
  if (params.kind === 'category') return categoryChange(search, leaf, params, raw);
  if (typeof raw !== 'number' || Number.isNaN(raw)) return undefined;
  const needed = search.current[leaf]! + search.deficit / (100 * node.weight);
  const step = METRICS[node.fitted.metric!].step;
  const to =
    params.kind === 'percentile'
      ? percentileTarget(search, leaf, params, raw, needed, step)
      : params.kind === 'bins'
        ? binsTarget(search, leaf, params, raw, step)
        : scaleTarget(search, leaf, params, needed, step);
  if (to === undefined) return undefined;
  return { leaf, from: raw, to, unitIncrease: applyNormaliser(params, to) - search.current[leaf]! };
}

function percentileTarget(
  search: Search,
  leaf: number,
  params: PercentileParams,
  raw: number,
  needed: number,
  step: number,
): number | undefined {
  const { sorted, descending } = params;
  const len = sorted.length;
  const den = len + (params.nulls === 'policy' ? 0 : params.nullCount) - 1;
  if (den <= 0) return undefined;
  const offset = params.nulls === 'first' ? params.nullCount : 0;
  // The unit score is (offset + c0) / den exactly, so c0 is recovered without searching the breakpoints.
  const c0 = Math.round(search.current[leaf]! * den) - offset;
  if (c0 >= len) return undefined;
  const lo = c0 + 1;
  let c = Math.min(len, Math.max(lo, Math.ceil(needed * den - offset)));
  for (
    let s = 0;
    s < GUESS_STEPS && c > lo && passesAt(search, leaf, Math.min(1, (offset + c - 1) / den));
    s++
  )
    c--;
  for (let s = 0; s < GUESS_STEPS && c < len && !passesAt(search, leaf, Math.min(1, (offset + c) / den)); s++)
    c++;
  const exact =
    passesAt(search, leaf, Math.min(1, (offset + c) / den)) &&
    (c === lo || !passesAt(search, leaf, Math.min(1, (offset + c - 1) / den)));
  if (!exact) {
    if (!passesAt(search, leaf, Math.min(1, (offset + len) / den))) return undefined;
    let a = lo;
    let b = len;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (passesAt(search, leaf, Math.min(1, (offset + mid) / den))) b = mid;
      else a = mid + 1;
    }
    c = a;
  }
  const beyond = descending ? sorted[len - c]! - step : sorted[c - 1]! + step;
  // Moving past the breakpoint by one step and rounding to the step keeps the value strictly beyond it.
  const result = roundToStep(beyond, step);
  return descending ? Math.min(result, raw) : Math.max(result, raw);
}

function scaleTarget(
  search: Search,
  leaf: number,
  params: RangeParams | ZScoreParams,
  needed: number,
  step: number,
): number | undefined {
  if (needed > 1 || !passesAt(search, leaf, 1)) return undefined;
  const x =
    params.kind === 'zscore'
      ? invertZ(params, Math.max(needed, 0))
      : invertRange(params, Math.max(needed, 0));
  const direction = params.descending ? -step : step;
  let to = roundToStep(x, step);
  for (let s = 0; s < 64 && !passesAt(search, leaf, applyNormaliser(params, to)); s++)
    to = roundToStep(to + direction * 2 ** s, step);
  return passesAt(search, leaf, applyNormaliser(params, to)) ? to : undefined;
}

function binsTarget(
  search: Search,
  leaf: number,
  params: BinsParams,
  raw: number,
  step: number,
): number | undefined {
  const u0 = search.current[leaf]!;
  let best: number | undefined;
  params.scores.forEach((score, i) => {
    if (!(score / 100 > u0) || !passesAt(search, leaf, score / 100)) return;
    const upper = i < params.edges.length ? params.edges[i]! : Number.POSITIVE_INFINITY;
    const lower = i > 0 ? params.edges[i - 1]! + step : Number.NEGATIVE_INFINITY;
    const to = Math.min(upper, Math.max(lower, raw));
    if (best === undefined || Math.abs(to - raw) < Math.abs(best - raw)) best = to;
  });
  return best;
}

function categoryChange(
  search: Search,
  leaf: number,
  params: CategoryParams,
  raw: number | string | null,
): LeafChange | undefined {
  const u0 = search.current[leaf]!;
  const floor = Number.isNaN(u0) ? -1 : u0;
  const found = Object.entries(params.map)
    .filter(([, score]) => score / 100 > floor)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .find(([, score]) => passesAt(search, leaf, score / 100));
  return found
    ? { leaf, from: raw, to: found[0], unitIncrease: found[1] / 100 - (Number.isNaN(u0) ? 0 : u0) }
    : undefined;
}

/** Rounds to the metric's resolution (cents, whole days). */
function roundToStep(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(6));
}
