import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { recordedCounts } from '../grading/recorded-counts.js';
import { liveCustomers, seesAllCustomers, visibleCustomers } from '../shared/scope.js';
import type { AnalyticsFilterInput } from './analytics.schema.js';

/** Ids of the customers a summary covers, as a subquery. */
export type CustomerScope = ReturnType<typeof filteredCustomerIds>;

/** Every customer: the company-wide summary's scope. */
export const everyCustomerId = (db: Db): CustomerScope => liveCustomers(db).select('customers.id');

/** The customers the caller may see, narrowed by the dashboard's filters. */
export function filteredCustomerIds(db: Db, actor: Actor, filter: AnalyticsFilterInput) {
  return visibleCustomers(db, actor).select('customers.id').where(matchesAnalyticsFilter(filter));
}

/** A composition's values to keep, by dimension: what a bar of the composition chart stands for. */
export type CompositionFilter = { readonly [D in CompositionDimension]?: readonly string[] };

/**
 * The dashboard's filters, and any composition values, as a condition on a customers row (`table`): true when none
 * is set.
 */
export function matchesAnalyticsFilter(
  filter: Partial<AnalyticsFilterInput> & CompositionFilter,
  table = 'customers',
): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const conditions = [
    filter.teamId && sql`${column('team_id')} = ANY(${filter.teamId}::int[])`,
    filter.ownerId && sql`${column('owner_id')} = ANY(${filter.ownerId}::int[])`,
    ...(Object.entries(compositionColumns) as [CompositionDimension, string][]).map(([dimension, name]) => {
      const values = filter[dimension];
      return values && sql`${column(name)} = ANY(${values}::text[])`;
    }),
  ].filter((condition) => condition !== undefined);
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`true`;
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

export interface ConcentrationRow {
  bucket: number;
  customers: number;
  total: string;
  /** Σ i·x over the bucket, i the customer's rank from the top (1 = the best). */
  ranked: string;
}

export type Measure = 'sales' | 'profit';

export interface RunFigures {
  figures: GradeFigureRow[];
  buckets: (ConcentrationRow & { measure: Measure })[];
}

/**
 * The customers ranked by a measure, best first, in at most 100 equal-count buckets (the Lorenz curve's points),
 * with n, Σx and Σ i·x (i the rank from the top) from the same ordering: the exact Gini follows from these.
 */
const concentrationOf = (measure: Measure) => sql`
  SELECT ${measure}::text AS measure, bucket::int AS bucket, count(*)::int AS customers, sum(v)::text AS total,
         sum(i * v)::text AS ranked
  FROM (SELECT ${sql.ref(measure)} AS v,
               ntile(100) OVER w AS bucket, row_number() OVER w AS i
        FROM graded WINDOW w AS (ORDER BY ${sql.ref(measure)} DESC, customer_id)) ranked
  GROUP BY bucket`;

/**
 * Everything per grade and the concentration of sales and profit for the graded customers in scope, in one
 * statement over the run's own results: each result keeps the window sales, profit and contacts and the
 * lifetime orders and first/last order the run graded with (migration 013), so no monthly state is read here.
 */
