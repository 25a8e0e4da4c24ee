import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { listPaymentViews, type PaymentViewRow } from '../payments/payment.repository.js';
import type { PaymentListFilter } from '../payments/payment.schema.js';
import type { Locale } from '../../server/messages.js';
import { keysetTable, type ListColumn } from './keyset-pages.js';
import { dateCell, label, moneyCell, yesNoText } from './labels.js';
import type { ExportTable } from './table-output.js';

const columns: readonly ListColumn<PaymentViewRow>[] = [
  { label: label('客户编号', 'Customer code'), cell: (r) => r.customer_code },
  { label: label('客户名称', 'Customer'), cell: (r) => r.customer_name },
  { label: label('订单号', 'Order no.'), cell: (r) => r.order_no },
  { label: label('应收日期', 'Due date'), cell: (r) => dateCell(r.due_date) },
  { label: label('回款日期', 'Paid date'), cell: (r) => dateCell(r.paid_date) },
  { label: label('金额', 'Amount'), cell: (r) => moneyCell(r.amount) },
  // A part received is split from a payment that keeps the rest: the two amounts are one receivable.
  {
    label: label('部分回款', 'Part payment'),
    cell: (r, locale) => yesNoText(r.split_from_id !== null, locale),
  },
  { label: label('逾期天数', 'Days late'), cell: (r) => Number(r.days_late) },
  { label: label('负责人', 'Owner'), cell: (r) => r.owner_name },
  { label: label('备注', 'Note'), cell: (r) => r.note },
];

export type PaymentExportFilter = Omit<PaymentListFilter, 'limit' | 'cursor'>;

/** The payment list as the list API filters, orders and scopes it (the receivables page's filters among them). */
export function paymentsTable(
  db: Db,
  actor: Actor,
  filter: PaymentExportFilter,
  locale: Locale,
): ExportTable {
  return keysetTable(
    label('回款', 'Payments'),
    columns,
    (cursor, limit) => listPaymentViews(db, actor, { ...filter, limit }, cursor),
    locale,
  );
}
