import { isoTimestamp } from '../audit/owned-records.js';
import type { LineInput } from './order-figures.js';
import type { OrderLineRow, OrderViewRow } from './order.repository.js';
import type { OrderView } from './order.schema.js';

export const toLineInput = (row: OrderLineRow): LineInput => ({
  product: row.product,
  quantity: row.quantity,
  unitPrice: row.unit_price,
  amount: row.amount,
  cost: row.cost,
});

export function toOrderView(row: OrderViewRow, lines: readonly OrderLineRow[]): OrderView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerCode: row.customer_code,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    orderNo: row.order_no,
    orderDate: row.order_date,
    amount: row.amount,
    cost: row.cost,
    grossProfit: row.gross_profit,
    currency: row.currency.trim(),
    status: row.status,
    note: row.note,
    lines: lines
      .filter((line) => line.order_id === row.id)
      .map((line) => ({
        id: line.id,
        product: line.product,
        quantity: line.quantity,
        unitPrice: line.unit_price,
        amount: line.amount,
        cost: line.cost,
      })),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}
