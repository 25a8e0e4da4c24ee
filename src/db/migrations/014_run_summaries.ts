import { sql, type Kysely } from 'kysely';

/**
 * The dashboard's figures of a run for the whole company (no filter, every customer), kept once computed: at a
 * million customers they take seconds to compute and the admin's dashboard asks for them on every visit. A kept
 * summary serves while no customer has changed since: the results of a run never change, the customers'
 * attributes (lifecycle stage, industry, province, … and deletion) do.
 *
 * "No customer has changed" is decided without locking writers out: every customer row carries the start time of
 * the transaction that last wrote it (the trigger below makes that hold for every write), and the summary keeps
 * the moment its snapshot was taken and the transactions then still in flight. A write not in that snapshot
 * either belongs to one of those transactions (seen once it has committed) or to a transaction that started
 * later, whose start time is not before the summary's.
 */
const statements = [
  `CREATE TABLE run_summaries (
     run_id integer PRIMARY KEY REFERENCES grading_runs(id) ON DELETE CASCADE,
     computed_at timestamptz NOT NULL,
     in_flight bigint[] NOT NULL,
     summary jsonb NOT NULL)`,
  `CREATE FUNCTION stratum_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.updated_at := now();
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER customers_touch_updated_at BEFORE UPDATE ON customers
     FOR EACH ROW EXECUTE FUNCTION stratum_touch_updated_at()`,
  `CREATE INDEX customers_updated_at_idx ON customers (updated_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
