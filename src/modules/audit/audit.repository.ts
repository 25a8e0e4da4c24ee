import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';

export type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  readonly actorId: number | null;
  readonly entity: string;
  readonly entityId: string | number | null;
  readonly action: 'create' | 'update' | 'delete' | 'login' | 'logout' | 'password' | string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const SECRET_KEYS = new Set(['password_hash', 'password', 'passwordHash']);

/** Secrets never reach the audit trail, at any depth. */
function redact(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => (SECRET_KEYS.has(key) ? undefined : inner)),
  );
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.actorId,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      action: entry.action,
      before: JSON.stringify(redact(entry.before)),
      after: JSON.stringify(redact(entry.after)),
    })
    .execute();
}

export async function listAudit(
  db: Db,
  filter: { entity?: string; entityId?: string; limit: number; beforeId?: number },
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.name as user_name',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.before',
      'audit_log.after',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit);
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.beforeId) query = query.where('audit_log.id', '<', filter.beforeId);
  return query.execute();
}
