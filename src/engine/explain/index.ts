import { cellValue, type CustomerMetrics } from '../columns.js';
import type { FittedFactor } from '../composite/factors.js';
import type { GradingResult, RunParams } from '../grade.js';
import { text, type Localised } from '../i18n.js';
import { METRICS, type MetricId, type MetricUnit } from '../metrics/catalogue.js';
import type { Model } from '../model/schema.js';
import { scoreOne } from '../score-one.js';
import { describeChange } from './format.js';
import { smallestLeafChange, type LeafChange, type Search } from './next-grade.js';
import { flatten, type FlatTree } from './tree.js';

export interface FactorLine {
  readonly path: string;
  readonly depth: number;
  readonly name: Localised;
  readonly metric?: MetricId | undefined;
  readonly unit?: MetricUnit | undefined;
  /** Raw metric value in its unit (leaves only). */
  readonly raw?: number | string | null | undefined;
  /** Normalised score 0–100 (NaN when NULL). */
  readonly score: number;
  /** Share of the composite the factor carries (0–1), product of normalised weights along its path. */
  readonly weight: number;
  /** Points of the composite this factor contributes (weight × score; NULL counts per the NULL policy). */
  readonly contribution: number;
}

export interface Suggestion {
  readonly path: string;
  readonly metric: MetricId;
  readonly from: number | string | null;
  readonly to: number | string;
  /** Change in the metric's own unit (NaN for a category). */
  readonly change: number;
  readonly text: Localised;
}

export interface NextGrade {
  readonly code: string;
  readonly name: Localised;
  /** Lowest composite score of the target grade. */
  readonly score: number;
  /** One suggestion per factor that can lift the customer alone, in factor order. */
  readonly suggestions: readonly Suggestion[];
  /** The suggestion needing the smallest rise in normalised score; null when no single factor suffices. */
  readonly best: Suggestion | null;
  readonly text: Localised;
}

export interface Explanation {
  readonly customerId: number;
  readonly grade: { readonly code: string; readonly name: Localised };
  readonly score: number;
  readonly factors: readonly FactorLine[];
  /** Lowest score of each grade, best first (score methods; null for an empty quota grade). */
  readonly boundaries: readonly {
    readonly code: string;
    readonly name: Localised;
    readonly minScore: number | null;
  }[];
  /** What lifts the customer one grade; null in the best grade or for methods without a composite score. */
  readonly nextGrade: NextGrade | null;
}

const NOT_REACHABLE = text('单一因子无法达到', 'not reachable by one factor');

/** The grade one better than `grade` that has members (an empty quota grade is skipped). */
function targetGrade(params: RunParams, grade: number): number {
  let target = grade - 1;
  while (target > 0 && Number.isNaN(params.scoreBoundaries?.[target] ?? 0)) target--;
  return target;
}

function unitsOf(tree: FlatTree, units: ReadonlyMap<string, number>): Float64Array {
  return Float64Array.from(tree.nodes, (n) => units.get(n.fitted.path) ?? Number.NaN);
}

function leafChanges(
  search: Search,
  raws: readonly (number | string | null)[],
  includeCategories: boolean,
): LeafChange[] {
  const found: LeafChange[] = [];
  const { tree } = search;
  for (let k = 0; k < tree.leaves.length; k++) {
    const leaf = tree.leaves[k]!;
    if (!includeCategories && tree.nodes[leaf]!.fitted.normaliser!.kind === 'category') continue;
    const change = smallestLeafChange(search, leaf, raws[k]!);
    if (change) found.push(change);
  }
  return found;
}

/** The headline: the change needing the smallest rise in normalised score (first in factor order on a tie). */
function smallest(changes: readonly LeafChange[]): LeafChange | undefined {
  let best: LeafChange | undefined;
  for (const c of changes) if (!best || c.unitIncrease < best.unitIncrease) best = c;
  return best;
}

const isScoreMethod = (params: RunParams): boolean =>
  params.method.kind === 'thresholds' || params.method.kind === 'quotas';

/**
 * Explains one customer's grade against a run's stored parameters: every factor's raw value, normalised
 * score, weight and contribution, the grade boundaries, and the smallest single-factor change that lifts it
 * one grade. Works for a population member (pass its metrics) and for any customer re-scored between runs.
 */
