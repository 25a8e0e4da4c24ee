import type { Updateable } from 'kysely';
import type { PaymentTable } from '../../db/database.js';
import { columnsFrom, isoTimestamp } from '../audit/owned-records.js';
import type { PaymentViewRow } from './payment.repository.js';
import type { PaymentUpdateInput, PaymentView } from './payment.schema.js';

const columnOf = {
  customerId: 'customer_id',
  orderId: 'order_id',
  dueDate: 'due_date',
  paidDate: 'paid_date',
  amount: 'amount',
  note: 'note',
} as const satisfies Record<keyof PaymentUpdateInput, keyof PaymentTable>;

export const toPaymentColumns = (input: PaymentUpdateInput) =>
  columnsFrom(input, columnOf) as Updateable<PaymentTable>;

export function toPaymentView(row: PaymentViewRow): PaymentView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerCode: row.customer_code,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    orderId: row.order_id,
    orderNo: row.order_no,
    dueDate: row.due_date,
    paidDate: row.paid_date,
    amount: row.amount,
    daysLate: Number(row.days_late),
    note: row.note,
    splitFromId: row.split_from_id,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}
