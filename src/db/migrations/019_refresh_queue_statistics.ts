import { sql, type Kysely } from 'kysely';
import { refreshCustomerStateStatement } from '../state-sql.js';

/**
 * The per-customer refresh analyzes its queue again once emptied (src/db/state-sql.ts): an embedded database that
 * had loaded or imported a large history kept the full queue's statistics, and every single order, payment or
 * activity written afterwards scanned every month row. Databases created before this get the function as the
 * specification now writes it, and their queue's statistics are brought up to date once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(refreshCustomerStateStatement()).execute(db);
  await sql`ANALYZE state_refresh_queue`.execute(db);
}
