import { once, type CustomerMetrics, type MetricColumn, type PopulationColumns } from '../columns.js';
import { EngineError, text, type Localised } from '../i18n.js';
import { METRICS, type MetricId } from '../metrics/catalogue.js';
import type { FactorSpec, NullPolicy } from '../model/schema.js';
import { applyNormaliser, fitNormaliser, type NormaliserParams } from '../normalise/index.js';
import { medianOf } from './median.js';

/**
 * A factor tree fitted to a population. Leaves normalise one metric to a unit score (0–1); a node blends its
 * children with weights normalised to sum 1. A top-level factor's score is 100 × its unit score, and the
 * composite is the weighted sum of the top-level scores: with integer weights this is exactly the reference's
 * `100 × (0.75·pr_sales + 0.25·pr_growth)` and `0.1·credit + 0.3·sales + 0.6·profit`, summed left to right.
 */
export interface FittedFactor {
  readonly id: string;
  /** Dotted path from the top-level factor, e.g. `sales.growth`. */
  readonly path: string;
  readonly name?: Localised | undefined;
  readonly metric?: MetricId | undefined;
  readonly normaliser?: NormaliserParams | undefined;
  readonly weight: number;
  readonly nullPolicy: NullPolicy;
  /** Population median of this factor's values (unit scale, or 0–100 at the top), used by the 'median' policy. */
  readonly median: number;
  readonly children?: readonly FittedFactor[] | undefined;
}

/** A top-level factor's score is its unit score times this. */
export const FACTOR_SCALE = 100;

export interface FittedComposite {
  readonly factors: readonly FittedFactor[];
  /**
   * 0–100 score of each top-level factor (NaN where NULL before the NULL policy), made on first call: when
   * every factor scores NULL as 0 the composite is summed without them, and a caller that reads the unit
   * scores (the explanations) never needs the columns.
   */
  readonly factorScores: readonly (() => Float64Array)[];
  /** Unit score of every leaf and node, by path. */
  readonly units: ReadonlyMap<string, Float64Array>;
  readonly composite: Float64Array;
}

export function normaliseWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0) || weights.some((w) => !(w >= 0)))
    throw new EngineError(text('权重必须非负且不能全为零', 'weights must be non-negative and not all zero'));
  return weights.map((w) => w / total);
}

interface Fitting {
  readonly fitted: FittedFactor;
  readonly values: () => Float64Array;
}

export function fitComposite(specs: readonly FactorSpec[], columns: PopulationColumns): FittedComposite {
  const units = new Map<string, Float64Array>();
  const top = fitLevel(specs, columns, '', FACTOR_SCALE, units);
  const factors = top.fittings.map((t) => t.fitted);
  return { factors, factorScores: top.fittings.map((t) => t.values), units, composite: top.blended };
}

/**
 * Fits one level of the tree and blends it. When every factor of the level scores NULL as 0, each factor is
 * added to the blend as soon as it is fitted, with the same operations as `blend`, so the sums are
 * bit-identical, and its scaled column is made only when read.
 */
function fitLevel(
  specs: readonly FactorSpec[],
  columns: PopulationColumns,
  prefix: string,
  scale: number,
  units: Map<string, Float64Array>,
): { fittings: Fitting[]; blended: Float64Array } {
  const n = columns.ids.length;
  const weights = normaliseWeights(specs.map((s) => s.weight));
  const addAsFitted = specs.every((s) => s.nullPolicy === 'zero');
  const blended = new Float64Array(n);
  const fittings = specs.map((spec, i) => {
    const path = prefix + spec.id;
    const { unit, normaliser, children } = spec.factors
      ? fitNode(spec.factors, columns, path, units)
      : fitLeaf(spec, columns);
    units.set(path, unit);
    if (addAsFitted) addScaled(unit, scale, weights[i]!, blended);
    const values = scale === 1 ? () => unit : once(() => scaled(unit, scale));
    const fitted: FittedFactor = {
      id: spec.id,
      path,
      name: spec.name,
      metric: spec.metric,
      normaliser,
      weight: weights[i]!,
      nullPolicy: spec.nullPolicy,
      median: spec.nullPolicy === 'median' ? medianOf(values()) : Number.NaN,
      children,
    };
    return { fitted, values };
  });
  if (!addAsFitted)
    blend(
      fittings.map((f) => f.fitted),
      fittings.map((f) => f.values()),
      blended,
    );
  return { fittings, blended };
}

