import type { GradingResult } from '../grade.js';
import { nullsBefore, rowsRanked, type PercentileParams } from '../normalise/percentile.js';
import { numericTarget, percentileChange, unitAt, type NumericChange } from './next-grade.js';
import type { Probe } from './probe.js';

/** One leaf's columns, the customers to search, and the best change found so far for every customer. */
export interface LeafPass {
  readonly k: number;
  /** Rows still able to improve on their best change, ascending; `candidates[0..count)` are searched. */
  readonly candidates: Int32Array;
  readonly count: number;
  readonly leaf: number;
  readonly raws: Float64Array;
  /** Composite points per unit score of the leaf; NaN when a re-weighting NULL policy makes it vary. */
  readonly slope: number;
  readonly shortfall: Float64Array;
  readonly bestRise: Float64Array;
  readonly bestLeaf: Int32Array;
  readonly bestValue: Float64Array;
}

/** Whether a customer's change of leaf `k` replaces the best so far: a smaller rise, or an equal one earlier. */
function keepIfBetter(pass: LeafPass, i: number, change: NumericChange): void {
  const rise = change.unitIncrease;
  const { bestRise, bestLeaf } = pass;
  if (Number.isNaN(change.to) || rise > bestRise[i]! || (rise === bestRise[i] && pass.k > bestLeaf[i]!))
    return;
  bestRise[i] = rise;
  bestLeaf[i] = pass.k;
  pass.bestValue[i] = change.to;
}

/**
 * Any leaf, through the probe: the general search of `numericTarget`. In a function of its own: a loop that
 * V8 optimises mid-run is left on the code after it, so each leaf's pass re-enters optimised code.
 */
export function searchAnyLeaf(probe: Probe, result: GradingResult, pass: LeafPass): void {
  const change: NumericChange = { to: Number.NaN, unitIncrease: Number.NaN };
  const { computedGrades, ids, scores } = result;
  const { leaf, raws, slope, shortfall, bestRise, candidates, count } = pass;
  for (let j = 0; j < count; j++) {
    const i = candidates[j]!;
    const grade = computedGrades[i]!;
    if (shortfall[i]! / slope > bestRise[i]!) continue;
    probe.at(i, ids[i]!, scores[i]!, grade);
    numericTarget(probe, leaf, raws[i]!, change);
    keepIfBetter(pass, i, change);
  }
}

/**
 * A percentile leaf of an affine composite (finite slope): the breakpoint count c a customer needs is
 * computed from the pass line directly and confirmed on the affine estimate (c passes, c − 1 does not), with
 * plain arithmetic on local variables instead of the probe — about ten times fewer operations per customer.
 * A customer whose confirmation falls within the estimate's margin goes through the general search, so every
 * answer is the one `numericTarget` gives.
 */
export function searchPercentileLeaf(
  probe: Probe,
  result: GradingResult,
  pass: LeafPass,
  params: PercentileParams,
  units: Float64Array,
): void {
  const den = rowsRanked(params) - 1;
  if (den <= 0) return;
  const offset = nullsBefore(params);
  const len = params.sorted.length;
  const change: NumericChange = { to: Number.NaN, unitIncrease: Number.NaN };
  const { computedGrades, ids, scores } = result;
  const { leaf, raws, slope, shortfall, bestRise, candidates, count } = pass;
  const step = probe.stepOf(leaf);
  for (let j = 0; j < count; j++) {
    const i = candidates[j]!;
    const grade = computedGrades[i]!;
    const raw = raws[i]!;
    if (raw !== raw || shortfall[i]! / slope > bestRise[i]!) continue;
    const unit = units[i]!;
    const c0 = Math.round(unit * den) - offset;
    if (c0 >= len) continue;
    const score = scores[i]!;
    const line = probe.lineOf(grade);
    const margin = probe.marginOf(grade);
    const lowest = c0 + 1;
    const c = Math.min(len, Math.max(lowest, Math.ceil((unit + (line - score) / slope) * den - offset)));
    // Estimated composite minus the pass line at c and at c − 1 breakpoints.
    const above = score + slope * (unitAt(offset, c, den) - unit) - line;
    if (c === len && -above > margin) continue; // even the top breakpoint leaves the customer short
    const below =
      c === lowest ? Number.NEGATIVE_INFINITY : score + slope * (unitAt(offset, c - 1, den) - unit) - line;
    if (above > margin && -below > margin) percentileChange(params, c, raw, step, unit, change);
    else {
      // Within the estimate's margin of the line (a tie with the boundary customer): the exact test decides,
      // a step or two from the estimate.
      probe.at(i, ids[i]!, score, grade);
      probe.focus(leaf);
      const exact = walkToFirstPassing(probe, c, lowest, len, offset, den);
      if (exact > 0) percentileChange(params, exact, raw, step, unit, change);
      else if (exact === 0) change.to = Number.NaN;
      else numericTarget(probe, leaf, raw, change);
    }
    keepIfBetter(pass, i, change);
  }
}

const WALK_STEPS = 4;

/**
 * The least breakpoint count in [lowest, len] whose unit score passes, walked from `c` with the exact test;
 * 0 when none passes, −1 when it is more than `WALK_STEPS` away (the caller searches in full).
 */
function walkToFirstPassing(
  probe: Probe,
  c: number,
  lowest: number,
  len: number,
  offset: number,
  den: number,
) {
  let at = c;
  for (let s = 0; at > lowest && probe.passes(unitAt(offset, at - 1, den)); s++) {
    if (s === WALK_STEPS) return -1;
    at--;
  }
  for (let s = 0; !probe.passes(unitAt(offset, at, den)); s++) {
    if (at === len) return 0;
    if (s === WALK_STEPS) return -1;
    at++;
  }
  return at;
}
