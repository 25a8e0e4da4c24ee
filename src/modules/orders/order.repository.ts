import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { OrderTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage, requestedOrder, type SortKey } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { containsPattern, type Cursor } from '../shared/pagination.js';
import { findOwnedForUpdate, isVisibleCustomer, visibleCustomerIds } from '../shared/scope.js';
import type { ResolvedLine } from './order-figures.js';
import type { OrderListFilter } from './order.schema.js';

/** Orders of the user's customers with the customer and its owner, before any filter. */
export function scopedOrders(db: Db, actor: Actor) {
  return db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .where(isVisibleCustomer(actor));
}

function orderViews(db: Db, actor: Actor) {
  return scopedOrders(db, actor)
    .selectAll('orders')
    .select([
      'customers.name as customer_name',
      'customers.code as customer_code',
      'customers.owner_id',
      'owner.name as owner_name',
    ]);
}

export type OrderViewRow = Awaited<ReturnType<ReturnType<typeof orderViews>['executeTakeFirstOrThrow']>>;

export type OrderCondition = Omit<OrderListFilter, 'limit' | 'cursor' | 'sort' | 'order'>;
/** What an export of the list reads: its filters and its order, every page. */
export type OrderListOrder = Omit<OrderListFilter, 'limit' | 'cursor'>;

/** One filter for the list, its export and the sales summary. */
export function matchingOrders<Q extends ReturnType<typeof scopedOrders>>(
  query: Q,
  filter: OrderCondition,
): Q {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.customerId !== undefined) conditions.push(sql`orders.customer_id = ${filter.customerId}`);
  if (filter.ownerId !== undefined) conditions.push(sql`customers.owner_id = ${filter.ownerId}`);
  if (filter.teamId !== undefined) conditions.push(sql`customers.team_id = ${filter.teamId}`);
  if (filter.from) conditions.push(sql`orders.order_date >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`orders.order_date <= ${filter.to}::date`);
  if (filter.status?.length) conditions.push(sql`orders.status IN (${sql.join(filter.status)})`);
  if (filter.q) conditions.push(sql`orders.order_no ILIKE ${containsPattern(filter.q)}`);
  return conditions.reduce((q, condition) => q.where(condition) as Q, query);
}

const sortKeys: Record<OrderListFilter['sort'], SortKey> = {
  orderDate: { key: sql`orders.order_date`, type: sql`date` },
  amount: { key: sql`orders.amount`, type: sql`numeric` },
  grossProfit: { key: sql`orders.gross_profit`, type: sql`numeric`, nullsLast: true },
  orderNo: { key: sql`orders.order_no`, type: sql`text` },
};

export function listOrderViews(db: Db, actor: Actor, filter: OrderListFilter, cursor?: Cursor) {
  return keysetPage(
    matchingOrders(orderViews(db, actor), filter),
    requestedOrder(sortKeys, filter, sql`orders.id`),
    cursor,
    filter.limit,
  ).execute();
}

export function countOrders(db: Db, actor: Actor, filter: OrderListFilter): Promise<number> {
  return countRows(matchingOrders(orderViews(db, actor), filter));
}

export function findOrderView(db: Db, actor: Actor, id: number) {
  return orderViews(db, actor).where('orders.id', '=', id).executeTakeFirst();
}

export function findOrderForUpdate(db: Db, actor: Actor, id: number) {
  return findOwnedForUpdate(db, actor, 'orders', id);
}

/** The order a payment refers to: visible, and of the payment's own customer. */
export function findOrderOfCustomer(db: Db, actor: Actor, orderId: number, customerId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'order_date'])
    .where('id', '=', orderId)
    .where('customer_id', '=', customerId)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .executeTakeFirst();
}

export function listLines(db: Db, orderIds: readonly number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('id')
    .execute();
}

export type OrderLineRow = Awaited<ReturnType<typeof listLines>>[number];

export async function orderNoTaken(db: Db, orderNo: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('orders').select('id').where('order_no', '=', orderNo);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The earliest due or paid date among the order's payments: the order date may not move past it. */
export async function earliestPaymentDate(db: Db, orderId: number): Promise<string | null> {
  const row = await db
    .selectFrom('payments')
    .select(sql<string | null>`min(least(due_date, coalesce(paid_date, due_date)))`.as('earliest'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return row.earliest;
}

export function insertOrder(db: Db, values: Insertable<OrderTable>) {
  return db.insertInto('orders').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateOrder(db: Db, id: number, values: Updateable<OrderTable>) {
  return db
    .updateTable('orders')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Lines are replaced as a whole: an order's lines are edited together, like a form. */
export async function replaceLines(
  db: Db,
  order: { id: number; customer_id: number },
  lines: readonly ResolvedLine[],
) {
  await db.deleteFrom('order_lines').where('order_id', '=', order.id).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('order_lines')
    .values(
      lines.map((line) => ({
        order_id: order.id,
        customer_id: order.customer_id,
        product: line.product,
        quantity: line.quantity,
        unit_price: line.unitPrice,
        amount: line.amount,
        cost: line.cost,
      })),
    )
    .execute();
}

export async function deleteOrder(db: Db, id: number): Promise<void> {
  await db.deleteFrom('orders').where('id', '=', id).execute();
}