export function explainCustomer(
  model: Model,
  params: RunParams,
  customerId: number,
  metrics: CustomerMetrics,
): Explanation {
  const single = scoreOne(model, params, customerId, metrics);
  const tree = flatten(params.factors);
  const current = unitsOf(tree, single.units);
  const factors: FactorLine[] = tree.nodes.map((node, i) => {
    const metric = node.fitted.metric;
    const score = 100 * current[i]!;
    return {
      path: node.fitted.path,
      depth: node.depth,
      name: node.fitted.name ?? (metric ? METRICS[metric].name : text(node.fitted.id, node.fitted.id)),
      metric,
      unit: metric ? METRICS[metric].unit : undefined,
      raw: metric ? (metrics[metric] ?? null) : undefined,
      score,
      weight: node.weight,
      contribution: node.weight * (Number.isNaN(score) ? substitute(node.fitted, node.depth) : score),
    };
  });
  const grade = model.ladder[single.grade]!;
  const boundaries = model.ladder.map((g, i) => ({
    code: g.code,
    name: g.name,
    minScore: params.scoreBoundaries ? nullIfNaN(params.scoreBoundaries[i]!) : null,
  }));
  return {
    customerId,
    grade: { code: grade.code, name: grade.name },
    score: single.score,
    factors,
    boundaries,
    nextGrade: nextGradeOf(
      model,
      params,
      customerId,
      single.computedGrade,
      single.score,
      tree,
      current,
      metrics,
    ),
  };
}

const nullIfNaN = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Score a NULL factor counts as: the population median under the 'median' policy, else nothing. */
function substitute(fitted: FittedFactor, depth: number): number {
  if (fitted.nullPolicy !== 'median' || Number.isNaN(fitted.median)) return 0;
  return depth === 0 ? fitted.median : 100 * fitted.median;
}

function nextGradeOf(
  model: Model,
  params: RunParams,
  customerId: number,
  grade: number,
  score: number,
  tree: FlatTree,
  current: Float64Array,
  metrics: CustomerMetrics,
): NextGrade | null {
  if (!isScoreMethod(params) || grade === 0) return null;
  const target = targetGrade(params, grade);
  const targetScore = params.scoreBoundaries![target]!;
  const search: Search = {
    tree,
    current,
    target: { method: params.method, customerId, grade: target },
    deficit: targetScore - score,
  };
  const raws = tree.leaves.map((leaf) => metrics[tree.nodes[leaf]!.fitted.metric!] ?? null);
  const changes = leafChanges(search, raws, true);
  const suggestions = changes.map((c) => suggestion(tree, c));
  const best = smallest(changes);
  const bestSuggestion = best ? suggestions[changes.indexOf(best)]! : null;
  return {
    code: model.ladder[target]!.code,
    name: model.ladder[target]!.name,
    score: targetScore,
    suggestions,
    best: bestSuggestion,
    text: bestSuggestion?.text ?? NOT_REACHABLE,
  };
}

function suggestion(tree: FlatTree, c: LeafChange): Suggestion {
  const fitted = tree.nodes[c.leaf]!.fitted;
  const metric = fitted.metric!;
  const definition = METRICS[metric];
  return {
    path: fitted.path,
    metric,
    from: c.from,
    to: c.to,
    change: typeof c.to === 'number' && typeof c.from === 'number' ? c.to - c.from : Number.NaN,
    text: describeChange(definition.name, definition.unit, c.from, c.to),
  };
}

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
 * numeric leaf with the smallest single-factor change to the next grade. Category leaves are only proposed by
 * `explainCustomer`, which can name the category.
 */
export function explainColumns(model: Model, result: GradingResult): ExplanationColumns {
  const { params } = result;
  const tree = flatten(params.factors);
  const n = result.ids.length;
  const contributions: Record<string, Float64Array> = {};
  for (const t of tree.top) {
    const fitted = tree.nodes[t]!.fitted;
    const scores = result.factorScores[fitted.id]!;
    contributions[fitted.id] = scores.map(
      (s) => fitted.weight * (Number.isNaN(s) ? substitute(fitted, 0) : s),
    );
  }
  const bestLeaf = new Int32Array(n).fill(-1);
  const bestValue = new Float64Array(n).fill(Number.NaN);
  const unitColumns = tree.nodes.map((node) => result.units.get(node.fitted.path)!);
  const rawColumns = tree.leaves.map((leaf) => result.columns.metrics[tree.nodes[leaf]!.fitted.metric!]!);
  const current = new Float64Array(tree.nodes.length);
  const raws = new Array<number | string | null>(tree.leaves.length);
  let reachableCount = 0;
  const scoreMethod = isScoreMethod(params);
  for (let i = 0; scoreMethod && i < n; i++) {
    const grade = result.computedGrades[i]!;
    if (grade === 0) continue;
    const target = targetGrade(params, grade);
    for (let k = 0; k < unitColumns.length; k++) current[k] = unitColumns[k]![i]!;
    for (let k = 0; k < rawColumns.length; k++) raws[k] = cellValue(rawColumns[k]!, i);
    const search: Search = {
      tree,
      current,
      target: { method: params.method, customerId: result.ids[i]!, grade: target },
      deficit: params.scoreBoundaries![target]! - result.scores[i]!,
    };
    const best = smallest(leafChanges(search, raws, false));
    if (!best) continue;
    reachableCount++;
    bestLeaf[i] = tree.leaves.indexOf(best.leaf);
    bestValue[i] = best.to as number;
  }
  return {
    leaves: tree.leaves.map((l) => tree.nodes[l]!.fitted.path),
    contributions,
    bestLeaf,
    bestValue,
    reachableCount,
  };
}
