import { sql, type Kysely } from 'kysely';
import { insertFunctionStatements } from '../state-sql.js';

/**
 * An insert of orders or activities adds one contribution to the month rows, already one row per (customer,
 * month): the delta no longer aggregates it a second time (src/db/state-sql.ts). Databases created before this
 * get the insert trigger functions as the specification now writes them; the triggers themselves are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of insertFunctionStatements()) await sql.raw(statement).execute(db);
}
