import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange, refuseCustomerChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { resolveFigures, type Figures } from './order-figures.js';
import { toLineInput, toOrderView } from './order.mapper.js';
import {
  countOrders,
  deleteOrder,
  earliestPaymentDate,
  findOrderForUpdate,
  findOrderView,
  insertOrder,
  listLines,
  listOrderViews,
  orderNoTaken,
  replaceLines,
  updateOrder,
} from './order.repository.js';
import type { OrderCreateInput, OrderListFilter, OrderUpdateInput, OrderView } from './order.schema.js';

export async function getOrder(db: Db, actor: Actor, id: number): Promise<OrderView> {
  const row = await findOrderView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toOrderView(row, await listLines(db, [id]));
}

export async function listOrders(db: Db, actor: Actor, filter: OrderListFilter): Promise<Page<OrderView>> {
  const [rows, total] = await Promise.all([
    listOrderViews(db, actor, filter, decodeCursor(filter.cursor)),
    countOrders(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => row.sort_key);
  const lines = await listLines(
    db,
    page.items.map((row) => row.id),
  );
  return { ...page, items: page.items.map((row) => toOrderView(row, lines)) };
}

export async function listCustomerOrders(
  db: Db,
  actor: Actor,
  customerId: number,
  filter: Omit<OrderListFilter, 'customerId'>,
) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  return listOrders(db, actor, { ...filter, customerId });
}

const figureColumns = (figures: Figures) => ({
  amount: figures.amount,
  cost: figures.cost,
  gross_profit: figures.grossProfit,
});

/** The audit keeps the order with its lines, so that history shows what was sold, not only the total. */
const withLines = async <T extends { id: number }>(db: Db, order: T) => ({
  ...order,
  lines: (await listLines(db, [order.id])).map(toLineInput),
});

export async function createOrder(db: Db, actor: Actor, input: OrderCreateInput): Promise<OrderView> {
  await requireVisibleCustomer(db, actor, input.customerId);
  if (await orderNoTaken(db, input.orderNo)) throw AppError.duplicate('orderNo');
  const figures = resolveFigures({ ...input, lines: input.lines ?? [] });
  const created = await insertOrder(db, {
    customer_id: input.customerId,
    order_no: input.orderNo,
    order_date: input.orderDate,
    ...figureColumns(figures),
    currency: input.currency,
    status: input.status,
    note: input.note ?? null,
  });
  await replaceLines(db, created, figures.lines);
  await recordChange(db, actor, 'order', { action: 'create', after: await withLines(db, created) });
  return getOrder(db, actor, created.id);
}

export async function updateOrderById(
  db: Db,
  actor: Actor,
  id: number,
  input: OrderUpdateInput,
): Promise<OrderView> {
  const current = await findOrderForUpdate(db, actor, id);
  if (!current) throw AppError.notFound();
  refuseCustomerChange(input.customerId, current.customer_id);
  if (input.orderNo && (await orderNoTaken(db, input.orderNo, id))) throw AppError.duplicate('orderNo');
  if (input.orderDate) {
    const earliest = await earliestPaymentDate(db, id);
    if (earliest !== null && earliest < input.orderDate)
      throw AppError.invalid('orderDate', 'after_payments');
  }
  const before = await withLines(db, current);
  const linesReplaced = input.lines !== undefined;
  const figures = resolveFigures({
    amount: input.amount ?? (linesReplaced ? undefined : current.amount),
    cost: input.cost !== undefined ? input.cost : linesReplaced ? undefined : current.cost,
    grossProfit: input.grossProfit,
    fallbackGrossProfit: current.gross_profit,
    lines: input.lines ?? before.lines,
  });
  const updated = await updateOrder(db, id, {
    order_no: input.orderNo,
    order_date: input.orderDate,
    ...figureColumns(figures),
    currency: input.currency,
    status: input.status,
    note: input.note,
  });
  if (linesReplaced) await replaceLines(db, updated, figures.lines);
  await recordChange(db, actor, 'order', { action: 'update', before, after: await withLines(db, updated) });
  return getOrder(db, actor, id);
}

/** Payments of a deleted order stay with the customer (their order reference is cleared by the database). */
export async function deleteOrderById(db: Db, actor: Actor, id: number): Promise<void> {
  const current = await findOrderForUpdate(db, actor, id);
  if (!current) throw AppError.notFound();
  const before = await withLines(db, current);
  await deleteOrder(db, id);
  await recordChange(db, actor, 'order', { action: 'delete', before });
}
