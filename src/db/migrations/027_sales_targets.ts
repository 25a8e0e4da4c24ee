import { sql, type Kysely } from 'kysely';

/** Each account manager's sales target per calendar month, set by their manager or an admin. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sales_targets (
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      amount numeric(18,2) NOT NULL CHECK (amount >= 0),
      updated_by integer REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, month))`.execute(db);
  await sql`CREATE INDEX sales_targets_month_idx ON sales_targets (month)`.execute(db);
}
