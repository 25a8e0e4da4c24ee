import dayjs, { type Dayjs } from 'dayjs';

/** A calendar date ('YYYY-MM-DD' from the API) in the user's locale. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('L') : '';
}

/** A timestamp in the user's locale, to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LT') : '';
}

/** For date pickers of what has already happened (money received, a report's day): days still to come are greyed. */
export function isAfterToday(day: Dayjs): boolean {
  return day.isAfter(dayjs(), 'day');
}
