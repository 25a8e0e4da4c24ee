/** Calendar dates as day numbers (days since 1970-01-01, UTC), formatted once per day. */
const MS_PER_DAY = 86_400_000;

export function parseDate(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || formatDay(ms / MS_PER_DAY) !== text)
    throw new RangeError(`not a calendar date: ${text}`);
  return ms / MS_PER_DAY;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function dayOfYear(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** Offset that makes every day number from 1900 on a non-negative array index. */
const FIRST_DAY = -25_567;

/** Formatting is the hot path of order generation and the dates are few, so each is formatted once. */
export class DayFormatter {
  private readonly dates: string[] = [];

  date(day: number): string {
    const index = day - FIRST_DAY;
    return (this.dates[index] ??= formatDay(day));
  }

  /** A Beijing-time timestamp on `day` at `minuteOfDay`. */
  timestamp(day: number, minuteOfDay: number): string {
    const hours = Math.floor(minuteOfDay / 60);
    const minutes = minuteOfDay % 60;
    return `${this.date(day)} ${pad2(hours)}:${pad2(minutes)}:00+08`;
  }
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
