import { selectPositions } from '../sort/select.js';
import { boundariesOf, groupsByEnds, locate, type PositionBoundary, type RankOrder } from './positions.js';

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
  const { limits, total } = cumulativeLimits(quotas);
  const last = limits.length - 1;
  // Rank (1-based) of the last customer of each grade, and the row holding it (−1 for rank 0).
  const lastRanks = limits.map((limit, g) => (g === last ? n : lastRankWithin(n, limit, total)));
  const held = lastRanks.filter((r) => r > 0);
  const { rows: heldRows, buckets } = selectPositions(
    scores,
    held.map((r) => r - 1),
    SCORE_ORDER,
    ids,
    byId,
  );
  const atRank = Int32Array.from(lastRanks, (r) => (r > 0 ? heldRows[held.indexOf(r)]! : -1));
  const ends = atRank.map((row, g) => (lastRanks[g]! > (g > 0 ? lastRanks[g - 1]! : 0) ? row : -1));
  if (ties === 'strict') {
    return {
      grades: groupsByEnds(scores, ids, SCORE_ORDER, ends, last, false, buckets),
      params: { kind: 'quotas', ties, boundaries: boundariesOf(ends, scores, ids) },
    };
  }
  // Equal scores share the grade of the first of them: the grade whose last rank the tie group starts by.
  const grades = groupsByEnds(scores, ids, SCORE_ORDER, atRank, last, true, buckets);
  const boundaries = Array.from(atRank, (row, g) => {
    const previous = g > 0 ? atRank[g - 1]! : -1;
    // A tie group reaching back over the previous grade's last rank went wholly to an earlier grade.
    if (row < 0 || (previous >= 0 && sameScore(scores[previous]!, scores[row]!))) return null;
    return { value: scores[row]!, id: Number.MAX_SAFE_INTEGER };
  });
  return { grades, params: { kind: 'quotas', ties, boundaries } };
}

/** The largest rank r ≤ n with r·Σq ≤ n·limit, by the same floating comparisons the rule is stated in. */
function lastRankWithin(n: number, limit: number, total: number): number {
  let r = Math.min(n, Math.max(0, Math.floor((n * limit) / total)));
  while (r < n && !((r + 1) * total > n * limit)) r++;
  while (r > 0 && r * total > n * limit) r--;
  return r;
}

const sameScore = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

export function quotaGradeOf(params: QuotaParams, score: number, id: number): number {
  return locate(params.boundaries, score, id, SCORE_ORDER, params.boundaries.length - 1);
}
