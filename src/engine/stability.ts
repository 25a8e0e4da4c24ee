import { EngineError, text } from './i18n.js';
import { toDayNumber, type AsOf } from './metrics/dates.js';
import type { Model } from './model/schema.js';

/**
 * Hysteresis against flapping, grade index 0 = best. An upgrade (or the same grade) applies at once and
 * clears the counter. A downgrade is held at the previous grade until it has been computed on `downgradeAfter`
 * consecutive evaluations, or applies at once when the score is more than `downgradeMargin` points below the
 * lower boundary of the previous grade (score methods only; other methods have no score axis).
 * An active manual override wins over both until its expiry date (exclusive).
 */
export const GRADE_STATUS = { computed: 0, held: 1, override: 2 } as const;

export interface PreviousGrades {
  /** Previous final grade index per input row, −1 when the customer had none. */
  readonly grades: Int32Array;
  /** Consecutive evaluations a downgrade has been pending, per input row. */
  readonly pending: Int32Array;
}

export interface Override {
  readonly customerId: number;
  readonly grade: string;
  readonly reason: string;
  readonly author: string;
  /** First day the override no longer applies; absent: until removed. */
  readonly expiresOn?: AsOf | undefined;
}

export interface Stabilised {
  readonly grade: number;
  readonly pending: number;
  readonly status: (typeof GRADE_STATUS)[keyof typeof GRADE_STATUS];
}

export function stabilise(
  rule: Model['stability'],
  computed: number,
  previousGrade: number,
  previousPending: number,
  score: number,
  previousLowerBoundary: number,
): Stabilised {
  if (previousGrade < 0 || computed <= previousGrade)
    return { grade: computed, pending: 0, status: GRADE_STATUS.computed };
  const pending = previousPending + 1;
  const farBelow = rule.downgradeMargin > 0 && score < previousLowerBoundary - rule.downgradeMargin;
  if (pending >= rule.downgradeAfter || farBelow)
    return { grade: computed, pending: 0, status: GRADE_STATUS.computed };
  return { grade: previousGrade, pending, status: GRADE_STATUS.held };
}

/** Active overrides by customer id, resolved to ladder indices; a grade code not in the ladder is an error. */
export function activeOverrides(
  overrides: readonly Override[],
  ladderCodes: readonly string[],
  asOfDay: number,
): Map<number, number> {
  const active = new Map<number, number>();
  for (const o of overrides) {
    const grade = ladderCodes.indexOf(o.grade);
    if (grade < 0)
      throw new EngineError(
        text(
          `客户 ${o.customerId} 的人工等级 ${o.grade} 不在等级列表中`,
          `override grade ${o.grade} of customer ${o.customerId} is not in the ladder`,
        ),
      );
    if (o.expiresOn === undefined || asOfDay < toDayNumber(o.expiresOn)) active.set(o.customerId, grade);
  }
  return active;
}
