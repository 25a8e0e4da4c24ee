import type { ColumnType, Generated } from 'kysely';
import type { DateString } from '../../db/database.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** The one row of lead times, escalation delay and pool limits (migration 010). */
export interface WorklistSettingsTable {
  id: ColumnType<number, never, never>;
  birthday_lead_days: number;
  holiday_lead_days: number;
  repurchase_lead_days: number;
  downgrade_days: number;
  escalation_days: number;
  greeting_max_ratio: number;
  pool_warning_days: number;
  max_claims_per_day: number;
  reclaim_block_days: number;
  /** NULL: each rep's users.capacity is their limit. */
  max_owned: number | null;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

export interface WorklistSnoozeTable {
  customer_id: number;
  kind: string;
  ref: string;
  /** Hidden until this day; shown again from it. */
  until: DateString;
  created_by: number | null;
  created_at: CreatedAt;
}

export type PoolReason = 'recalled' | 'released';
export type PoolAction = 'recall' | 'release' | 'claim';

export interface PoolEntryTable {
  customer_id: number;
  reason: PoolReason;
  note: string | null;
  entered_on: DateString;
  from_owner_id: number | null;
  entered_at: UpdatedAt;
}

export interface PoolMoveTable {
  id: Generated<number>;
  customer_id: number;
  action: PoolAction;
  /** The owner who lost the customer (recall, release) or gained it (claim). */
  owner_id: number | null;
  /** Who did it; NULL for the scheduled recall. */
  by_user_id: number | null;
  /** The business day (Asia/Shanghai) of the move: claim limits count and re-claim windows run in days. */
  on_date: DateString;
  note: string | null;
  at: CreatedAt;
}

export interface PoolWarningTable {
  id: Generated<number>;
  customer_id: number;
  owner_id: number;
  recall_on: DateString;
  created_at: CreatedAt;
}

// A type alias, not an interface: Kysely's withTables<T>() needs T to be indexable.
export type WorklistPoolTables = {
  worklist_settings: WorklistSettingsTable;
  worklist_snoozes: WorklistSnoozeTable;
  pool_entries: PoolEntryTable;
  pool_moves: PoolMoveTable;
  pool_warnings: PoolWarningTable;
};
