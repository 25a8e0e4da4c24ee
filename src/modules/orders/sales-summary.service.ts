import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { splitGrandTotal } from '../shared/grouping-sets.js';
import { addDays, businessDay, daysBetween } from '../worklist/business-day.js';
import { findPeriodTargets } from '../targets/targets.repository.js';
import { sumMoney } from './decimal.js';
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

const noSales = {
  orders: 0,
  amount: '0.00',
  gross_profit: '0.00',
  profited_amount: '0.00',
  customers: 0,
  previous_amount: '0.00',
};

/** `attained` is the part of the sales measured against the target: all of a person's, those of the targeted in a total. */
const figuresOf = (
  row: Omit<SalesRow, 'is_total' | 'owner_id' | 'owner_name'>,
  target: string | null,
  attained = row.amount,
) => ({
  orders: row.orders,
  amount: row.amount,
  grossProfit: row.gross_profit,
  profitedAmount: row.profited_amount,
  customers: row.customers,
  previousAmount: row.previous_amount,
  target,
  attainment: target === null || Number(target) === 0 ? null : Number(attained) / Number(target),
});

/**
 * What the user's customers bought in a period, in total and per account manager, beside the period before and
 * against the period's targets (account managers with a target and no sales are listed too, at zero).
 */
export async function salesSummary(
  db: Db,
  actor: Actor,
  filter: SalesSummaryFilter,
  now: Date,
): Promise<SalesSummaryView> {
  const periods = salesPeriods(filter, now);
  const [rows, targets] = await Promise.all([
    salesRows(db, actor, filter, periods),
    findPeriodTargets(db, actor, filter, periods),
  ]);
  const { total, groups: owners } = splitGrandTotal(rows);
  const targetOf = new Map(targets.map((row) => [row.user_id, row.target]));
  const sold = new Set(owners.map((owner) => owner.owner_id));
  const withoutSales = targets
    .filter((row) => !sold.has(row.user_id))
    .map((row) => ({ ...noSales, owner_id: row.user_id, owner_name: row.user_name }));
  return {
    ...periods,
    total: figuresOf(
      total,
      targets.length ? sumMoney(targets.map((row) => row.target)) : null,
      sumMoney(owners.filter((row) => targetOf.has(row.owner_id ?? 0)).map((row) => row.amount)),
    ),
    owners: [...owners, ...withoutSales].map((row) => ({
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      ...figuresOf(row, targetOf.get(row.owner_id ?? 0) ?? null),
    })),
  };
}
