import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { splitGrandTotal } from '../shared/grouping-sets.js';
import { addDays, businessDay, daysBetween } from '../worklist/business-day.js';
import { salesRows, type SalesPeriods, type SalesRow } from './sales-summary.repository.js';
import type { SalesSummaryFilter, SalesSummaryView } from './sales-summary.schema.js';

/** The period asked for (this month to date by default) and the one of equal length just before it. */
export function salesPeriods(filter: Pick<SalesSummaryFilter, 'from' | 'to'>, now: Date): SalesPeriods {
  const to = filter.to ?? businessDay(now);
  const from = filter.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw AppError.invalid('from', 'after_period_end');
  const previousTo = addDays(from, -1);
  return { from, to, previousFrom: addDays(from, -(daysBetween(from, to) + 1)), previousTo };
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
  const { total, groups: owners } = splitGrandTotal(await salesRows(db, actor, filter, periods));
  return {
    ...periods,
    total: figuresOf(total),
    owners: owners.map((row) => ({ ownerId: row.owner_id, ownerName: row.owner_name, ...figuresOf(row) })),
  };
}
