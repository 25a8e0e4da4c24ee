import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange, refuseCustomerChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { findOrderOfCustomer } from '../orders/order.repository.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { businessDay } from '../worklist/business-day.js';
import { toPaymentColumns, toPaymentView } from './payment.mapper.js';
import {
  compareWithAmount,
  countPayments,
  deletePayment,
  findPaymentForUpdate,
  findPaymentView,
  insertPayment,
  listPaymentViews,
  reducePayment,
  updatePayment,
} from './payment.repository.js';
import type {
  PaymentCreateInput,
  PaymentListFilter,
  PaymentReceiptInput,
  PaymentUpdateInput,
  PaymentView,
} from './payment.schema.js';

export async function getPayment(db: Db, actor: Actor, id: number): Promise<PaymentView> {
  const row = await findPaymentView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toPaymentView(row);
}

export async function listPayments(
  db: Db,
  actor: Actor,
  filter: PaymentListFilter,
): Promise<Page<PaymentView>> {
  const [rows, total] = await Promise.all([
    listPaymentViews(db, actor, filter, decodeCursor(filter.cursor)),
    countPayments(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => row.sort_key);
  return { ...page, items: page.items.map(toPaymentView) };
}

export async function listCustomerPayments(
  db: Db,
  actor: Actor,
  customerId: number,
  filter: Omit<PaymentListFilter, 'customerId'>,
) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  return listPayments(db, actor, { ...filter, customerId });
}

/** Money is received on a day that has come: a paid date after today is a typing mistake, not a plan. */
function refusePaidAfter(paidDate: string | null | undefined, today: string): void {
  if (paidDate && paidDate > today) throw AppError.invalid('paidDate', 'after_today');
}

/** A payment settles an order of its own customer, and nothing is due or paid before the order was placed. */
async function checkAgainstOrder(
  db: Db,
  actor: Actor,
  payment: { customerId: number; orderId: number | null; dueDate: string; paidDate: string | null },
): Promise<void> {
  if (payment.orderId === null) return;
  const order = await findOrderOfCustomer(db, actor, payment.orderId, payment.customerId);
  if (!order) throw AppError.invalid('orderId', 'unknown_reference');
  if (payment.dueDate < order.order_date) throw AppError.invalid('dueDate', 'due_before_order');
  if (payment.paidDate !== null && payment.paidDate < order.order_date) {
    throw AppError.invalid('paidDate', 'paid_before_order');
  }
}

export async function createPayment(
  db: Db,
  actor: Actor,
  input: PaymentCreateInput,
  at: Date,
): Promise<PaymentView> {
  refusePaidAfter(input.paidDate, businessDay(at));
  await requireVisibleCustomer(db, actor, input.customerId);
  await checkAgainstOrder(db, actor, {
    customerId: input.customerId,
    orderId: input.orderId ?? null,
    dueDate: input.dueDate,
    paidDate: input.paidDate ?? null,
  });
  const created = await insertPayment(db, {
    customer_id: input.customerId,
    order_id: input.orderId ?? null,
    due_date: input.dueDate,
    paid_date: input.paidDate ?? null,
    amount: input.amount,
    note: input.note ?? null,
  });
  await recordChange(db, actor, 'payment', { action: 'create', after: created });
  return getPayment(db, actor, created.id);
}

export async function updatePaymentById(
  db: Db,
  actor: Actor,
  id: number,
  input: PaymentUpdateInput,
  at: Date,
): Promise<PaymentView> {
  refusePaidAfter(input.paidDate, businessDay(at));
  const before = await findPaymentForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  refuseCustomerChange(input.customerId, before.customer_id);
  await checkAgainstOrder(db, actor, {
    customerId: before.customer_id,
    orderId: input.orderId !== undefined ? input.orderId : before.order_id,
    dueDate: input.dueDate ?? before.due_date,
    paidDate: input.paidDate !== undefined ? input.paidDate : before.paid_date,
  });
  const after = await updatePayment(db, id, toPaymentColumns(input));
  await recordChange(db, actor, 'payment', { action: 'update', before, after });
  return getPayment(db, actor, id);
}

export async function deletePaymentById(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await findPaymentForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  await deletePayment(db, id);
  await recordChange(db, actor, 'payment', { action: 'delete', before });
}

/**
 * Records money received against a payment: all of it settles the payment on that day; a part of it splits the
 * payment into the part received (a new payment, paid that day) and the part still owed (this one, less that part,
 * due as before), so that every figure of lateness and aging keeps reading whole rows. Money compared and
 * subtracted as decimals in SQL. A day still to come, a paid payment and more than is owed are refused.
 */
export async function recordReceipt(
  db: Db,
  actor: Actor,
  id: number,
  input: PaymentReceiptInput,
  today: string,
): Promise<{ paid: PaymentView; remaining: PaymentView | null }> {
  const before = await findPaymentForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  if (before.paid_date !== null) throw AppError.invalid('paidDate', 'already_paid');
  refusePaidAfter(input.paidDate, today);
  if (Number(input.amount) <= 0) throw AppError.invalid('amount', 'too_small');
  await checkAgainstOrder(db, actor, {
    customerId: before.customer_id,
    orderId: before.order_id,
    dueDate: before.due_date,
    paidDate: input.paidDate,
  });
  const order = await compareWithAmount(db, id, input.amount);
  if (order > 0) throw AppError.invalid('amount', 'exceeds_payment');
  if (order === 0) {
    const after = await updatePayment(db, id, { paid_date: input.paidDate, note: input.note ?? before.note });
    await recordChange(db, actor, 'payment', { action: 'update', before, after });
    return { paid: await getPayment(db, actor, id), remaining: null };
  }
  const remaining = await reducePayment(db, id, input.amount);
  const paid = await insertPayment(db, {
    customer_id: before.customer_id,
    order_id: before.order_id,
    due_date: before.due_date,
    paid_date: input.paidDate,
    amount: input.amount,
    note: input.note ?? before.note,
    split_from_id: id,
  });
  await recordChange(db, actor, 'payment', { action: 'update', before, after: remaining });
  await recordChange(db, actor, 'payment', { action: 'create', after: paid });
  return { paid: await getPayment(db, actor, paid.id), remaining: await getPayment(db, actor, id) };
}
