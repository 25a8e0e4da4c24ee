import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingDays } from './aging.js';

describe('aging buckets', () => {
  it('cover every day count once: not yet due up to 0 days, then 1–30, 31–60, 61–90, 91–180 and beyond 180', () => {
    expect(AGING_BUCKETS.map((bucket) => agingDays(bucket.code))).toEqual([
      { min: null, max: 0 },
      { min: 1, max: 30 },
      { min: 31, max: 60 },
      { min: 61, max: 90 },
      { min: 91, max: 180 },
      { min: 181, max: null },
    ]);
    const holders = (days: number) =>
      AGING_BUCKETS.filter((bucket) => {
        const { min, max } = agingDays(bucket.code);
        return (min === null || days >= min) && (max === null || days <= max);
      }).map((bucket) => bucket.code);
    for (const days of [-400, -1, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 5000])
      expect(holders(days)).toHaveLength(1);
    expect(holders(0)).toEqual(['not_due']);
    expect(holders(181)).toEqual(['over_180']);
  });
});
