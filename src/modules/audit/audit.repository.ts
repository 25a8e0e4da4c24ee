import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { containsPattern } from '../shared/pagination.js';
import { startOfBusinessDay } from '../shared/business-day-sql.js';
import type { AuditLogFilterInput } from './audit-log.schema.js';

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

/** Audit entries with the name of the user who acted: what every reading of the trail shows of an entry. */
function historyEntries(db: Db) {
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
    ]);
}

export type HistoryEntryRow = Awaited<
  ReturnType<ReturnType<typeof historyEntries>['executeTakeFirstOrThrow']>
>;

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
  return historyEntries(db)
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

/**
 * Up to `limit` entries of the whole log, newest first, older than the entry `beforeId` when given (keyset paging).
 * `q` looks for the text, case-insensitively and literally, in the entity id and in the before and after images
 * read as JSON text.
 */
export function listAuditLog(db: Db, filter: AuditLogFilterInput, limit: number, beforeId?: number) {
  let query = historyEntries(db);
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.userId !== undefined) query = query.where('audit_log.user_id', '=', filter.userId);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('audit_log.at', '>=', startOfBusinessDay(filter.from));
  if (filter.to) query = query.where('audit_log.at', '<', startOfBusinessDay(filter.to, 1));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.entity_id', 'ilike', pattern),
        eb(sql`audit_log.before::text`, 'ilike', pattern),
        eb(sql`audit_log.after::text`, 'ilike', pattern),
      ]),
    );
  }
  if (beforeId !== undefined) query = query.where('audit_log.id', '<', beforeId);
  return query.orderBy('audit_log.id', 'desc').limit(limit).execute();
}

/**
 * The distinct values of an indexed column of the log, one index probe per value (a loose index scan): the log
 * holds millions of entries and a handful of values, which a plain DISTINCT would read all of.
 */
const distinctValues = (column: 'entity' | 'action' | 'user_id') => {
  const value = sql.ref(`audit_log.${column}`);
  return sql`
    WITH RECURSIVE found (value) AS (
      (SELECT ${value} FROM audit_log WHERE ${value} IS NOT NULL ORDER BY ${value} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${value} FROM audit_log WHERE ${value} > found.value ORDER BY ${value} LIMIT 1)
      FROM found WHERE found.value IS NOT NULL)
    SELECT value FROM found WHERE value IS NOT NULL`;
};

/** The entities, actions and acting users present in the log, in no particular order. */
export async function auditLogFacets(db: Db) {
  const texts = async (column: 'entity' | 'action') =>
    (await sql<{ value: string }>`${distinctValues(column)}`.execute(db)).rows.map((row) => row.value);
  const [entities, actions, users] = await Promise.all([
    texts('entity'),
    texts('action'),
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where(sql<boolean>`users.id IN (${distinctValues('user_id')})`)
      .execute(),
  ]);
  return { entities, actions, users };
}