export async function runFigures(db: Db, scope: CustomerScope, runId: number): Promise<RunFigures> {
  const { rows } = await sql<RunFigures>`
    WITH graded AS MATERIALIZED (
      SELECT r.customer_id, r.grade, coalesce(r.sales, 0) AS sales, coalesce(r.profit, 0) AS profit,
             coalesce(r.contacts, 0) AS contacts, r.orders, r.first_order, r.last_order
      FROM grading_results r
      WHERE r.run_id = ${runId} AND r.customer_id IN (${scope})
    ),
    figures AS (
      SELECT g.grade::int AS grade, count(*)::int AS count,
             sum(g.sales)::text AS sales, sum(g.profit)::text AS profit, sum(g.contacts)::text AS contacts,
             (count(*) FILTER (WHERE c.lifecycle_stage = 'churned'))::int AS churned,
             (count(*) FILTER (WHERE g.orders >= 1))::int AS buyers,
             (count(*) FILTER (WHERE g.orders >= 2))::int AS repeaters,
             (avg((g.last_order - g.first_order)::numeric / (g.orders - 1)) FILTER (WHERE g.orders >= 2))::text
               AS cycle_days
      FROM graded g JOIN customers c ON c.id = g.customer_id
      GROUP BY g.grade
    ),
    buckets AS (${concentrationOf('sales')} UNION ALL ${concentrationOf('profit')})
    SELECT (SELECT coalesce(json_agg(f ORDER BY f.grade), '[]') FROM figures f) AS figures,
           (SELECT coalesce(json_agg(b ORDER BY b.measure, b.bucket), '[]') FROM buckets b) AS buckets`.execute(
    db,
  );
  return rows[0]!;
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

/**
 * Customers per (attribute value, grade) in the run, among the filtered scope, for every dimension in one pass
 * (grouping sets); NULL attribute values included, told apart from "not grouped by" with GROUPING().
 */
export async function compositionCounts(db: Db, scope: CustomerScope, runId: number) {
  const dimensions = Object.entries(compositionColumns) as [CompositionDimension, string][];
  const column = (name: string) => sql`c.${sql.ref(name)}`;
  const pick = (value: (dimension: CompositionDimension, name: string) => RawBuilder<unknown>) =>
    sql.join(
      dimensions.map(
        ([dimension, name]) => sql`WHEN GROUPING(${column(name)}) = 0 THEN ${value(dimension, name)}`,
      ),
      sql` `,
    );
  const { rows } = await sql<{
    dimension: CompositionDimension;
    key: string | null;
    grade: number;
    count: number;
  }>`
    SELECT CASE ${pick((dimension) => sql`${dimension}::text`)} END AS dimension,
           CASE ${pick((_, name) => sql`${column(name)}::text`)} END AS key,
           r.grade::int AS grade, count(*)::int AS count
    FROM grading_results r JOIN customers c ON c.id = r.customer_id
    WHERE r.run_id = ${runId} AND r.customer_id IN (${scope})
    GROUP BY GROUPING SETS (${sql.join(dimensions.map(([, name]) => sql`(${column(name)}, r.grade)`))})`.execute(
    db,
  );
  return rows;
}

/** Whether the dashboard's filters leave out nobody of the caller's scope. */
export const isUnfiltered = (filter: AnalyticsFilterInput): boolean =>
  Object.values(filter).every((value) => value === undefined);

/**
 * Whether the caller looks at the whole company: sees every customer and filters none out. Figures recorded
 * for the whole population then serve instead of counting the results again.
 */
export const isCompanyWide = (actor: Actor, filter: AnalyticsFilterInput): boolean =>
  seesAllCustomers(actor) && isUnfiltered(filter);

/**
 * Grade counts per run of a model (its newest runs), among the filtered scope. Unfiltered and seeing every
 * customer, the counts each run recorded serve, instead of counting every result of every run again.
 */
export async function distributionTrend(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  modelId: number,
  limit: number,
) {
  const runs = await db
    .selectFrom('grading_runs')
    .select(['id', 'as_of', 'version', 'finished_at', 'distribution'])
    .where('model_id', '=', modelId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return { runs, counts: [] };
  if (isCompanyWide(actor, filter))
    return {
      runs,
      counts: runs.flatMap((run) => recordedCounts(run).map((row) => ({ run_id: run.id, ...row }))),
    };
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

/** From-grade × to-grade counts between two runs among the customers of `scope` (-1: not graded in that run). */
export async function migrationCounts(db: Db, scope: CustomerScope, fromRunId: number, toRunId: number) {
  const { rows } = await sql<{ from_grade: number; to_grade: number; count: number }>`
    SELECT coalesce(a.grade, -1)::int AS from_grade, coalesce(b.grade, -1)::int AS to_grade, count(*)::int AS count
    FROM (SELECT customer_id, grade FROM grading_results WHERE run_id = ${fromRunId}) a
    FULL JOIN (SELECT customer_id, grade FROM grading_results WHERE run_id = ${toRunId}) b USING (customer_id)
    WHERE customer_id IN (${scope})
    GROUP BY 1, 2`.execute(db);
  return rows.map((row) => ({ from: row.from_grade, to: row.to_grade, count: row.count }));
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
