import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { matchingOrders, scopedOrders } from './order.repository.js';
import { orderStatuses } from './order.schema.js';

export interface SalesPeriods {
  readonly from: string;
  readonly to: string;
  readonly previousFrom: string;
  readonly previousTo: string;
}

/**
 * Sales of the period and of the one before, per account manager and for all of them (the row whose `is_total` is
 * 1). Cancelled orders are not sales. Sums stay exact decimals, as text.
 */
export function salesRows(
  db: Db,
  actor: Actor,
  filter: { ownerId?: number; teamId?: number },
  periods: SalesPeriods,
) {
  const current = sql<boolean>`orders.order_date >= ${periods.from}::date`;
  const sum = (expression: ReturnType<typeof sql>, condition: ReturnType<typeof sql<boolean>>) =>
    sql<string>`coalesce(sum(${expression}) FILTER (WHERE ${condition}), 0.00)::text`;
  const amount = sql`coalesce(sum(orders.amount) FILTER (WHERE ${current}), 0.00)`;
  return matchingOrders(scopedOrders(db, actor), {
    ...filter,
    from: periods.previousFrom,
    to: periods.to,
    status: orderStatuses.filter((status) => status !== 'cancelled'),
  })
    .select([
      sql<number>`grouping(customers.owner_id)`.as('is_total'),
      'customers.owner_id',
      'owner.name as owner_name',
      sql<number>`count(*) FILTER (WHERE ${current})::int`.as('orders'),
      sql<string>`${amount}::text`.as('amount'),
      sum(sql`orders.gross_profit`, current).as('gross_profit'),
      sum(sql`orders.amount`, sql<boolean>`${current} AND orders.gross_profit IS NOT NULL`).as(
        'profited_amount',
      ),
      sql<number>`count(DISTINCT orders.customer_id) FILTER (WHERE ${current})::int`.as('customers'),
      sum(sql`orders.amount`, sql<boolean>`NOT ${current}`).as('previous_amount'),
    ])
    .groupBy(sql`GROUPING SETS ((customers.owner_id, owner.name), ())`)
    .orderBy(amount, 'desc')
    .orderBy('owner.name')
    .execute();
}

export type SalesRow = Awaited<ReturnType<typeof salesRows>>[number];
