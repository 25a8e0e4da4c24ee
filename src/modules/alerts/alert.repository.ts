import { sql } from 'kysely';
import type { AlertKind } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';

export interface AlertFilter {
  readonly unread: boolean;
}

/** The caller's own alerts, about customers still in their scope (a reassigned customer's alerts go with it). */
function inbox(db: Db, actor: Actor, filter: AlertFilter) {
  let query = db
    .selectFrom('alerts')
    .where('alerts.user_id', '=', actor.id)
    .where('alerts.customer_id', 'in', visibleCustomerIds(db, actor));
  if (filter.unread) query = query.where('alerts.read_at', 'is', null);
  return query;
}

export function listAlertRows(
  db: Db,
  actor: Actor,
  filter: AlertFilter & { limit: number; beforeId?: number },
) {
  let query = inbox(db, actor, filter)
    .select([
      'alerts.id',
      'alerts.kind',
      'alerts.model_id',
      'alerts.customer_id',
      'alerts.change_id',
      'alerts.payload',
      'alerts.created_at',
      'alerts.read_at',
    ])
    .orderBy('alerts.id', 'desc')
    .limit(filter.limit);
  if (filter.beforeId !== undefined) query = query.where('alerts.id', '<', filter.beforeId);
  return query.execute();
}

export type AlertRow = Awaited<ReturnType<typeof listAlertRows>>[number];

/**
 * The caller's newest `limit` alerts (unread ones, with the filter), as a subquery: what the counts read, so
 * that a count stops at the limit instead of reading a manager's hundreds of thousands of alerts.
 */
function newestInbox(db: Db, actor: Actor, filter: AlertFilter, limit: number) {
  return inbox(db, actor, filter)
    .select(['alerts.id', 'alerts.kind'])
    .orderBy('alerts.id', 'desc')
    .limit(limit)
    .as('newest');
}

/** The caller's alerts (unread ones, with the filter), counted among the newest `limit` at most. */
export async function countAlerts(db: Db, actor: Actor, filter: AlertFilter, limit: number): Promise<number> {
  const row = await db
    .selectFrom(newestInbox(db, actor, filter, limit))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Unread alerts by kind among the caller's newest `limit` unread ones. */
export function unreadByKind(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom(newestInbox(db, actor, { unread: true }, limit))
    .select(['newest.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('newest.kind')
    .execute() as Promise<{ kind: AlertKind; n: number }[]>;
}

export function markRead(db: Db, actor: Actor, id: number, at: Date) {
  return db
    .updateTable('alerts')
    .set({ read_at: sql`COALESCE(read_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', actor.id)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .returning(['id', 'kind', 'model_id', 'customer_id', 'change_id', 'payload', 'created_at', 'read_at'])
    .executeTakeFirst();
}

export async function markAllRead(db: Db, actor: Actor, at: Date): Promise<number> {
  const result = await db
    .updateTable('alerts')
    .set({ read_at: at })
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
