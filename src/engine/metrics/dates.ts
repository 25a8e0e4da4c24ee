/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The engine never reads a clock:
 * every date is passed in, either as an ISO date string or as a day number.
 */
const MS_PER_DAY = 86_400_000;

export type AsOf = number | string;

export function toDayNumber(date: AsOf): number {
  if (typeof date === 'number') return date;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function toIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day `months` calendar months later (negative: earlier), clamped to the month's last day. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/** The grading window [start, asOf) and the previous window of equal length [previousStart, start). */
export function windowBounds(
  asOf: AsOf,
  windowMonths: number,
): { start: number; previousStart: number; end: number } {
  const end = toDayNumber(asOf);
  const start = addMonths(end, -windowMonths);
  return { start, previousStart: addMonths(start, -windowMonths), end };
}

/** Whole calendar months from `from` until `to`, a started month counting as one; 0 when `to` is not later. */
export function monthsUntil(from: number, to: number): number {
  if (!(to > from)) return Number.isNaN(to) ? Number.NaN : 0;
  const a = new Date(from * MS_PER_DAY);
  const b = new Date(to * MS_PER_DAY);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  if (addMonths(from, months) < to) months++;
  else if (months > 1 && addMonths(from, months - 1) >= to) months--;
  return months;
}
