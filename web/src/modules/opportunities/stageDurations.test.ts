import { describe, expect, it } from 'vitest';
import type { StageChange } from './api/opportunities.api';
import { stageDurations } from './stageDurations';

const step = (toStage: string, at: string): StageChange => ({
  fromStage: null,
  toStage,
  at,
  by: null,
  byName: null,
});

describe('days in each stage', () => {
  const steps = [
    step('lead', '2026-03-01T09:00:00Z'),
    step('need_confirmed', '2026-03-11T08:00:00Z'),
    step('won', '2026-04-01T10:00:00Z'),
  ];

  it('counts whole days until the next move', () => {
    expect(stageDurations(steps, new Date('2026-05-01T00:00:00Z'), true)).toEqual([9, 21, null]);
  });

  it('an open opportunity has been in its current stage until now', () => {
    expect(stageDurations(steps.slice(0, 2), new Date('2026-03-20T08:00:00Z'), false)).toEqual([9, 9]);
  });

  it('a move within the same day is zero days, and a clock behind the last move never gives a negative', () => {
    const sameDay = [step('lead', '2026-03-01T09:00:00Z'), step('proposal', '2026-03-01T17:00:00Z')];
    expect(stageDurations(sameDay, new Date('2026-03-01T08:00:00Z'), false)).toEqual([0, 0]);
  });

  it('no history gives no durations', () => {
    expect(stageDurations([], new Date(), false)).toEqual([]);
  });
});
