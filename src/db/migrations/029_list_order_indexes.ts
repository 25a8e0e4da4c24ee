import { sql, type Kysely } from 'kysely';

/**
 * Company-wide lists (an admin's or a large team's orders, payments and activities in their default order) read
 * their first page along these indexes instead of sorting every row: at 2.2 million orders the page took 1.8 s, now
 * milliseconds. The business-date function becomes parallel safe: as it was (unsafe by default), every statement
 * that named it, such as each payments list through its days late, ran in one process only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER FUNCTION stratum_business_date(timestamptz) PARALLEL SAFE`.execute(db);
  await sql`CREATE INDEX orders_date_idx ON orders (order_date, id)`.execute(db);
  await sql`CREATE INDEX payments_due_idx ON payments (due_date, id)`.execute(db);
  await sql`CREATE INDEX activities_at_idx ON activities (at, id)`.execute(db);
}
