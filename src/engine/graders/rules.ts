import type { MethodSpec } from '../model/schema.js';
import { addMonths } from '../metrics/dates.js';

/**
 * Graders that look at one customer at a time, so single-customer scoring is the same function as the batch:
 * prospect grade by months to close, the share-of-wallet × volume matrix, and lifecycle derivation.
 */

/** A ≤ limit₀ months, B ≤ limit₁, …; unknown or beyond the last limit: the last grade. A weak potential drops one. */
export function prospectGrade(
  monthLimits: readonly number[],
  monthsToClose: number,
  potentialScore: number,
  minPotentialScore: number | undefined,
): number {
  let g = 0;
  while (g < monthLimits.length && !(monthsToClose <= monthLimits[g]!)) g++;
  if (minPotentialScore !== undefined && !(potentialScore >= minPotentialScore))
    g = Math.min(g + 1, monthLimits.length);
  return g;
}

export const MATRIX_QUADRANTS = ['keep', 'keep_or_acquire', 'develop', 'acquire_or_abandon'] as const;

/** Ladder index: high share & high volume → keep; high share & low volume → keep or acquire; low share & high
 * volume → develop; both low → acquire or abandon. Values at a cut count as high; NULL counts as low. */
export function matrixGrade(
  shareOfWallet: number,
  upcomingVolume: number,
  shareCut: number,
  volumeCut: number,
) {
  const highShare = shareOfWallet >= shareCut;
  const highVolume = upcomingVolume >= volumeCut;
  if (highShare) return highVolume ? 0 : 1;
  return highVolume ? 2 : 3;
}

export type LifecycleRule = Extract<MethodSpec, { kind: 'lifecycle' }>;

export const LIFECYCLE_STAGES = [
  'target',
  'intent',
  'closed_new',
  'closed_growing',
  'closed_stable',
  'closed_declining',
  'churned',
] as const;

export interface LifecycleInputs {
  readonly frequency: number;
  readonly tenureDays: number;
  readonly recencyDays: number;
  readonly purchaseCycleDays: number;
  readonly growth: number;
  readonly contactsWindow: number;
  readonly monthsToClose: number;
}

/** Day spans of the rule's month thresholds as of the run date (calendar months, not 30-day months). */
export function lifecycleSpans(rule: LifecycleRule, asOfDay: number) {
  return {
    newWithinDays: asOfDay - addMonths(asOfDay, -rule.newWithinMonths),
    churnMinDays: asOfDay - addMonths(asOfDay, -rule.churnMinMonths),
  };
}

/**
 * No orders: intent when there is a contact in the window or an expected close date, else target. With
 * orders: churned when silent longer than max(churnMinMonths, multiple × purchase cycle); new when the first
 * order is within newWithinMonths; then growing / declining / stable by window-over-window growth.
 */
export function lifecycleStage(
  rule: LifecycleRule,
  spans: ReturnType<typeof lifecycleSpans>,
  x: LifecycleInputs,
): number {
  if (!(x.frequency > 0)) return x.contactsWindow > 0 || !Number.isNaN(x.monthsToClose) ? 1 : 0;
  const cycleLimit = Number.isNaN(x.purchaseCycleDays) ? 0 : rule.churnCycleMultiple * x.purchaseCycleDays;
  if (x.recencyDays > Math.max(spans.churnMinDays, cycleLimit)) return 6;
  if (x.tenureDays < spans.newWithinDays) return 2;
  if (x.growth > rule.growingAbove) return 3;
  if (x.growth < rule.decliningBelow) return 5;
  return 4;
}