function fitNode(
  specs: readonly FactorSpec[],
  columns: PopulationColumns,
  path: string,
  units: Map<string, Float64Array>,
) {
  const { fittings, blended } = fitLevel(specs, columns, `${path}.`, 1, units);
  return { unit: blended, normaliser: undefined, children: fittings.map((c) => c.fitted) };
}

function fitLeaf(spec: FactorSpec, columns: PopulationColumns) {
  const metric = spec.metric!;
  const column: MetricColumn | undefined = columns.metrics[metric];
  if (!column) throw new EngineError(text(`缺少指标列：${metric}`, `missing metric column: ${metric}`));
  const { params, unit } = fitNormaliser(spec.normaliser!, column, isDescending(spec));
  return { unit, normaliser: params, children: undefined };
}

export function isDescending(spec: Pick<FactorSpec, 'direction' | 'metric'>): boolean {
  const direction =
    spec.direction ?? (METRICS[spec.metric!].higherIsBetter ? 'higher-is-better' : 'lower-is-better');
  return direction === 'lower-is-better';
}

/**
 * Adds the weighted sum of sibling values per row to `out` (zeros) after the NULL policies: 'zero' scores 0,
 * 'median' the population median, 'exclude' drops the factor and divides by the weight of those present (NaN
 * when none is present).
 */
function blend(factors: readonly FittedFactor[], values: readonly Float64Array[], out: Float64Array): void {
  const n = out.length;
  if (factors.some((f) => f.nullPolicy === 'exclude')) {
    const row = new Float64Array(factors.length);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < factors.length; f++) row[f] = values[f]![i]!;
      out[i] = blendRow(factors, row);
    }
    return;
  }
  // Without re-weighting, factor by factor over the columns performs each row's additions of `blendRow` in
  // the same order, so the sums are bit-identical.
  for (let f = 0; f < factors.length; f++)
    addWeighted(values[f]!, factors[f]!.weight, nullScore(factors[f]!), out);
}

function addWeighted(column: Float64Array, weight: number, substitute: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = column[i]!;
    out[i]! += weight * (v !== v ? substitute : v);
  }
}

/** `addWeighted` (NULL as 0) of the column `scaled` would give, without making it. */
function addScaled(unit: Float64Array, scale: number, weight: number, out: Float64Array): void {
  for (let i = 0; i < unit.length; i++) {
    const v = scale * unit[i]!;
    out[i]! += weight * (v !== v ? 0 : v);
  }
}

function scaled(unit: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(unit.length);
  for (let i = 0; i < unit.length; i++) out[i] = scale * unit[i]!;
  return out;
}

/** The value a NULL counts as under the 'zero' and 'median' policies. */
const nullScore = (factor: FittedFactor): number =>
  factor.nullPolicy === 'median' && !Number.isNaN(factor.median) ? factor.median : 0;

export function blendRow(factors: readonly FittedFactor[], row: ArrayLike<number>): number {
  let sum = 0;
  let present = 0;
  let excluded = false;
  for (let f = 0; f < factors.length; f++) {
    const factor = factors[f]!;
    let v = row[f]!;
    if (Number.isNaN(v)) {
      if (factor.nullPolicy === 'exclude') {
        excluded = true;
        continue;
      }
      v = nullScore(factor);
    }
    sum += factor.weight * v;
    present += factor.weight;
  }
  if (!excluded) return sum;
  return present > 0 ? sum / present : Number.NaN;
}

/** Scores one customer against a fitted tree; returns the per-path unit scores and top-level 0–100 scores. */
export function scoreFactors(
  factors: readonly FittedFactor[],
  metrics: CustomerMetrics,
): { composite: number; factorScores: number[]; units: Map<string, number> } {
  const units = new Map<string, number>();
  const evaluate = (level: readonly FittedFactor[]): number[] =>
    level.map((f) => {
      const unit = f.children
        ? blendRow(f.children, evaluate(f.children))
        : applyNormaliser(f.normaliser!, metrics[f.metric!] ?? null);
      units.set(f.path, unit);
      return unit;
    });
  const factorScores = evaluate(factors).map((u) => 100 * u);
  return { composite: blendRow(factors, factorScores), factorScores, units };
}
