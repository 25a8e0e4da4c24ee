import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { PaymentTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage, requestedOrder, type SortKey } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import type { Cursor } from '../shared/pagination.js';
import { findOwnedForUpdate, isVisibleCustomer } from '../shared/scope.js';
import { agingDays, type AgingBucket } from './aging.js';
import type { PaymentListFilter } from './payment.schema.js';

const today = sql<string>`stratum_business_date(now())`;

/** The day a list or report is taken on: the one asked for, or today in Beijing. */
export const dayOf = (asOf: string | undefined) => (asOf ? sql<string>`${asOf}::date` : today);

/**
 * Days paid after the due date; unpaid on `day`, days overdue on it; 0 when on time or not yet due. A payment made
 * after `day` was still unpaid on it.
 */
const daysLateOn = (day: RawBuilder<string>) =>
  sql<number>`greatest(0, least(coalesce(payments.paid_date, ${day}), ${day}) - payments.due_date)`;

/** Days late as of today, for views that are always taken today (the customer's timeline). */
export const paymentDaysLate = daysLateOn(today);

/**
 * Still owed at the end of `day`: not paid by then, for an order placed by then (or for no order). The order is
 * looked up per outstanding payment rather than joined, so that a report reads the few unpaid payments through
 * their partial index instead of every order.
 */
const outstandingOn = (day: RawBuilder<string>) =>
  sql<boolean>`((payments.paid_date IS NULL OR payments.paid_date > ${day})
    AND NOT EXISTS (SELECT 1 FROM orders later WHERE later.id = payments.order_id AND later.order_date > ${day}))`;

const overdueOn = (day: RawBuilder<string>) =>
  sql<boolean>`(${outstandingOn(day)} AND payments.due_date < ${day})`;

/** Due within the bucket's days before `day`, paid or not: an outstanding payment's aging bracket. */
export function dueInAgingBucket(day: RawBuilder<string>, bucket: AgingBucket) {
  const { min, max } = agingDays(bucket);
  const days = sql`(${day} - payments.due_date)`;
  const bounds = [
    min === null ? sql`true` : sql`${days} >= ${sql.lit(min)}`,
    max === null ? sql`true` : sql`${days} <= ${sql.lit(max)}`,
  ];
  return sql<boolean>`(${sql.join(bounds, sql` AND `)})`;
}

/** Payments in the user's scope with their customer and its owner, before any filter. */
export function scopedPayments(db: Db, actor: Actor) {
  return db
    .selectFrom('payments')
    .innerJoin('customers', 'customers.id', 'payments.customer_id')
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .where(isVisibleCustomer(actor));
}

type ScopedPayments = ReturnType<typeof scopedPayments>;

export type PaymentCondition = Pick<
  PaymentListFilter,
  'asOf' | 'customerId' | 'ownerId' | 'teamId' | 'overdue' | 'status' | 'bucket'
>;

/** One filter for the list, its export and the aging report: the same words select the same payments. */
export function matchingPayments<Q extends ScopedPayments>(query: Q, filter: PaymentCondition): Q {
  const day = dayOf(filter.asOf);
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.customerId !== undefined) conditions.push(sql`payments.customer_id = ${filter.customerId}`);
  if (filter.ownerId !== undefined) conditions.push(sql`customers.owner_id = ${filter.ownerId}`);
  if (filter.teamId !== undefined) conditions.push(sql`customers.team_id = ${filter.teamId}`);
  if (filter.overdue === 'true' || filter.status === 'overdue') conditions.push(overdueOn(day));
  if (filter.overdue === 'false') conditions.push(sql`NOT ${overdueOn(day)}`);
  if (filter.status === 'outstanding') conditions.push(outstandingOn(day));
  if (filter.status === 'paid') conditions.push(sql`payments.paid_date <= ${day}`);
  if (filter.bucket) conditions.push(outstandingOn(day), dueInAgingBucket(day, filter.bucket));
  return conditions.reduce((q, condition) => q.where(condition) as Q, query);
}

function paymentViews(db: Db, actor: Actor, asOf?: string) {
  return scopedPayments(db, actor)
    .selectAll('payments')
    .select([
      'customers.name as customer_name',
      'customers.code as customer_code',
      'customers.owner_id',
      'owner.name as owner_name',
      // A look-up, not a join: under a page's limit it runs for the page's rows only, not for every payment listed.
      sql<string | null>`(SELECT orders.order_no FROM orders WHERE orders.id = payments.order_id)`.as(
        'order_no',
      ),
      daysLateOn(dayOf(asOf)).as('days_late'),
    ]);
}

export type PaymentViewRow = Awaited<ReturnType<ReturnType<typeof paymentViews>['executeTakeFirstOrThrow']>>;

/** Days late are counted on the day the list is seen on. */
const sortKeys = (asOf: string | undefined): Record<PaymentListFilter['sort'], SortKey> => ({
  dueDate: { key: sql`payments.due_date`, type: sql`date` },
  paidDate: { key: sql`payments.paid_date`, type: sql`date`, nullsLast: true },
  amount: { key: sql`payments.amount`, type: sql`numeric` },
  daysLate: { key: daysLateOn(dayOf(asOf)), type: sql`integer` },
});

export function listPaymentViews(db: Db, actor: Actor, filter: PaymentListFilter, cursor?: Cursor) {
  return keysetPage(
    matchingPayments(paymentViews(db, actor, filter.asOf), filter),
    requestedOrder(sortKeys(filter.asOf), filter, sql`payments.id`),
    cursor,
    filter.limit,
  ).execute();
}

export function countPayments(db: Db, actor: Actor, filter: PaymentListFilter): Promise<number> {
  return countRows(matchingPayments(paymentViews(db, actor, filter.asOf), filter));
}

export function findPaymentView(db: Db, actor: Actor, id: number) {
  return paymentViews(db, actor).where('payments.id', '=', id).executeTakeFirst();
}

export function findPaymentForUpdate(db: Db, actor: Actor, id: number) {
  return findOwnedForUpdate(db, actor, 'payments', id);
}

export function insertPayment(db: Db, values: Insertable<PaymentTable>) {
  return db.insertInto('payments').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updatePayment(db: Db, id: number, values: Updateable<PaymentTable>) {
  return db
    .updateTable('payments')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deletePayment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('payments').where('id', '=', id).execute();
}

/** How a received amount compares with what the payment asks, exactly (numeric in SQL): −1 less, 0 equal, 1 more. */
export async function compareWithAmount(db: Db, id: number, received: string): Promise<number> {
  const { rows } = await sql<{ order: number }>`
    SELECT sign(${received}::numeric - amount)::int AS order FROM payments WHERE id = ${id}`.execute(db);
  return rows[0]!.order;
}

/** What stays owed after a part is received: the same payment, less that part. */
export function reducePayment(db: Db, id: number, received: string) {
  return db
    .updateTable('payments')
    .set((eb) => ({
      amount: sql<string>`${eb.ref('amount')} - ${received}::numeric`,
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
