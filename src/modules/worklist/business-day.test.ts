import { describe, expect, it } from 'vitest';
import { addDays, businessDay } from './business-day.js';

describe('business day (Asia/Shanghai)', () => {
  it('turns at 16:00 UTC, the midnight of the contact dates', () => {
    expect(businessDay(new Date('2026-09-20T15:59:59Z'))).toBe('2026-09-20');
    expect(businessDay(new Date('2026-09-20T16:00:00Z'))).toBe('2026-09-21');
  });

  it('adds days across month and year ends and leap days, and goes back', () => {
    expect(addDays('2026-12-28', 6)).toBe('2027-01-03');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
