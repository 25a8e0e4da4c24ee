import { describe, expect, it } from 'vitest';
import { holidaysBetween, holidaysOfYear } from './holidays.js';

/**
 * Published dates, typed in by hand, never produced by the lunar library: the State Council's holiday notices
 * (国务院办公厅关于节假日安排的通知) for 2024–2026 and the printed perpetual-calendar tables (万年历) for 2027–2030.
 * Spring Festival and Mid-Autumn for 2025–2030 were also checked against the Korean government's Seollal and
 * Chuseok dates, an independent computation. The Lantern Festival is always 14 days after the Spring Festival.
 */
const published: Record<number, Record<string, string>> = {
  2024: {
    spring_festival: '2024-02-10',
    lantern: '2024-02-24',
    qingming: '2024-04-04',
    dragon_boat: '2024-06-10',
    mid_autumn: '2024-09-17',
  },
  2025: {
    spring_festival: '2025-01-29',
    lantern: '2025-02-12',
    qingming: '2025-04-04',
    dragon_boat: '2025-05-31',
    mid_autumn: '2025-10-06',
  },
  2026: {
    spring_festival: '2026-02-17',
    lantern: '2026-03-03',
    qingming: '2026-04-05',
    dragon_boat: '2026-06-19',
    mid_autumn: '2026-09-25',
  },
  2027: {
    spring_festival: '2027-02-06',
    lantern: '2027-02-20',
    qingming: '2027-04-05',
    dragon_boat: '2027-06-09',
    mid_autumn: '2027-09-15',
  },
  2028: {
    spring_festival: '2028-01-26',
    lantern: '2028-02-09',
    qingming: '2028-04-04',
    dragon_boat: '2028-05-28',
    mid_autumn: '2028-10-03',
  },
  2029: {
    spring_festival: '2029-02-13',
    lantern: '2029-02-27',
    qingming: '2029-04-04',
    dragon_boat: '2029-06-16',
    mid_autumn: '2029-09-22',
  },
  2030: {
    spring_festival: '2030-02-03',
    lantern: '2030-02-17',
    qingming: '2030-04-05',
    dragon_boat: '2030-06-05',
    mid_autumn: '2030-09-12',
  },
};

describe('holiday calendar', () => {
  for (const [year, dates] of Object.entries(published)) {
    it(`${year}: lunar festivals and Qingming fall on the published dates`, () => {
      const computed = Object.fromEntries(holidaysOfYear(Number(year)).map((h) => [h.code, h.date]));
      expect(computed).toEqual({
        ...dates,
        new_year: `${year}-01-01`,
        national_day: `${year}-10-01`,
      });
    });
  }

  it('lists a year in date order (Mid-Autumn after National Day in 2025 and 2028)', () => {
    const codes = (year: number) => holidaysOfYear(year).map((h) => h.code);
    expect(codes(2025).slice(-2)).toEqual(['national_day', 'mid_autumn']);
    expect(codes(2026).slice(-2)).toEqual(['mid_autumn', 'national_day']);
    expect(codes(2028).slice(-2)).toEqual(['national_day', 'mid_autumn']);
  });

  it('a window across the year end holds New Year and, in 2028, the Spring Festival in January', () => {
    expect(holidaysBetween('2027-12-25', '2028-01-31')).toEqual([
      { code: 'new_year', date: '2028-01-01' },
      { code: 'spring_festival', date: '2028-01-26' },
    ]);
  });

  it('window bounds are inclusive on both ends', () => {
    expect(holidaysBetween('2025-10-01', '2025-10-06').map((h) => h.code)).toEqual([
      'national_day',
      'mid_autumn',
    ]);
    expect(holidaysBetween('2025-10-02', '2025-10-05')).toEqual([]);
  });

  it('works for years far from the test range (2100)', () => {
    expect(holidaysOfYear(2100)).toHaveLength(7);
  });
});
