import { sql } from 'kysely';
import { BUSINESS_TIME_ZONE } from '../worklist/business-day.js';

/**
 * The instant a business day (Asia/Shanghai) begins, `plusDays` later: a range of days then compares with a timestamp
 * column as it is stored and indexed, whatever the database session's time zone.
 */
export const startOfBusinessDay = (day: string, plusDays = 0) =>
  sql<Date>`((${day}::date + ${plusDays}::integer)::timestamp AT TIME ZONE ${BUSINESS_TIME_ZONE})`;
