import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../../server/errors.js';
import { authorId, type Actor } from '../auth/actor.js';
import type { Cursor } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import type { Db } from './audit.repository.js';
import { recordAudit } from './audit.repository.js';

/**
 * Shared by every record a customer owns (contacts, relationships, orders, payments, activities): the scope check
 * of a customer named in a body, the audit of a change, keyset paging and input-to-column mapping.
 */

/** A customer the user cannot see is reported exactly as one that does not exist. */
export async function requireVisibleCustomer(
  db: Db,
  actor: Actor,
  customerId: number,
  field = 'customerId',
): Promise<void> {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.invalid(field, 'unknown_customer');
}

/** Moving history between customers is not an edit: the owner of a record is fixed when it is created. */
export function refuseCustomerChange(requested: number | undefined, current: number): void {
  if (requested !== undefined && requested !== current) throw AppError.invalid('customerId', 'immutable');
}

export function recordChange(
  db: Db,
  actor: Actor,
  entity: string,
  change:
    | { action: 'create'; after: { id: number } }
    | { action: 'update'; before: { id: number }; after: unknown }
    | { action: 'delete'; before: { id: number } },
): Promise<void> {
  const id = change.action === 'create' ? change.after.id : change.before.id;
  return recordAudit(db, {
    actorId: authorId(actor),
    entity,
    entityId: id,
    action: change.action,
    before: change.action === 'create' ? null : change.before,
    after: change.action === 'delete' ? null : change.after,
  });
}

/** What a list can be sorted by: an expression and the SQL type the cursor's text is read back as. */
export interface SortKey {
  readonly key: RawBuilder<unknown>;
  readonly type: RawBuilder<unknown>;
  /**
   * A nullable date or amount: the rows without one come last whichever way the list is read (NULL itself would
   * fall out of every page's comparison), as infinity past the end of the order asked for.
   */
  readonly nullsLast?: boolean;
}

export interface KeysetOrder extends SortKey {
  /** Ties are broken by it, in the same direction. */
  readonly id: RawBuilder<unknown>;
  readonly direction: 'asc' | 'desc';
}

/** The keyset order a list's `sort` and `order` ask for, among its `keys`, ties by `id`. */
export function requestedOrder<K extends string>(
  keys: Readonly<Record<K, SortKey>>,
  request: { readonly sort: K; readonly order: 'asc' | 'desc' },
  id: RawBuilder<unknown>,
): KeysetOrder {
  return { ...keys[request.sort], id, direction: request.order };
}

/** One page in keyset order, fetched with one extra row so that `toPage` knows whether another page follows. */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  cursor: Cursor | undefined,
  limit: number,
) {
  const direction = order.direction === 'asc' ? sql`asc` : sql`desc`;
  const past = sql.lit(order.direction === 'asc' ? 'infinity' : '-infinity');
  const key = order.nullsLast ? sql`coalesce(${order.key}, ${past}::${order.type})` : order.key;
  let page = query.select(sql<string | null>`(${key})::text`.as('sort_key'));
  if (cursor) {
    const comparison = order.direction === 'asc' ? sql`>` : sql`<`;
    page = page.where(
      sql<boolean>`(${key}, ${order.id}) ${comparison} (${cursor.key}::${order.type}, ${cursor.id})`,
    );
  }
  return page
    .orderBy(sql`${key} ${direction}`)
    .orderBy(sql`${order.id} ${direction}`)
    .limit(limit + 1);
}

/** The number of rows a list query would return over all its pages (its scope and filters, no paging). */
export async function countRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): Promise<number> {
  const row = await query
    .clearSelect()
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number((row as { count: number | string }).count);
}

/** Only the fields present in the input become columns: a PATCH leaves everything else as it was. */
export function columnsFrom<F extends string, C extends string>(
  input: Partial<Record<F, unknown>>,
  columnOf: Readonly<Record<F, C>>,
): Partial<Record<C, unknown>> {
  const columns: Partial<Record<C, unknown>> = {};
  for (const field of Object.keys(columnOf) as F[]) {
    const value = input[field];
    if (value !== undefined) columns[columnOf[field]] = value;
  }
  return columns;
}

export const isoTimestamp = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null) => (value === null ? null : isoTimestamp(value));
