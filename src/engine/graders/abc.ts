import { argsort } from '../sort/radix.js';
import { exactSum } from '../stats.js';
import { centsOf, gradeAbcByBuckets, positiveCentsTotal, type BucketGrading } from './abc-buckets.js';
import { cumulativeLimits } from './quotas.js';
import { lastMembers, locate, type PositionBoundary, type RankOrder } from './positions.js';

/**
 * ABC (Pareto) classes by cumulative share, best class first. Customers are ranked by (value desc, customer
 * id asc); a customer's share is the positive value of everybody ranked *before* it over the population's
 * positive total, as the reference's `sales_before < 0.80 * sales_total`. The customer gets the first class g
 * with share < (s₀+…+s_g)/Σs. Zero, negative and NULL values always get the last class.
 *
 * Currency is summed in integer cents and compared with integer arithmetic, so shares are exact like the
 * reference's NUMERIC; for other units the total is an exact sum and the amount before a customer is summed
 * as doubles in rank order, so neither depends on the order rows were read in.
 */
export interface AbcParams {
  readonly kind: 'abc';
  readonly boundaries: readonly (PositionBoundary | null)[];
  /** Positive total of the metric and each class's share of it (sums to 1 when the total is positive). */
  readonly total: number;
  readonly valueShares: readonly number[];
}

export const ABC_ORDER: RankOrder = { descending: true, nulls: 'last' };

export function gradeAbc(
  shares: readonly number[],
  values: Float64Array,
  exactCents: boolean,
  ids: ArrayLike<number>,
  byId: Int32Array,
): { grades: Int32Array; params: AbcParams } {
  const last = shares.length - 1;
  const amount = exactCents ? centsOf : (v: number) => v;
  const centsTotal = exactCents ? positiveCentsTotal(values) : undefined;
  const total = centsTotal ?? exactSum(values, (v) => (v > 0 ? amount(v) : 0));
  const isBelow = belowTest(shares, total, exactCents);
  // The first class whose limit the amount before lies below: the class the rank-order walk reaches.
  const classOf = (before: number) => {
    let g = 0;
    while (g < last && !isBelow(before, g)) g++;
    return g;
  };
  const { grades, classTotals } =
    (centsTotal !== undefined ? gradeAbcByBuckets(values, classOf, shares.length, byId) : undefined) ??
    gradeInRankOrder(values, amount, classOf, shares.length, byId);
  return {
    grades,
    params: {
      kind: 'abc',
      boundaries: lastMembers(grades, shares.length, values, ids, ABC_ORDER),
      total: exactCents ? total / 100 : total,
      valueShares: classTotals.map((t) => (total > 0 ? t / total : 0)),
    },
  };
}

/** Walks every customer in rank order, summing the amount before each. */
function gradeInRankOrder(
  values: Float64Array,
  amount: (value: number) => number,
  classOf: (before: number) => number,
  classes: number,
  byId: Int32Array,
): BucketGrading {
  const n = values.length;
  const last = classes - 1;
  const order = argsort(values, { ...ABC_ORDER, initialOrder: byId });
  const grades = new Int32Array(n);
  const classTotals = new Array<number>(classes).fill(0);
  let before = 0;
  for (let r = 0; r < n; r++) {
    const row = order[r]!;
    const v = values[row]!;
    if (!(v > 0)) {
      grades[row] = last;
      continue;
    }
    const g = classOf(before);
    grades[row] = g;
    const a = amount(v);
    classTotals[g]! += a;
    before += a;
  }
  return { grades, classTotals };
}

/**
 * `before/total < limit_g/Σs`. With integer cents and shares that are decimals, the comparison is done once
 * per class in BigInt as the smallest integer amount that is *not* below the limit.
 */
function belowTest(
  shares: readonly number[],
  total: number,
  exactCents: boolean,
): (before: number, g: number) => boolean {
  const { limits, total: shareTotal } = cumulativeLimits(shares);
  const scale = decimalScale([...limits, shareTotal]);
  if (exactCents && scale !== undefined) {
    const denominator = BigInt(Math.round(shareTotal * scale));
    const firstNotBelow = limits.map((limit) => {
      const numerator = BigInt(total) * BigInt(Math.round(limit * scale));
      return Number((numerator + denominator - 1n) / denominator);
    });
    return (before, g) => before < firstNotBelow[g]!;
  }
  return (before, g) => before * shareTotal < total * limits[g]!;
}

/** A power of ten that makes every share an integer, if a small one exists. */
function decimalScale(values: readonly number[]): number | undefined {
  for (let scale = 1; scale <= 1e6; scale *= 10)
    if (values.every((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-9 * scale)) return scale;
  return undefined;
}

export function abcGradeOf(params: AbcParams, value: number, id: number): number {
  const last = params.boundaries.length - 1;
  if (!(value > 0)) return last;
  return locate(params.boundaries, value, id, ABC_ORDER, last);
}
