import { sql, type Kysely } from 'kysely';

/**
 * A kept company-wide summary (migration 014) was dropped by any change to any customer, and in a working day
 * somebody edits a customer every minute. It reads of a customer only its lifecycle stage, the composition
 * attributes and whether it is deleted: `figures_changed_at` moves only when one of those does, so a new phone number
 * or owner keeps the summary.
 */
/** The columns a kept summary reads of a customer (lifecycle stage, composition attributes, deletion). */
export const FIGURE_COLUMNS = [
  'lifecycle_stage',
  'industry',
  'province',
  'size_band',
  'nature',
  'type',
  'deleted_at',
] as const;

/** How 015 and 017 stamp a change to the watched columns: the writing transaction's start time (018 stamps its id). */
export const STAMP_START_TIME = 'NEW.figures_changed_at := now()';

/** The customers' update trigger function: `updated_at` always, `stamp` when a watched column changes. */
export function touchFunctionStatement(watched: readonly string[], stamp: string): string {
  const row = (record: 'NEW' | 'OLD') => `(${watched.map((column) => `${record}.${column}`).join(', ')})`;
  return `CREATE OR REPLACE FUNCTION stratum_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.updated_at := now();
     IF ${row('NEW')} IS DISTINCT FROM ${row('OLD')} THEN
       ${stamp};
     END IF;
     RETURN NEW;
   END $$`;
}

const statements = [
  `ALTER TABLE customers ADD COLUMN figures_changed_at timestamptz NOT NULL DEFAULT now()`,
  `CREATE INDEX customers_figures_changed_idx ON customers (figures_changed_at)`,
  touchFunctionStatement(FIGURE_COLUMNS, STAMP_START_TIME),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
