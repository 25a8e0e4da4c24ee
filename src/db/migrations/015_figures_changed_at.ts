import { sql, type Kysely } from 'kysely';

/**
 * A kept company-wide summary (migration 014) was dropped by any change to any customer, and in a working day
 * somebody edits a customer every minute. It reads of a customer only its lifecycle stage, the composition
 * attributes and whether it is deleted: `figures_changed_at` moves only when one of those does, so a new phone number
 * or owner keeps the summary.
 */
const statements = [
  `ALTER TABLE customers ADD COLUMN figures_changed_at timestamptz NOT NULL DEFAULT now()`,
  `CREATE INDEX customers_figures_changed_idx ON customers (figures_changed_at)`,
  `CREATE OR REPLACE FUNCTION stratum_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.updated_at := now();
     IF (NEW.lifecycle_stage, NEW.industry, NEW.province, NEW.size_band, NEW.nature, NEW.type, NEW.deleted_at)
        IS DISTINCT FROM
        (OLD.lifecycle_stage, OLD.industry, OLD.province, OLD.size_band, OLD.nature, OLD.type, OLD.deleted_at) THEN
       NEW.figures_changed_at := now();
     END IF;
     RETURN NEW;
   END $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
