import lunar from 'lunar-javascript';
import type { Bilingual } from '../../server/messages.js';

/** The holidays an account manager greets customers on (节日问候). */
export const holidayCodes = [
  'new_year',
  'spring_festival',
  'lantern',
  'qingming',
  'dragon_boat',
  'mid_autumn',
  'national_day',
] as const;
export type HolidayCode = (typeof holidayCodes)[number];

/** Each holiday's name, for what the server writes itself (exports); the web has its own in its translations. */
export const holidayLabels: Record<HolidayCode, Bilingual> = {
  new_year: { 'zh-CN': '元旦', 'en-US': "New Year's Day" },
  spring_festival: { 'zh-CN': '春节', 'en-US': 'Spring Festival' },
  lantern: { 'zh-CN': '元宵节', 'en-US': 'Lantern Festival' },
  qingming: { 'zh-CN': '清明节', 'en-US': 'Qingming Festival' },
  dragon_boat: { 'zh-CN': '端午节', 'en-US': 'Dragon Boat Festival' },
  mid_autumn: { 'zh-CN': '中秋节', 'en-US': 'Mid-Autumn Festival' },
  national_day: { 'zh-CN': '国庆节', 'en-US': 'National Day' },
};

export interface Holiday {
  readonly code: HolidayCode;
  /** 'YYYY-MM-DD' in the Gregorian calendar. */
  readonly date: string;
}

/** Festivals fixed in the Chinese lunar calendar: [lunar month, lunar day]. */
const lunarFestivals: ReadonlyArray<readonly [HolidayCode, number, number]> = [
  ['spring_festival', 1, 1],
  ['lantern', 1, 15],
  ['dragon_boat', 5, 5],
  ['mid_autumn', 8, 15],
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The holidays of one Gregorian year, in date order. Lunar festivals of lunar year Y always fall in Gregorian year
 * Y (the Spring Festival is between 21 January and 20 February); Qingming is the solar term 清明, which the lunar
 * library computes astronomically for the lunar year that contains April.
 */
export function holidaysOfYear(year: number): Holiday[] {
  const lunarDays = lunarFestivals.map(([code, month, day]) => ({
    code,
    date: lunar.Lunar.fromYmd(year, month, day).getSolar().toYmd(),
  }));
  const qingming = lunar.Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'];
  if (!qingming) throw new Error(`no Qingming term in ${year}`);
  return [
    { code: 'new_year' as const, date: `${year}-01-01` },
    ...lunarDays,
    { code: 'qingming' as const, date: qingming.toYmd() },
    { code: 'national_day' as const, date: `${year}-${pad(10)}-01` },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Every holiday from `from` to `to`, both inclusive ('YYYY-MM-DD'), across year ends. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const result: Holiday[] = [];
  for (let year = first; year <= last; year++) {
    for (const holiday of holidaysOfYear(year)) {
      if (holiday.date >= from && holiday.date <= to) result.push(holiday);
    }
  }
  return result;
}
