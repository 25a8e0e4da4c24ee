import { sql, type Kysely } from 'kysely';

/** The customers one customer referred, read on its page and per grade on the dashboard's referral analysis. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customers_referred_by_idx ON customers (referred_by_id) WHERE referred_by_id IS NOT NULL`.execute(
    db,
  );
}
