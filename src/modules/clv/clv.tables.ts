import type { ColumnType } from 'kysely';
import type { DateString, Decimal } from '../../db/database.js';

export interface CustomerForecastTable {
  customer_id: number;
  run_id: number | null;
  as_of: DateString;
  /** Probability the customer is still active (BG/NBD), 0–1; NULL when the customer has no purchase. */
  p_alive: number | null;
  expected_purchases_12m: number | null;
  clv_12m: Decimal | null;
  churn_risk: ColumnType<boolean, boolean | undefined, boolean>;
  /** Which churn rule fired: 'p_alive' or 'recency'; NULL when not at risk. */
  churn_reason: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Tables added by migration 012 (CLV forecasts); merged into Database where the CLV module queries them. */
// A type alias, not an interface: Kysely's withTables<T>() needs T to be indexable.
export type ClvTables = {
  customer_forecasts: CustomerForecastTable;
};
