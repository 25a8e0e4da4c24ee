import { FACTOR_SCALE } from '../composite/factors.js';
import type { GradingResult } from '../grade.js';
import type { Model } from '../model/schema.js';
import { numeric } from '../normalise/index.js';
import { contributionOf } from './contribution.js';
import { searchAnyLeaf, searchPercentileLeaf } from './percentile-pass.js';
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
 * Leaf by leaf, one pass over the customers keeps each customer's best change so far in typed arrays. Leaves
 * carrying more of the composite go first, as they usually need the smallest rise; a later leaf is skipped for
 * a customer when even the least rise that could reach the next grade exceeds the best change found so far,
 * and a customer no leaf left could improve leaves the candidate list, so that later passes (reached by a
 * tenth of the customers) do not walk the whole population. Equal rises go to the leaf first in factor order,
 * whatever order the leaves are searched in.
 */
export function explainColumns(model: Model, result: GradingResult): ExplanationColumns {
  const { params } = result;
  const tree = flatten(params.factors);
  const n = result.ids.length;
  const bestLeaf = new Int32Array(n).fill(-1);
  const bestValue = new Float64Array(n).fill(Number.NaN);
  if (isScoreMethod(params)) {
    const probe = new Probe(
      tree,
      params,
      tree.nodes.map((node) => result.units.get(node.fitted.path)!),
    );
    const shortfall = shortfalls(probe, result);
    const bestRise = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const order = searchOrder(tree);
    const slopes = order.map((k) =>
      canSkip(tree, tree.leaves[k]!) ? probe.slopeOf(tree.leaves[k]!) : Number.NaN,
    );
    const candidates = rowsBelowTop(result.computedGrades);
    let count = candidates.length;
    order.forEach((k, at) => {
      const leaf = tree.leaves[k]!;
      const { metric, normaliser } = tree.nodes[leaf]!.fitted;
      const raws = numeric(result.columns.metrics[metric!]!);
      const slope = slopes[at]!;
      const pass = { k, candidates, count, leaf, raws, slope, shortfall, bestRise, bestLeaf, bestValue };
      if (normaliser!.kind === 'percentile' && Number.isFinite(slope))
        searchPercentileLeaf(
          probe,
          result,
          pass,
          normaliser!,
          result.units.get(tree.nodes[leaf]!.fitted.path)!,
        );
      else searchAnyLeaf(probe, result, pass);
      count = keepImprovable(candidates, count, shortfall, bestRise, steepest(slopes.slice(at + 1)));
    });
  }
  return {
    leaves: tree.leaves.map((l) => tree.nodes[l]!.fitted.path),
    contributions: contributionColumns(tree, result),
    bestLeaf,
    bestValue,
    reachableCount: countReachable(bestLeaf),
  };
}

function shortfalls(probe: Probe, { computedGrades, scores }: GradingResult): Float64Array {
  const shortfall = new Float64Array(scores.length);
  for (let i = 0; i < shortfall.length; i++) shortfall[i] = probe.shortfall(computedGrades[i]!, scores[i]!);
  return shortfall;
}

/** Rows of every grade but the best, ascending: the customers a change could lift. */
function rowsBelowTop(grades: Int32Array): Int32Array {
  let count = 0;
  for (let i = 0; i < grades.length; i++) if (grades[i] !== 0) count++;
  const rows = new Int32Array(count);
  for (let i = 0, j = 0; i < grades.length; i++) if (grades[i] !== 0) rows[j++] = i;
  return rows;
}

/**
 * The largest slope among the leaves left to search; +∞ when one of them has none (it is searched for every
 * customer), 0 when none is left.
 */
function steepest(slopes: readonly number[]): number {
  return slopes.reduce((a, s) => (Number.isNaN(s) ? Number.POSITIVE_INFINITY : Math.max(a, s)), 0);
}

/**
 * Keeps, in place and in order, the candidates that some leaf still to search could improve: a customer whose
 * least rise at the steepest remaining slope already exceeds its best change is skipped by every later leaf
 * (the best change only shrinks). Returns the new count.
 */
function keepImprovable(
  candidates: Int32Array,
  count: number,
  shortfall: Float64Array,
  bestRise: Float64Array,
  slope: number,
): number {
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const i = candidates[j]!;
    if (!(shortfall[i]! / slope > bestRise[i]!)) candidates[kept++] = i;
  }
  return kept;
}

function countReachable(bestLeaf: Int32Array): number {
  let count = 0;
  for (let i = 0; i < bestLeaf.length; i++) if (bestLeaf[i]! >= 0) count++;
  return count;
}

/** Indices into `tree.leaves` of the numeric leaves, heaviest share of the composite first. */
function searchOrder(tree: FlatTree): number[] {
  return tree.leaves
    .map((leaf, k) => ({
      k,
      weight: tree.nodes[leaf]!.weight,
      kind: tree.nodes[leaf]!.fitted.normaliser!.kind,
    }))
    .filter((l) => l.kind !== 'category')
    .sort((a, b) => b.weight - a.weight || a.k - b.k)
    .map((l) => l.k);
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

/**
 * Each top-level factor's points, from its unit scores: the factor score is FACTOR_SCALE × unit, computed as
 * the fit computes it, so this equals `weight × factorScores[id]` bit for bit without making that column.
 */
function contributionColumns(tree: FlatTree, result: GradingResult): Record<string, Float64Array> {
  const contributions: Record<string, Float64Array> = {};
  for (const t of tree.top) {
    const { fitted, weight } = tree.nodes[t]!;
    const units = result.units.get(fitted.path)!;
    const nullContribution = contributionOf(fitted, weight, 0, Number.NaN);
    contributions[fitted.id] = weighted(units, weight, nullContribution);
  }
  return contributions;
}

function weighted(units: Float64Array, weight: number, nullContribution: number): Float64Array {
  const out = new Float64Array(units.length);
  for (let i = 0; i < units.length; i++) {
    const s = FACTOR_SCALE * units[i]!;
    out[i] = s !== s ? nullContribution : weight * s;
  }
  return out;
}
