import { sql, type Kysely, type Transaction } from 'kysely';
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
  await recordAudits(db, [entry]);
}

/** Many entries in one INSERT: a bulk change writes its trail in bulk too. */
export async function recordAudits(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        user_id: entry.actorId,
        entity: entry.entity,
        entity_id: entry.entityId === null ? null : String(entry.entityId),
        action: entry.action,
        before: JSON.stringify(redact(entry.before)),
        after: JSON.stringify(redact(entry.after)),
      })),
    )
    .execute();
}

/** Entities whose audit rows carry the customer they belong to in `customer_id`. */
const customerOwnedEntities = [
  'contact',
  'order',
  'payment',
  'activity',
  'relationship',
  'grade_override',
  'opportunity',
];

/**
 * The audit trail of one customer: its own entries and those of the records it owns, newest first. Owned records
 * are found by the customer_id their before/after images carry; a relationship counts for both of its ends.
 */
export function listCustomerHistory(db: Db, customerId: number, limit: number) {
  const id = String(customerId);
  return db
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
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity', '=', 'customer'), eb('audit_log.entity_id', '=', id)]),
        eb.and([
          eb('audit_log.entity', 'in', customerOwnedEntities),
          eb.or([
            eb(sql`audit_log.after ->> 'customer_id'`, '=', id),
            eb(sql`audit_log.before ->> 'customer_id'`, '=', id),
          ]),
        ]),
        eb.and([
          eb('audit_log.entity', '=', 'relationship'),
          eb.or([
            eb(sql`audit_log.after ->> 'related_customer_id'`, '=', id),
            eb(sql`audit_log.before ->> 'related_customer_id'`, '=', id),
          ]),
        ]),
      ]),
    )
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}
