import { sql, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';

/**
 * The one place that decides which customers a user may see: a rep the customers they own, a manager their
 * team's, an admin all; soft-deleted customers are gone for everyone. Every read of customers or of anything a
 * customer owns goes through this, so no route can forget it.
 */
/** Whether the user's scope is every customer (figures recorded for the whole population then serve as they are). */
export const seesAllCustomers = (actor: Actor): boolean => actor.role === 'admin';

/** Every customer not deleted. */
export const liveCustomers = (db: Db): SelectQueryBuilder<Database, 'customers', object> =>
  db.selectFrom('customers').where('customers.deleted_at', 'is', null);

/**
 * Which customers the user sees, as data: every one (an admin), those of a team together with their own (a
 * manager), or their own (a rep, or a manager without a team). `visibleCustomers` queries it and `scopeKey`
 * names it, so the two cannot disagree.
 */
function scopeRule(actor: Actor): { readonly teamId: number | null; readonly ownerId: number | null } {
  if (seesAllCustomers(actor)) return { teamId: null, ownerId: null };
  return { teamId: actor.role === 'manager' ? actor.teamId : null, ownerId: actor.id };
}

export function visibleCustomers(db: Db, actor: Actor): SelectQueryBuilder<Database, 'customers', object> {
  return db.selectFrom('customers').where(isVisibleCustomer(actor));
}

/**
 * The same scope as a condition on a customers row a query has already joined (as `table`) for its records'
 * customer names: one pass over customers instead of the join and a second pass for `IN (visibleCustomerIds)`,
 * which was a third of counting a company-wide list of orders.
 */
export function isVisibleCustomer(actor: Actor, table = 'customers'): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const live = sql<boolean>`${column('deleted_at')} IS NULL`;
  const { teamId, ownerId } = scopeRule(actor);
  if (ownerId === null) return live;
  if (teamId === null) return sql`${live} AND ${column('owner_id')} = ${ownerId}`;
  return sql`${live} AND (${column('team_id')} = ${teamId} OR ${column('owner_id')} = ${ownerId})`;
}

/**
 * The name of the set of customers `visibleCustomers` gives the user, the same for every user who sees the same
 * set: what figures kept for that set are filed under.
 */
export function scopeKey(actor: Actor): string {
  const { teamId, ownerId } = scopeRule(actor);
  if (ownerId === null) return 'all';
  return teamId === null ? `owner:${ownerId}` : `team:${teamId}+owner:${ownerId}`;
}

export function visibleCustomerIds(db: Db, actor: Actor) {
  return visibleCustomers(db, actor).select('customers.id');
}

export async function isCustomerVisible(db: Db, actor: Actor, customerId: number): Promise<boolean> {
  const row = await visibleCustomerIds(db, actor).where('customers.id', '=', customerId).executeTakeFirst();
  return row !== undefined;
}

/** Tables of records that belong to one customer and are read and changed through that customer's scope. */
export type CustomerOwnedTable = 'contacts' | 'orders' | 'payments' | 'activities';

/**
 * A customer-owned record the user may change, locked for the change; undefined when it does not exist or its
 * customer is out of the user's scope (the caller answers 404 either way).
 */
export function findOwnedForUpdate<T extends CustomerOwnedTable>(
  db: Db,
  actor: Actor,
  table: T,
  id: number,
): Promise<Selectable<Database[T]> | undefined> {
  return sql<Selectable<Database[T]>>`
    SELECT * FROM ${sql.table(table)}
    WHERE id = ${id} AND customer_id IN (${visibleCustomerIds(db, actor)})
    FOR UPDATE`
    .execute(db)
    .then((result) => result.rows[0]);
}
