import dayjs from 'dayjs';

/** A calendar date ('YYYY-MM-DD' from the API) in the user's locale. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('L') : '';
}

/** A timestamp in the user's locale, to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LT') : '';
}
