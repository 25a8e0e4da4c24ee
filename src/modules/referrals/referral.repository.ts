import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { CustomerScope } from '../analytics/analytics.repository.js';
import { isVisibleCustomer } from '../shared/scope.js';

/**
 * Referral value ("客户是一口井，不是一碗水"): what the customers a customer referred (`customers.referred_by_id`)
 * have bought from us to date, from their maintained state. Only referred customers the caller may see count, so a
 * rep never learns a colleague's customer's figures through a referrer of their own.
 */

export interface ReferralTotalsRow {
  referred: number;
  buyers: number;
  sales: string;
  profit: string;
}

export interface ReferredCustomerRow {
  id: number;
  code: string;
  name: string;
  lifecycle_stage: string;
  owner_name: string | null;
  created_at: Date | string;
  order_count: number;
  sales: string;
  profit: string;
  first_order: string | null;
  last_order: string | null;
  /** Over every referred customer the caller sees, however many the `limit` lists (the same on every row). */
  totals: ReferralTotalsRow;
}

/**
 * The customers `referrerId` referred that the caller sees, the most valuable first, each row with the totals over
 * all of them: the window is taken before the limit, so one statement gives both.
 */
export async function referredCustomers(
  db: Db,
  actor: Actor,
  referrerId: number,
  limit: number,
): Promise<ReferredCustomerRow[]> {
  const { rows } = await sql<ReferredCustomerRow>`
    SELECT customers.id, customers.code, customers.name, customers.lifecycle_stage, owner.name AS owner_name,
           customers.created_at, coalesce(s.order_count, 0)::int AS order_count,
           coalesce(s.amount, 0.00)::text AS sales, coalesce(s.profit, 0.00)::text AS profit,
           s.first_order::text AS first_order, s.last_order::text AS last_order,
           json_build_object(
             'referred', count(*) OVER (),
             'buyers', count(*) FILTER (WHERE s.order_count > 0) OVER (),
             'sales', (sum(coalesce(s.amount, 0.00)) OVER ())::text,
             'profit', (sum(coalesce(s.profit, 0.00)) OVER ())::text) AS totals
    FROM customers
    LEFT JOIN customer_state s ON s.customer_id = customers.id
    LEFT JOIN users owner ON owner.id = customers.owner_id
    WHERE customers.referred_by_id = ${referrerId} AND ${isVisibleCustomer(actor)}
    ORDER BY coalesce(s.amount, 0.00) DESC, customers.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

export interface GradeReferralRow extends ReferralTotalsRow {
  grade: number;
  customers: number;
  referrers: number;
}

export interface TopReferrerRow extends ReferralTotalsRow {
  customer_id: number;
  code: string;
  name: string;
  grade: number;
}

export interface ReferralAnalysisRows {
  grades: GradeReferralRow[];
  top: TopReferrerRow[];
  /** How the run's graded customers in scope came: by referral or not, and their lifetime sales. */
  sourced: { customers: number; referred_customers: number; sales: string; referred_sales: string };
}

/**
 * Per grade of a run, among the graded customers of `scope`: how many referred anyone, how many customers they
 * referred, how many of those bought, and what those bought to date; the `topLimit` referrers who brought the
 * most; and how many of the graded customers came by referral themselves. One statement.
 */
export async function referralAnalysis(
  db: Db,
  actor: Actor,
  scope: CustomerScope,
  runId: number,
  topLimit: number,
): Promise<ReferralAnalysisRows> {
  const { rows } = await sql<ReferralAnalysisRows>`
    WITH graded AS MATERIALIZED (
      SELECT r.customer_id, r.grade FROM grading_results r
      WHERE r.run_id = ${runId} AND r.customer_id IN (${scope})
    ),
    brought AS (
      SELECT c.referred_by_id AS referrer_id, count(*)::int AS referred,
             (count(*) FILTER (WHERE s.order_count > 0))::int AS buyers,
             coalesce(sum(s.amount), 0.00) AS sales, coalesce(sum(s.profit), 0.00) AS profit
      FROM customers c LEFT JOIN customer_state s ON s.customer_id = c.id
      WHERE c.referred_by_id IN (SELECT customer_id FROM graded) AND ${isVisibleCustomer(actor, 'c')}
      GROUP BY c.referred_by_id
    ),
    per_grade AS (
      SELECT g.grade::int AS grade, count(*)::int AS customers, count(b.referrer_id)::int AS referrers,
             coalesce(sum(b.referred), 0)::int AS referred, coalesce(sum(b.buyers), 0)::int AS buyers,
             coalesce(sum(b.sales), 0.00)::text AS sales, coalesce(sum(b.profit), 0.00)::text AS profit
      FROM graded g LEFT JOIN brought b ON b.referrer_id = g.customer_id
      GROUP BY g.grade
    ),
    top AS (
      SELECT g.customer_id, c.code, c.name, g.grade::int AS grade, b.referred, b.buyers,
             b.sales::text AS sales, b.profit::text AS profit
      FROM brought b JOIN graded g ON g.customer_id = b.referrer_id JOIN customers c ON c.id = b.referrer_id
      ORDER BY b.sales DESC, b.referred DESC, g.customer_id
      LIMIT ${topLimit}
    ),
    sourced AS (
      SELECT count(*)::int AS customers,
             (count(*) FILTER (WHERE c.referred_by_id IS NOT NULL))::int AS referred_customers,
             coalesce(sum(s.amount), 0.00)::text AS sales,
             coalesce(sum(s.amount) FILTER (WHERE c.referred_by_id IS NOT NULL), 0.00)::text AS referred_sales
      FROM graded g JOIN customers c ON c.id = g.customer_id LEFT JOIN customer_state s ON s.customer_id = c.id
    )
    SELECT (SELECT coalesce(json_agg(p ORDER BY p.grade), '[]') FROM per_grade p) AS grades,
           (SELECT coalesce(json_agg(t ORDER BY t.sales::numeric DESC, t.referred DESC, t.customer_id), '[]')
              FROM top t) AS top,
           (SELECT row_to_json(s) FROM sourced s) AS sourced`.execute(db);
  return rows[0]!;
}
