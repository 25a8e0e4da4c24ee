/**
 * The company's calendar day: Asia/Shanghai, the zone stratum_business_date() gives activities, so "today", "this
 * week", claim counts and recall days all turn at the same midnight as the contact dates they compare with.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const businessDay = (at: Date): string => formatter.format(at);

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** 'YYYY-MM-DD' plus whole days (negative to go back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
