import type { CustomerMetrics } from '../columns.js';
import type { RunParams } from '../grade.js';
import { text, type Localised } from '../i18n.js';
import { METRICS, type MetricId, type MetricUnit } from '../metrics/catalogue.js';
import type { Model } from '../model/schema.js';
import { scoreOne } from '../score-one.js';
import { contributionOf } from './contribution.js';
import { describeChange } from './format.js';
import { smallestLeafChange, type LeafChange } from './next-grade.js';
import { isScoreMethod, Probe, targetGrade } from './probe.js';
import { flatten, type FlatTree } from './tree.js';

export { explainColumns, type ExplanationColumns } from './columns.js';

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

function unitsOf(tree: FlatTree, units: ReadonlyMap<string, number>): Float64Array {
  return Float64Array.from(tree.nodes, (n) => units.get(n.fitted.path) ?? Number.NaN);
}

function leafChanges(probe: Probe, raws: readonly (number | string | null)[]): LeafChange[] {
  const found: LeafChange[] = [];
  const { leaves } = probe.tree;
  for (let k = 0; k < leaves.length; k++) {
    const change = smallestLeafChange(probe, leaves[k]!, raws[k]!);
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
      contribution: contributionOf(node.fitted, node.weight, node.depth, score),
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
  const probe = new Probe(tree, params);
  probe.current.set(current);
  probe.at(-1, customerId, score, grade);
  const raws = tree.leaves.map((leaf) => metrics[tree.nodes[leaf]!.fitted.metric!] ?? null);
  const changes = leafChanges(probe, raws);
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
