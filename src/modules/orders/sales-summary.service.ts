import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { addDays, businessDay } from '../worklist/business-day.js';
import { salesRows, type SalesPeriods, type SalesRow } from './sales-summary.repository.js';
import type { SalesSummaryFilter, SalesSummaryView } from './sales-summary.schema.js';

const dayCount = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** The period asked for (this month to date by default) and the one of equal length just before it. */
export function salesPeriods(filter: Pick<SalesSummaryFilter, 'from' | 'to'>, now: Date): SalesPeriods {
  const to = filter.to ?? businessDay(now);
  const from = filter.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw AppError.invalid('from', 'after_period_end');
  const previousTo = addDays(from, -1);
  return { from, to, previousFrom: addDays(from, -dayCount(from, to)), previousTo };
}

const figuresOf = (row: SalesRow) => ({
  orders: row.orders,
  amount: row.amount,
  grossProfit: row.gross_profit,
  profitedAmount: row.profited_amount,
  customers: row.customers,
  previousAmount: row.previous_amount,
});

/** What the user's customers bought in a period, in total and per account manager, beside the period before. */
export async function salesSummary(
  db: Db,
  actor: Actor,
  filter: SalesSummaryFilter,
  now: Date,
): Promise<SalesSummaryView> {
  const periods = salesPeriods(filter, now);
  // Grouping sets give the grand total even over no orders at all, first by the statement's order.
  const [total, ...owners] = await salesRows(db, actor, filter, periods);
  return {
    ...periods,
    total: figuresOf(total!),
    owners: owners.map((row) => ({ ownerId: row.owner_id, ownerName: row.owner_name, ...figuresOf(row) })),
  };
}
