import { argsort } from '../sort/radix.js';
import { lastMembers, locate, type PositionBoundary, type RankOrder } from './positions.js';

/**
 * Quotas, best grade first. Customers are ranked by (score desc, customer id asc), NULL scores last. The
 * customer at rank r (1-based) of n gets the first grade g with r·Σq ≤ n·(q₀+…+q_g): with 20/30/30/20 this
 * is the reference's `rn*10 <= n*2` etc. exactly, so the top ⌊n·20 %⌋ customers are A.
 *
 * Tie rule, 'strict': ties are broken by customer id, so two equal scores may straddle a boundary (the lower
 * id gets the better grade); realised counts equal the targets up to rounding.
 * Tie rule, 'shared': equal scores always share a grade; a tie group that straddles a boundary goes wholly to
 * the higher grade (the grade of its first member), so a grade overshoots its target by less than the size
 * of that tie group and the grades after it shrink accordingly; the run reports the realised shares.
 *
 * Stored boundary per grade: the score (and, for 'strict', customer id) of its last member; an empty grade has
 * none and is skipped by single-customer scoring.
 */
export interface QuotaParams {
  readonly kind: 'quotas';
  readonly ties: 'strict' | 'shared';
  readonly boundaries: readonly (PositionBoundary | null)[];
}

export const SCORE_ORDER: RankOrder = { descending: true, nulls: 'last' };

export function cumulativeLimits(quotas: readonly number[]): { limits: number[]; total: number } {
  let running = 0;
  const limits = quotas.map((q) => (running += q));
  return { limits, total: running };
}

export function gradeQuotas(
  quotas: readonly number[],
  ties: 'strict' | 'shared',
  scores: Float64Array,
  ids: ArrayLike<number>,
  byId: Int32Array,
): { grades: Int32Array; params: QuotaParams } {
  const n = scores.length;
  const order = argsort(scores, { ...SCORE_ORDER, initialOrder: byId });
  const { limits, total } = cumulativeLimits(quotas);
  const grades = new Int32Array(n);
  let g = 0;
  let groupGrade = 0;
  for (let r = 1; r <= n; r++) {
    while (g < limits.length - 1 && r * total > n * limits[g]!) g++;
    const row = order[r - 1]!;
    const previous = r > 1 ? scores[order[r - 2]!]! : Number.NaN;
    const tiedWithPrevious = r > 1 && sameScore(scores[row]!, previous);
    if (ties === 'strict' || !tiedWithPrevious) groupGrade = g;
    grades[row] = groupGrade;
  }
  const boundaries = lastMembers(order, grades, quotas.length, scores, ids).map((b) =>
    b && ties === 'shared' ? { value: b.value, id: Number.MAX_SAFE_INTEGER } : b,
  );
  return { grades, params: { kind: 'quotas', ties, boundaries } };
}

const sameScore = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

export function quotaGradeOf(params: QuotaParams, score: number, id: number): number {
  return locate(params.boundaries, score, id, SCORE_ORDER, params.boundaries.length - 1);
}
