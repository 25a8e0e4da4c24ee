import { sql, type Kysely } from 'kysely';

/**
 * A part received of a payment (a receipt of less than is owed) points at the payment it was split from, so that an
 * ERP file re-importing that payment's whole amount sets the rest still owed, not the whole again beside the part.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE payments ADD COLUMN split_from_id integer REFERENCES payments(id) ON DELETE SET NULL`.execute(
    db,
  );
  await sql`CREATE INDEX payments_split_from_idx ON payments (split_from_id) WHERE split_from_id IS NOT NULL`.execute(
    db,
  );
}
