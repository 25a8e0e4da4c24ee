import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { isVisibleCustomer, visibleCustomerIds } from '../shared/scope.js';
import { matchesAnalyticsFilter, type CompositionFilter } from '../analytics/analytics.repository.js';
import type { AnalyticsFilterInput } from '../analytics/analytics.schema.js';

/** Grade counts of each run among the customers the user may see, in one pass over the runs' results. */
export function scopedDistributions(db: Db, actor: Actor, runIds: readonly number[]) {
  return db
    .selectFrom('grading_results')
    .select(['run_id', 'grade', (eb) => eb.fn.countAll<number>().as('count')])
    .where('run_id', 'in', runIds)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .groupBy(['run_id', 'grade'])
    .orderBy('run_id')
    .orderBy('grade')
    .execute();
}

/**
 * Which of a run's results to list: the dashboard's filters, composition values, a grade, and a comparison with
 * another run.
 */
export type RunResultsFilter = Partial<AnalyticsFilterInput> &
  CompositionFilter & {
    /** Grade index in this run; −1 (needs `against`): customers `against` graded whom this run no longer grades. */
    readonly grade?: number;
    /** Another run of the same model: each row carries the customer's grade and score in it. */
    readonly against?: number;
    /** Grade index in `against` (needs it); −1: customers `against` did not grade. */
    readonly fromGrade?: number;
    /** Only customers whose grade differs from the one in `against` (needs it), those it did not grade included. */
    readonly moved?: boolean;
  };

export interface RunResultRow {
  customer_id: number;
  code: string;
  name: string;
  owner_name: string | null;
  /** Null on the rows of customers this run no longer grades (grade −1). */
  grade: number | null;
  computed_grade: number | null;
  status: number | null;
  score: number | null;
  rfm_code: number | null;
  factor_scores: number[] | null;
  previous_grade: number | null;
  previous_score: number | null;
}

/**
 * A run's results among the customers the user may see and the filters keep, as rows `b` joined to the other
 * run's `o`. Listing those who left the population (grade −1) swaps the roles: the rows are the other run's, and
 * this run's side is the missing one. Every cell of a migration matrix is thus one query on one run's primary key.
 */
function filteredResults(db: Db, actor: Actor, runId: number, filter: RunResultsFilter) {
  const left = filter.grade === -1;
  const [current, previous] = left ? ['o', 'b'] : ['b', 'o'];
  const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
  const other = left ? runId : (filter.against ?? null);
  let query = db
    .selectFrom('grading_results as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .leftJoin('grading_results as o', (join) =>
      join.onRef('o.customer_id', '=', 'b.customer_id').on(sql<boolean>`o.run_id = ${other}`),
    )
    .where('b.run_id', '=', left ? filter.against! : runId)
    .where(isVisibleCustomer(actor, 'c'))
    .where(matchesAnalyticsFilter(filter, 'c'));
  if (left) query = query.where('o.customer_id', 'is', null);
  else if (filter.grade !== undefined) query = query.where('b.grade', '=', filter.grade);
  if (filter.moved)
    query = query.where(sql<boolean>`${ref(current, 'grade')} IS DISTINCT FROM ${ref(previous, 'grade')}`);
  if (filter.fromGrade === -1) query = query.where(sql<boolean>`${ref(previous, 'customer_id')} IS NULL`);
  else if (filter.fromGrade !== undefined)
    query = query.where(sql<boolean>`${ref(previous, 'grade')} = ${filter.fromGrade}`);
  return { query, current, previous, ref };
}

/** One keyset page of a run's filtered results, in customer id order. */
export function runResultsPage(
  db: Db,
  actor: Actor,
  runId: number,
  filter: RunResultsFilter,
  page: { afterCustomerId?: number; limit: number },
): Promise<RunResultRow[]> {
  const { query, current, previous, ref } = filteredResults(db, actor, runId, filter);
  const of = <T>(alias: string, column: string) => sql<T>`${ref(alias, column)}`;
  return query
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'b.customer_id',
      'c.code',
      'c.name',
      'u.name as owner_name',
      of<number | null>(current, 'grade').as('grade'),
      of<number | null>(current, 'computed_grade').as('computed_grade'),
      of<number | null>(current, 'status').as('status'),
      of<number | null>(current, 'score').as('score'),
      of<number | null>(current, 'rfm_code').as('rfm_code'),
      of<number[] | null>(current, 'factor_scores').as('factor_scores'),
      of<number | null>(previous, 'grade').as('previous_grade'),
      of<number | null>(previous, 'score').as('previous_score'),
    ])
    .$if(page.afterCustomerId !== undefined, (q) => q.where('b.customer_id', '>', page.afterCustomerId!))
    .orderBy('b.customer_id')
    .limit(page.limit)
    .execute();
}

export async function countRunResults(db: Db, actor: Actor, runId: number, filter: RunResultsFilter) {
  const row = await filteredResults(db, actor, runId, filter)
    .query.select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
