import { sql, type Insertable, type Updateable } from 'kysely';
import type { PaymentTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import type { Cursor } from '../shared/pagination.js';
import { findOwnedForUpdate, visibleCustomerIds } from '../shared/scope.js';
import type { PaymentListFilter } from './payment.schema.js';

const today = sql<string>`stratum_business_date(now())`;

/** Days paid after the due date; unpaid, days overdue as of today (Beijing time); 0 when on time or not yet due. */
export const paymentDaysLate = sql<number>`greatest(0, coalesce(payments.paid_date, ${today}) - payments.due_date)`;

function paymentViews(db: Db, actor: Actor) {
  return db
    .selectFrom('payments')
    .innerJoin('customers', 'customers.id', 'payments.customer_id')
    .leftJoin('orders', 'orders.id', 'payments.order_id')
    .where('payments.customer_id', 'in', visibleCustomerIds(db, actor))
    .selectAll('payments')
    .select(['customers.name as customer_name', 'orders.order_no', paymentDaysLate.as('days_late')]);
}

export type PaymentViewRow = Awaited<ReturnType<ReturnType<typeof paymentViews>['executeTakeFirstOrThrow']>>;

function applyFilter(query: ReturnType<typeof paymentViews>, filter: PaymentListFilter) {
  let q = query;
  if (filter.customerId !== undefined) q = q.where('payments.customer_id', '=', filter.customerId);
  if (filter.overdue === 'true') {
    q = q.where('payments.paid_date', 'is', null).where(sql<boolean>`payments.due_date < ${today}`);
  }
  if (filter.overdue === 'false') {
    q = q.where((eb) =>
      eb.or([eb('payments.paid_date', 'is not', null), sql<boolean>`payments.due_date >= ${today}`]),
    );
  }
  return q;
}

const latestDueFirst = {
  key: sql`payments.due_date`,
  type: sql`date`,
  id: sql`payments.id`,
  direction: 'desc',
} as const;

export function listPaymentViews(db: Db, actor: Actor, filter: PaymentListFilter, cursor?: Cursor) {
  return keysetPage(
    applyFilter(paymentViews(db, actor), filter),
    latestDueFirst,
    cursor,
    filter.limit,
  ).execute();
}

export function countPayments(db: Db, actor: Actor, filter: PaymentListFilter): Promise<number> {
  return countRows(applyFilter(paymentViews(db, actor), filter));
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
