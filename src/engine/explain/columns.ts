import type { GradingResult } from '../grade.js';
import type { Model } from '../model/schema.js';
import { numeric } from '../normalise/index.js';
import { contributionOf } from './contribution.js';
import { numericTarget, type NumericChange } from './next-grade.js';
import { isScoreMethod, Probe } from './probe.js';
import { flatten, type FlatTree } from './tree.js';

/** Explanations for a whole run in columns, for storing with the grades (no object per customer). */
export interface ExplanationColumns {
  /** Leaf paths, in the order `bestLeaf` indexes them. */
  readonly leaves: readonly string[];
  /** Points each top-level factor contributes to the composite, by factor id. */
  readonly contributions: Readonly<Record<string, Float64Array>>;
  /** Leaf whose smallest change lifts the customer one grade (−1: best grade, or not reachable by one factor). */
  readonly bestLeaf: Int32Array;
  /** The value that leaf must reach (NaN when none). */
  readonly bestValue: Float64Array;
  readonly reachableCount: number;
}

/**
 * Columnar explanations of a score-method run: contributions of every top-level factor and, per customer, the
 * numeric leaf with the smallest single-factor change to the next grade — the headline `explainCustomer`
 * gives, except that category leaves are only proposed there, where the category can be named.
 *
 * Leaf by leaf, one pass over the customers keeps each customer's best change so far in typed arrays. A leaf
 * is skipped for a customer when even the least rise that could reach the next grade is no smaller than the
 * best change found in an earlier leaf (which wins ties).
 */
export function explainColumns(model: Model, result: GradingResult): ExplanationColumns {
  const { params } = result;
  const tree = flatten(params.factors);
  const n = result.ids.length;
  const bestLeaf = new Int32Array(n).fill(-1);
  const bestValue = new Float64Array(n).fill(Number.NaN);
  if (isScoreMethod(params)) {
    const bestRise = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const probe = new Probe(
      tree,
      params,
      tree.nodes.map((node) => result.units.get(node.fitted.path)!),
    );
    const change: NumericChange = { to: Number.NaN, unitIncrease: Number.NaN };
    tree.leaves.forEach((leaf, k) => {
      const fitted = tree.nodes[leaf]!.fitted;
      if (fitted.normaliser!.kind === 'category') return;
      const raws = numeric(result.columns.metrics[fitted.metric!]!);
      const boundSafe = canSkip(tree, leaf);
      for (let i = 0; i < n; i++) {
        const grade = result.computedGrades[i]!;
        if (grade === 0) continue;
        probe.at(i, result.ids[i]!, result.scores[i]!, grade);
        probe.focus(leaf);
        if (boundSafe && probe.leastRise() >= bestRise[i]!) continue;
        numericTarget(probe, leaf, raws[i]!, change);
        if (!(change.unitIncrease < bestRise[i]!) || Number.isNaN(change.to)) continue;
        bestRise[i] = change.unitIncrease;
        bestLeaf[i] = k;
        bestValue[i] = change.to;
      }
    });
  }
  let reachableCount = 0;
  for (let i = 0; i < n; i++) if (bestLeaf[i]! >= 0) reachableCount++;
  return {
    leaves: tree.leaves.map((l) => tree.nodes[l]!.fitted.path),
    contributions: contributionColumns(tree, result),
    bestLeaf,
    bestValue,
    reachableCount,
  };
}

/**
 * Whether the value a leaf's search proposes always scores at least the unit score that passed, so that the
 * least rise bounds the reported one. A percentile leaf proposes one step past a breakpoint, which is strictly
 * past it unless the breakpoint is so large that adding a step does not change it.
 */
function canSkip(tree: FlatTree, leaf: number): boolean {
  const params = tree.nodes[leaf]!.fitted.normaliser!;
  if (params.kind !== 'percentile' || params.sorted.length === 0) return true;
  const largest = Math.max(Math.abs(params.sorted[0]!), Math.abs(params.sorted[params.sorted.length - 1]!));
  return largest < 1e9;
}

function contributionColumns(tree: FlatTree, result: GradingResult): Record<string, Float64Array> {
  const contributions: Record<string, Float64Array> = {};
  for (const t of tree.top) {
    const { fitted, weight } = tree.nodes[t]!;
    const scores = result.factorScores[fitted.id]!;
    const out = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) out[i] = contributionOf(fitted, weight, 0, scores[i]!);
    contributions[fitted.id] = out;
  }
  return contributions;
}
