import type { RunParams } from '../grade.js';
import { METRICS } from '../metrics/catalogue.js';
import type { NormaliserParams } from '../normalise/index.js';
import type { QuotaParams } from '../graders/quotas.js';
import { quotaGradeOf } from '../graders/quotas.js';
import { gradeByThreshold } from '../graders/thresholds.js';
import { compositeWithLeaf, type FlatTree } from './tree.js';

/**
 * Answers "does this customer reach its target grade if leaf L had unit score u?" for one customer at a time,
 * without allocating: the columnar explanation pass re-aims one probe at a million customers.
 *
 * Exactness: the composite is affine in one leaf's unit score (slope 100 × the leaf's share of the composite)
 * unless an 'exclude' NULL policy re-weights the blend. The affine estimate differs from the exact re-blend by
 * a few ulps of 100, so a composite that clears the target grade's pass line by more than `MARGIN` is decided
 * by the estimate and anything closer by the exact re-blend and the method's own grading rule — the answer is
 * always the exact one.
 */
const MARGIN = 1e-9;

export const isScoreMethod = (params: RunParams): boolean =>
  params.method.kind === 'thresholds' || params.method.kind === 'quotas';

/** The grade one better than `grade` that has members (an empty quota grade is skipped). */
export function targetGrade(params: RunParams, grade: number): number {
  let target = grade - 1;
  while (target > 0 && Number.isNaN(params.scoreBoundaries?.[target] ?? 0)) target--;
  return target;
}

/**
 * The composite a customer must reach for grade `target` or better, up to the customer-id tie rule at exactly
 * that value; NaN when the method's rule cannot be reduced to one line (NULL boundaries, no boundary at all).
 */
function passLine(params: RunParams, target: number): number {
  const method = params.method;
  let line = Number.POSITIVE_INFINITY;
  for (let g = 0; g <= target; g++) {
    let value: number;
    if (method.kind === 'thresholds') value = method.thresholds[g] ?? Number.NaN;
    else {
      const boundary = (method as QuotaParams).boundaries[g];
      if (!boundary) continue;
      value = boundary.value;
    }
    if (Number.isNaN(value)) return Number.NaN;
    if (value < line) line = value;
  }
  return Number.isFinite(line) ? line : Number.NaN;
}

export class Probe {
  /** Unit score of every node for the current customer (filled lazily from `columns` in columnar mode). */
  readonly current: Float64Array;
  /** Composite points missing to the target grade's lowest score, for first guesses. */
  deficit = Number.NaN;
  /** Unit score of the focused leaf for the current customer. */
  unit = Number.NaN;
  /** The focused leaf's share of the composite, fitted normaliser, and resolution in its metric's unit. */
  weight = Number.NaN;
  normaliser: NormaliserParams | undefined;
  step = Number.NaN;
  private readonly slopes: Float64Array;
  private readonly steps: Float64Array;
  private readonly lines: Float64Array;
  private readonly margins: Float64Array;
  private readonly targets: Int32Array;
  private row = -1;
  private loaded = true;
  private score = Number.NaN;
  private customerId = 0;
  private target = 0;
  private line = Number.NaN;
  private margin = Number.NaN;
  private leaf = -1;
  private slope = Number.NaN;

  constructor(
    readonly tree: FlatTree,
    private readonly params: RunParams,
    /** Unit score column of every node (columnar mode); absent when `current` is set by the caller. */
    private readonly columns?: readonly Float64Array[],
  ) {
    this.current = new Float64Array(tree.nodes.length);
    const affine = tree.nodes.every((n) => n.fitted.nullPolicy !== 'exclude');
    this.slopes = Float64Array.from(tree.nodes, (n) => (affine ? 100 * n.weight : Number.NaN));
    const grades = params.scoreBoundaries?.length ?? 0;
    this.targets = Int32Array.from({ length: grades }, (_, g) => (g > 0 ? targetGrade(params, g) : 0));
    this.lines = Float64Array.from(this.targets, (t) => passLine(params, t));
    this.margins = this.lines.map((line) => MARGIN * Math.max(1, Math.abs(line)));
    this.steps = Float64Array.from(tree.nodes, (n) =>
      n.fitted.metric ? METRICS[n.fitted.metric].step : NaN,
    );
  }

  /** Aims the probe at a customer of computed grade `grade` (> 0) and composite `score`. */
  at(row: number, customerId: number, score: number, grade: number): void {
    const target = this.targets[grade]!;
    this.row = row;
    this.loaded = this.columns === undefined;
    this.score = score;
    this.customerId = customerId;
    this.target = target;
    this.line = this.lines[grade]!;
    this.margin = this.margins[grade]!;
    this.deficit = this.params.scoreBoundaries![target]! - score;
  }

  focus(leaf: number): void {
    const node = this.tree.nodes[leaf]!;
    this.leaf = leaf;
    this.weight = node.weight;
    this.normaliser = node.fitted.normaliser;
    this.step = this.steps[leaf]!;
    this.slope = this.slopes[leaf]!;
    this.unit = this.columns ? this.columns[leaf]![this.row]! : this.current[leaf]!;
  }

  /**
   * Composite points a customer of computed grade `grade` and composite `score` must gain at least to reach
   * its target grade (NaN when unknown): divided by a leaf's slope, the least rise of that leaf's unit score.
   */
  shortfall(grade: number, score: number): number {
    return (this.lines[grade] ?? Number.NaN) - score - 2 * (this.margins[grade] ?? Number.NaN);
  }

  /** Composite a customer of computed grade `grade` must reach for its target grade (NaN when there is none). */
  lineOf(grade: number): number {
    return this.lines[grade]!;
  }

  /** Distance from `lineOf(grade)` within which the affine estimate is not trusted. */
  marginOf(grade: number): number {
    return this.margins[grade]!;
  }

  /** Resolution of a leaf's metric, the step a proposed value is rounded to. */
  stepOf(leaf: number): number {
    return this.steps[leaf]!;
  }

  /** Composite points per unit score of a leaf (NaN when a re-weighting NULL policy makes it vary). */
  slopeOf(leaf: number): number {
    return this.slopes[leaf]!;
  }

  /** Whether the customer reaches the target grade when the focused leaf has unit score `unit`. */
  passes(unit: number): boolean {
    const estimate = this.score + this.slope * (unit - this.unit);
    if (estimate - this.line > this.margin) return true;
    if (this.line - estimate > this.margin) return false;
    return this.reachesExactly(compositeWithLeaf(this.tree, this.load(), this.leaf, unit));
  }

  private load(): Float64Array {
    if (!this.loaded) {
      for (let k = 0; k < this.current.length; k++) this.current[k] = this.columns![k]![this.row]!;
      this.loaded = true;
    }
    return this.current;
  }

  private reachesExactly(score: number): boolean {
    const m = this.params.method;
    if (m.kind === 'thresholds') return gradeByThreshold(m.thresholds, score) <= this.target;
    if (m.kind === 'quotas') return quotaGradeOf(m, score, this.customerId) <= this.target;
    return false;
  }
}
