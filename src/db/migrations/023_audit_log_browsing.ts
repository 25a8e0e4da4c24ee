import { sql, type Kysely } from 'kysely';

/**
 * The company-wide audit log is read newest first (by id) and narrowed by who acted or by what they did, and its
 * filters offer the users and actions present. Every login, logout and bulk move writes entries, so the log grows
 * into millions; without an index a user or a rare action (a password change, an import) was found by reading the
 * log backwards to its start (0.2–0.4 s at 2 M entries on PostgreSQL), and the distinct users took 36 s as a loose
 * index scan. With (user_id, id) and (action, id) both are index lookups (under 3 ms), pages continue by id within
 * them, and the distinct values are one probe each. Entities already have audit_entity_idx.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_user_idx ON audit_log (user_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`.execute(db);
}
