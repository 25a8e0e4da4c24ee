import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { isoTimestamp } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { filteredCustomerIds } from '../analytics/analytics.repository.js';
import { ratio, requireRun } from '../analytics/analytics.service.js';
import { sumMoney } from '../orders/decimal.js';
import { isCustomerVisible } from '../shared/scope.js';
import { referralAnalysis, referredCustomers, type ReferralTotalsRow } from './referral.repository.js';
import type { ReferralAnalysisQueryInput } from './referral.schema.js';

/** The customers one customer referred and what they bought; 404 when the referrer is out of the caller's scope. */
export async function customerReferrals(db: Db, actor: Actor, customerId: number, limit: number) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  const rows = await referredCustomers(db, actor, customerId, limit);
  return {
    items: rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      lifecycleStage: row.lifecycle_stage,
      ownerName: row.owner_name,
      createdAt: isoTimestamp(row.created_at),
      orderCount: row.order_count,
      sales: row.sales,
      profit: row.profit,
      firstOrder: row.first_order,
      lastOrder: row.last_order,
    })),
    totals: rows[0]?.totals ?? noReferrals,
  };
}

const noReferrals: ReferralTotalsRow = { referred: 0, buyers: 0, sales: '0.00', profit: '0.00' };

interface Counted extends ReferralTotalsRow {
  customers: number;
  referrers: number;
}

const withRates = <T extends Counted>(row: T) => ({
  ...row,
  referralRate: ratio(row.referrers, row.customers),
  conversionRate: ratio(row.buyers, row.referred),
});

/**
 * The dashboard's referral analysis of a run (客户转介绍分析): per grade of the referrer, who refers and what the
 * customers they referred bought to date; the referrers who brought the most; and the share of the graded
 * customers, and of their sales, that came by referral. Within the caller's scope and the dashboard's filters.
 */
export async function runReferrals(
  db: Kysely<Database>,
  actor: Actor,
  runId: number,
  { top, ...filter }: ReferralAnalysisQueryInput,
) {
  const { run, model } = await requireRun(db, runId);
  const rows = await referralAnalysis(db, actor, filteredCustomerIds(db, actor, filter), runId, top);
  const grades = model.ladder.map((grade, index) => {
    const row = rows.grades.find((figure) => figure.grade === index);
    return withRates({
      grade: index,
      code: grade.code,
      name: grade.name,
      color: grade.color,
      customers: row?.customers ?? 0,
      referrers: row?.referrers ?? 0,
      referred: row?.referred ?? 0,
      buyers: row?.buyers ?? 0,
      sales: row?.sales ?? '0.00',
      profit: row?.profit ?? '0.00',
    });
  });
  const count = (pick: (row: Counted) => number) => grades.reduce((sum, row) => sum + pick(row), 0);
  const { sourced } = rows;
  return {
    runId: run.id,
    modelId: run.model_id,
    asOf: run.as_of,
    grades,
    totals: withRates({
      customers: count((row) => row.customers),
      referrers: count((row) => row.referrers),
      referred: count((row) => row.referred),
      buyers: count((row) => row.buyers),
      sales: sumMoney(grades.map((row) => row.sales)),
      profit: sumMoney(grades.map((row) => row.profit)),
    }),
    sourced: {
      customers: sourced.customers,
      referredCustomers: sourced.referred_customers,
      share: ratio(sourced.referred_customers, sourced.customers),
      sales: sourced.sales,
      referredSales: sourced.referred_sales,
      salesShare: ratio(Number(sourced.referred_sales), Number(sourced.sales)),
    },
    top: rows.top.map((row) => ({
      customerId: row.customer_id,
      code: row.code,
      name: row.name,
      grade: row.grade,
      referred: row.referred,
      buyers: row.buyers,
      sales: row.sales,
      profit: row.profit,
    })),
  };
}
