import { applyNormaliser } from '../normalise/index.js';
import { nullsBefore, rowsRanked, scorePercentile, type PercentileParams } from '../normalise/percentile.js';
import { invertRange, invertZ, type RangeParams, type ZScoreParams } from '../normalise/scale.js';
import type { BinsParams, CategoryParams } from '../normalise/lookup.js';
import type { Probe } from './probe.js';

/**
 * The smallest change of one leaf metric that lifts a customer to its target grade, searched against the run's
 * stored parameters through a `Probe` aimed at the customer. The numeric search allocates nothing: the
 * columnar pass runs it for every customer and leaf.
 */
export interface LeafChange {
  readonly leaf: number;
  readonly from: number | string | null;
  readonly to: number | string;
  /** Increase of the leaf's unit score (0–1) the change brings; the headline suggestion minimises it. */
  readonly unitIncrease: number;
}

/** The outcome of `numericTarget`, reused between calls. */
export interface NumericChange {
  /** The value the leaf must reach (NaN when this leaf alone cannot lift the customer). */
  to: number;
  unitIncrease: number;
}

const GUESS_STEPS = 4;

/** Allocating wrapper for one customer: numeric leaves and category leaves. */
export function smallestLeafChange(
  probe: Probe,
  leaf: number,
  raw: number | string | null,
): LeafChange | undefined {
  const params = probe.tree.nodes[leaf]!.fitted.normaliser!;
  if (params.kind === 'category') return categoryChange(probe, leaf, params, raw);
  if (typeof raw !== 'number') return undefined;
  const out: NumericChange = { to: Number.NaN, unitIncrease: Number.NaN };
  numericTarget(probe, leaf, raw, out);
  return Number.isNaN(out.to) ? undefined : { leaf, from: raw, to: out.to, unitIncrease: out.unitIncrease };
}

/**
 * Searches one numeric leaf: percentile leaves move over the stored breakpoints (just past the c-th sorted
 * value), starting from the linear estimate and correcting with exact re-scoring; continuous leaves invert
 * their scale; bins try each better bin. Writes NaN into `out.to` when this leaf alone cannot lift the
 * customer, or its value is NULL.
 */
export function numericTarget(probe: Probe, leaf: number, raw: number, out: NumericChange): void {
  out.to = Number.NaN;
  if (Number.isNaN(raw)) return;
  probe.focus(leaf);
  const params = probe.normaliser!;
  const needed = probe.unit + probe.deficit / (100 * probe.weight);
  const step = probe.step;
  switch (params.kind) {
    case 'percentile':
      return percentileTarget(probe, params, raw, needed, step, out);
    case 'bins':
      out.to = binsTarget(probe, params, raw, step);
      break;
    case 'category':
      return;
    default:
      out.to = scaleTarget(probe, params, needed, step);
  }
  out.unitIncrease = applyNormaliser(params, out.to) - probe.unit;
}

export const unitAt = (offset: number, c: number, den: number) => Math.min(1, (offset + c) / den);

function percentileTarget(
  probe: Probe,
  params: PercentileParams,
  raw: number,
  needed: number,
  step: number,
  out: NumericChange,
): void {
  const len = params.sorted.length;
  const den = rowsRanked(params) - 1;
  if (den <= 0) return;
  const offset = nullsBefore(params);
  // The unit score is (offset + c0) / den exactly, so c0 is recovered without searching the breakpoints.
  const c0 = Math.round(probe.unit * den) - offset;
  if (c0 >= len) return;
  const lo = c0 + 1;
  let c = Math.min(len, Math.max(lo, Math.ceil(needed * den - offset)));
  for (let s = 0; s < GUESS_STEPS && c > lo && probe.passes(unitAt(offset, c - 1, den)); s++) c--;
  for (let s = 0; s < GUESS_STEPS && c < len && !probe.passes(unitAt(offset, c, den)); s++) c++;
  const exact =
    probe.passes(unitAt(offset, c, den)) && (c === lo || !probe.passes(unitAt(offset, c - 1, den)));
  if (!exact) {
    if (!probe.passes(unitAt(offset, len, den))) return;
    let a = lo;
    let b = len;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (probe.passes(unitAt(offset, mid, den))) b = mid;
      else a = mid + 1;
    }
    c = a;
  }
  percentileChange(params, c, raw, step, probe.unit, out);
}

