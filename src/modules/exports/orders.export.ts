import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { listOrderViews, type OrderListOrder, type OrderViewRow } from '../orders/order.repository.js';
import type { OrderStatus } from '../orders/order.schema.js';
import type { Locale } from '../../server/messages.js';
import { keysetTable, type ListColumn } from './keyset-pages.js';
import { dateCell, label, moneyCell, type Label } from './labels.js';
import type { ExportTable } from './table-output.js';

const statusLabels: Record<OrderStatus, Label> = {
  confirmed: label('已确认', 'Confirmed'),
  completed: label('已完成', 'Completed'),
  cancelled: label('已取消', 'Cancelled'),
};

const columns: readonly ListColumn<OrderViewRow>[] = [
  { label: label('客户编号', 'Customer code'), cell: (r) => r.customer_code },
  { label: label('客户名称', 'Customer'), cell: (r) => r.customer_name },
  { label: label('订单号', 'Order no.'), cell: (r) => r.order_no },
  { label: label('成交日期', 'Order date'), cell: (r) => dateCell(r.order_date) },
  { label: label('金额', 'Amount'), cell: (r) => moneyCell(r.amount) },
  { label: label('成本', 'Cost'), cell: (r) => moneyCell(r.cost) },
  { label: label('毛利', 'Gross profit'), cell: (r) => moneyCell(r.gross_profit) },
  { label: label('状态', 'Status'), cell: (r, locale) => statusLabels[r.status][locale] },
  { label: label('负责人', 'Owner'), cell: (r) => r.owner_name },
  { label: label('备注', 'Note'), cell: (r) => r.note },
];

/** The order list as the list API filters, orders and scopes it. */
export function ordersTable(db: Db, actor: Actor, filter: OrderListOrder, locale: Locale): ExportTable {
  return keysetTable(
    label('销售订单', 'Orders'),
    columns,
    (cursor, limit) => listOrderViews(db, actor, { ...filter, limit }, cursor),
    locale,
  );
}
