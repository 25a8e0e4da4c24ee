import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomers } from '../shared/scope.js';
import type { AnalyticsFilterInput } from './analytics.schema.js';

/** The customers the caller may see, narrowed by the dashboard's filters. */
export function filteredCustomerIds(db: Db, actor: Actor, filter: AnalyticsFilterInput) {
  let query = visibleCustomers(db, actor).select('customers.id');
  if (filter.teamId) query = query.where('customers.team_id', 'in', filter.teamId);
  if (filter.ownerId) query = query.where('customers.owner_id', 'in', filter.ownerId);
  if (filter.province) query = query.where('customers.province', 'in', filter.province);
  if (filter.industry) query = query.where('customers.industry', 'in', filter.industry);
  return query;
}

export interface RunWindow {
  readonly runId: number;
  readonly asOf: string;
  readonly windowMonths: number;
}

/**
 * One row per graded customer in scope: its grade in the run, and its sales, profit and contacts in the model's
 * window read from the monthly state, never from order lines: the window's whole calendar months ending with the
 * month of the day before the as-of date (exact when the as-of date is the 1st, as scheduled runs are).
 */
function gradedCustomers(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  run: RunWindow,
): RawBuilder<unknown> {
  return sql`
    SELECT r.customer_id, r.grade,
           coalesce(w.sales, 0) AS sales, coalesce(w.profit, 0) AS profit, coalesce(w.contacts, 0) AS contacts
    FROM grading_results r
    LEFT JOIN (
      SELECT customer_id, sum(amount) AS sales, sum(profit) AS profit, sum(contact_count) AS contacts
      FROM customer_month_stats
      WHERE month <= ${run.asOf}::date - 1
        AND month > (date_trunc('month', ${run.asOf}::date - 1) - make_interval(months => ${run.windowMonths}))::date
      GROUP BY customer_id
    ) w ON w.customer_id = r.customer_id
    WHERE r.run_id = ${run.runId} AND r.customer_id IN (${filteredCustomerIds(db, actor, filter)})`;
}

export interface GradeFigureRow {
  grade: number;
  count: number;
  sales: string;
  profit: string;
  contacts: string;
  churned: number;
  buyers: number;
  repeaters: number;
  cycle_days: string | null;
}

/** Per grade: counts, window sales and profit, contacts, churned customers, repeat buyers and purchase cycle. */
export async function gradeFigures(db: Db, actor: Actor, filter: AnalyticsFilterInput, run: RunWindow) {
  const { rows } = await sql<GradeFigureRow>`
    WITH graded AS (${gradedCustomers(db, actor, filter, run)}),
    life AS (
      SELECT m.customer_id, sum(m.order_count) AS orders, min(m.first_order) AS first_order,
             max(m.last_order) AS last_order
      FROM customer_month_stats m
      WHERE m.month <= ${run.asOf}::date - 1 AND m.customer_id IN (SELECT customer_id FROM graded)
      GROUP BY m.customer_id
    )
    SELECT g.grade::int AS grade, count(*)::int AS count,
           sum(g.sales)::text AS sales, sum(g.profit)::text AS profit, sum(g.contacts)::text AS contacts,
           (count(*) FILTER (WHERE c.lifecycle_stage = 'churned'))::int AS churned,
           (count(*) FILTER (WHERE l.orders >= 1))::int AS buyers,
           (count(*) FILTER (WHERE l.orders >= 2))::int AS repeaters,
           (avg((l.last_order - l.first_order)::numeric / (l.orders - 1)) FILTER (WHERE l.orders >= 2))::text
             AS cycle_days
    FROM graded g
    JOIN customers c ON c.id = g.customer_id
    LEFT JOIN life l ON l.customer_id = g.customer_id
    GROUP BY g.grade
    ORDER BY g.grade`.execute(db);
  return rows;
}

export interface ConcentrationRow {
  bucket: number;
  customers: number;
  total: string;
}

/**
 * The customers ranked by a value, best first, cut into at most 100 equal-count buckets: enough points for a
 * Lorenz curve at any population size without sending one row per customer.
 */
