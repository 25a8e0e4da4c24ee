import dayjs from 'dayjs';

type FormValue = unknown;

/**
 * Turns antd form values into an API body: blank text is left out (the API treats a missing optional field as
 * "not given"), date pickers become 'YYYY-MM-DD', date-time pickers ISO strings.
 */
export function toPayload<T extends object>(
  values: Record<string, FormValue>,
  options: { dateTimeFields?: readonly string[]; keepBlank?: boolean } = {},
): T {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (dayjs.isDayjs(value))
      payload[key] = options.dateTimeFields?.includes(key) ? value.toISOString() : value.format('YYYY-MM-DD');
    else if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed) payload[key] = trimmed;
      else if (options.keepBlank) payload[key] = null;
    } else if (value === undefined || value === null) {
      if (options.keepBlank) payload[key] = null;
    } else payload[key] = value;
  }
  return payload as T;
}

/** The reverse for edit forms: 'YYYY-MM-DD' strings of the named fields become date-picker values. */
export function withDates<T extends object>(record: T, fields: readonly (keyof T)[]): T {
  const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of fields) {
    const value = record[field];
    copy[field as string] = typeof value === 'string' ? dayjs(value) : undefined;
  }
  return copy as T;
}
