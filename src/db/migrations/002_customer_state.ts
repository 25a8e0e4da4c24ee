import { sql, type Kysely } from 'kysely';
import { stateMigrationStatements } from '../state-sql.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of stateMigrationStatements()) await sql.raw(statement).execute(db);
}