export async function concentrationBuckets(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  run: RunWindow,
  value: 'sales' | 'profit',
) {
  const { rows } = await sql<ConcentrationRow>`
    WITH graded AS (${gradedCustomers(db, actor, filter, run)})
    SELECT bucket::int AS bucket, count(*)::int AS customers, sum(v)::text AS total
    FROM (SELECT ${sql.ref(value)} AS v, ntile(100) OVER (ORDER BY ${sql.ref(value)} DESC, customer_id) AS bucket
          FROM graded) ranked
    GROUP BY bucket ORDER BY bucket`.execute(db);
  return rows;
}

export interface GiniSumsRow {
  n: number;
  total: string | null;
  ranked: string | null;
}

/** n, Σx and Σ i·x over the values in ascending order (i from 1): the exact Gini follows from these three. */
export async function giniSums(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  run: RunWindow,
  value: 'sales' | 'profit',
) {
  const { rows } = await sql<GiniSumsRow>`
    WITH graded AS (${gradedCustomers(db, actor, filter, run)})
    SELECT count(*)::int AS n, sum(v)::text AS total, sum(i * v)::text AS ranked
    FROM (SELECT ${sql.ref(value)} AS v, row_number() OVER (ORDER BY ${sql.ref(value)}, customer_id) AS i
          FROM graded) ranked`.execute(db);
  return rows[0] ?? { n: 0, total: null, ranked: null };
}

export const compositionColumns = {
  industry: 'industry',
  province: 'province',
  sizeBand: 'size_band',
  nature: 'nature',
  type: 'type',
  lifecycle: 'lifecycle_stage',
} as const;
export type CompositionDimension = keyof typeof compositionColumns;

/** Customers per (attribute value, grade) in the run, among the filtered scope; NULL attribute values included. */
export async function composition(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  runId: number,
  dimension: CompositionDimension,
) {
  const { rows } = await sql<{ key: string | null; grade: number; count: number }>`
    SELECT c.${sql.ref(compositionColumns[dimension])}::text AS key, r.grade::int AS grade, count(*)::int AS count
    FROM grading_results r JOIN customers c ON c.id = r.customer_id
    WHERE r.run_id = ${runId} AND r.customer_id IN (${filteredCustomerIds(db, actor, filter)})
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Grade counts per run of a model (its newest runs), among the filtered scope. */
export async function distributionTrend(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  modelId: number,
  limit: number,
) {
  const runs = await db
    .selectFrom('grading_runs')
    .select(['id', 'as_of', 'version', 'finished_at'])
    .where('model_id', '=', modelId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return { runs, counts: [] };
  const counts = await db
    .selectFrom('grading_results')
    .select(['run_id', 'grade', (eb) => eb.fn.countAll<number>().as('count')])
    .where(
      'run_id',
      'in',
      runs.map((run) => run.id),
    )
    .where('customer_id', 'in', filteredCustomerIds(db, actor, filter))
    .groupBy(['run_id', 'grade'])
    .execute();
  return { runs, counts };
}

/** From-grade × to-grade counts between two runs among the filtered scope (-1: not graded in that run). */
export async function filteredMigration(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  fromRunId: number,
  toRunId: number,
) {
  const { rows } = await sql<{ from_grade: number; to_grade: number; count: number }>`
    SELECT coalesce(a.grade, -1)::int AS from_grade, coalesce(b.grade, -1)::int AS to_grade, count(*)::int AS count
    FROM (SELECT customer_id, grade FROM grading_results WHERE run_id = ${fromRunId}) a
    FULL JOIN (SELECT customer_id, grade FROM grading_results WHERE run_id = ${toRunId}) b USING (customer_id)
    WHERE customer_id IN (${filteredCustomerIds(db, actor, filter)})
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** A run with the model version it was computed with (its ladder and window come from that definition). */
export function findRunWithDefinition(db: Db, runId: number) {
  return db
    .selectFrom('grading_runs as r')
    .innerJoin('grading_model_versions as v', (join) =>
      join.onRef('v.model_id', '=', 'r.model_id').onRef('v.version', '=', 'r.version'),
    )
    .select(['r.id', 'r.model_id', 'r.version', 'r.as_of', 'r.previous_run_id', 'v.definition'])
    .where('r.id', '=', runId)
    .executeTakeFirst();
}