/** The value just past the c-th breakpoint (c ≥ 1) that a customer at unit score `unit` and value `raw` moves to. */
export function percentileChange(
  params: PercentileParams,
  c: number,
  raw: number,
  step: number,
  unit: number,
  out: NumericChange,
): void {
  const { sorted, descending } = params;
  const beyond = descending ? sorted[sorted.length - c]! - step : sorted[c - 1]! + step;
  // Moving past the breakpoint by one step and rounding to the step keeps the value strictly beyond it.
  const rounded = roundToStep(beyond, step);
  const to = descending ? Math.min(rounded, raw) : Math.max(rounded, raw);
  out.to = to;
  // About c breakpoints are now ordered before the value: the search for its new score starts there.
  out.unitIncrease = scorePercentile(params, to, c) - unit;
}

function scaleTarget(probe: Probe, params: RangeParams | ZScoreParams, needed: number, step: number): number {
  if (needed > 1 || !probe.passes(1)) return Number.NaN;
  const x =
    params.kind === 'zscore'
      ? invertZ(params, Math.max(needed, 0))
      : invertRange(params, Math.max(needed, 0));
  const direction = params.descending ? -step : step;
  let to = roundToStep(x, step);
  for (let s = 0; s < 64 && !probe.passes(applyNormaliser(params, to)); s++)
    to = roundToStep(to + direction * 2 ** s, step);
  return probe.passes(applyNormaliser(params, to)) ? to : Number.NaN;
}

function binsTarget(probe: Probe, params: BinsParams, raw: number, step: number): number {
  const u0 = probe.unit;
  let best = Number.NaN;
  for (let i = 0; i < params.scores.length; i++) {
    const unit = params.scores[i]! / 100;
    if (!(unit > u0) || !probe.passes(unit)) continue;
    const upper = i < params.edges.length ? params.edges[i]! : Number.POSITIVE_INFINITY;
    const lower = i > 0 ? params.edges[i - 1]! + step : Number.NEGATIVE_INFINITY;
    const to = Math.min(upper, Math.max(lower, raw));
    if (Number.isNaN(best) || Math.abs(to - raw) < Math.abs(best - raw)) best = to;
  }
  return best;
}

function categoryChange(
  probe: Probe,
  leaf: number,
  params: CategoryParams,
  raw: number | string | null,
): LeafChange | undefined {
  probe.focus(leaf);
  const u0 = probe.unit;
  const floor = Number.isNaN(u0) ? -1 : u0;
  const found = Object.entries(params.map)
    .filter(([, score]) => score / 100 > floor)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .find(([, score]) => probe.passes(score / 100));
  return found
    ? { leaf, from: raw, to: found[0], unitIncrease: found[1] / 100 - (Number.isNaN(u0) ? 0 : u0) }
    : undefined;
}

// Compared one by one rather than looked up in a Set: this runs for every customer of the columnar pass.
const isDecimalScale = (s: number): boolean =>
  s === 1 || s === 10 || s === 100 || s === 1000 || s === 10000 || s === 100000 || s === 1000000;

/**
 * Rounds to the metric's resolution (cents, whole days) as `Number((k·step).toFixed(6))`, k = round(value /
 * step). For decimal steps and |k·step| < 1e9 that decimal is exactly k / 10^d, whose nearest double the
 * division gives without formatting a string (+0 turns −0 into the 0 that toFixed prints).
 */
export function roundToStep(value: number, step: number): number {
  const k = Math.round(value / step);
  const scale = Math.round(1 / step);
  if (1 / scale === step && isDecimalScale(scale) && Math.abs(k * step) < 1e9) return k / scale + 0;
  return Number((k * step).toFixed(6));
}
