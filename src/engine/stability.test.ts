import { describe, expect, it } from 'vitest';
import { gradePopulation } from './grade.js';
import { scoreOne } from './score-one.js';
import { GRADE_STATUS } from './stability.js';
import { model, ladder, population } from './testing/models.js';

const asOf = '2025-01-01';
const bins = { kind: 'bins', edges: [39, 59, 79], scores: [30, 50, 70, 90] } as const;
const withRule = (downgradeAfter: number, downgradeMargin: number) =>
  model({
    factors: [{ id: 'x', metric: 'sales_window', normaliser: bins, weight: 1 }],
    method: { kind: 'thresholds', thresholds: [80, 60, 40] },
    ladder: ladder('A', 'B', 'C', 'D'),
    stability: { downgradeAfter, downgradeMargin },
  });
// sales 70 → score 70 → B; 90 → A; 50 → C (score 50 is 30 below A's boundary 80)
const data = population({ sales_window: [70, 90, 50] });
const previousA = { grades: Int32Array.from([0, 1, 0]), pending: Int32Array.from([0, 0, 0]) };

describe('stability rule (hysteresis)', () => {
  it('an upgrade applies at once', () => {
    const result = gradePopulation(withRule(3, 0), data, { asOf, previous: previousA });
    expect(result.grades[1]).toBe(0);
  });
  it('a downgrade is held until the N-th consecutive evaluation below the boundary', () => {
    const rule = withRule(3, 0);
    const first = gradePopulation(rule, data, { asOf, previous: previousA });
    expect(first.grades[0]).toBe(0);
    expect(first.status[0]).toBe(GRADE_STATUS.held);
    expect(first.pending[0]).toBe(1);
    const second = gradePopulation(rule, data, {
      asOf,
      previous: { grades: first.grades, pending: first.pending },
    });
    expect([second.grades[0], second.pending[0]]).toEqual([0, 2]);
    const third = gradePopulation(rule, data, {
      asOf,
      previous: { grades: second.grades, pending: second.pending },
    });
    expect([third.grades[0], third.pending[0], third.status[0]]).toEqual([1, 0, GRADE_STATUS.computed]);
  });
  it('a downgrade applies at once when the score is below the boundary by more than the margin', () => {
    const result = gradePopulation(withRule(3, 20), data, { asOf, previous: previousA });
    expect(result.grades[0]).toBe(0); // 70 is 10 below 80: held
    expect(result.grades[2]).toBe(2); // 50 is 30 below 80: at once
  });
  it('an override wins until it expires, and scoreOne applies it too', () => {
    const overrides = [
      {
        customerId: 3,
        grade: 'A',
        reason: '战略客户 / strategic',
        author: 'director',
        expiresOn: '2025-02-01',
      },
    ];
    const active = gradePopulation(withRule(1, 0), data, { asOf, overrides });
    expect([active.grades[2], active.status[2]]).toEqual([0, GRADE_STATUS.override]);
    expect(gradePopulation(withRule(1, 0), data, { asOf: '2025-02-01', overrides }).grades[2]).toBe(2);
    expect(scoreOne(withRule(1, 0), active.params, 3, { sales_window: 50 }, undefined, overrides).grade).toBe(
      0,
    );
  });
  it('an override naming a grade outside the ladder is an error', () => {
    const overrides = [{ customerId: 1, grade: 'Z', reason: 'x', author: 'y' }];
    expect(() => gradePopulation(withRule(1, 0), data, { asOf, overrides })).toThrow(/not in the ladder/);
  });
  it('scoreOne follows the same rule with a previous state', () => {
    const result = gradePopulation(withRule(2, 0), data, { asOf });
    const one = scoreOne(withRule(2, 0), result.params, 1, { sales_window: 70 }, { grade: 0, pending: 0 });
    expect([one.grade, one.pending, one.computedGrade]).toEqual([0, 1, 1]);
  });
});
