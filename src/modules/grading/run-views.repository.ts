import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';

/** Grade counts of a run among the customers the user may see (an admin's equal the stored distribution). */
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

/** A run's result rows, with customer code, name and owner, among the customers the user may see. */
export function visibleRunResults(db: Db, actor: Actor, runId: number) {
  return db
    .selectFrom('grading_results as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'r.customer_id',
      'c.code',
      'c.name',
      'u.name as owner_name',
      'r.grade',
      'r.computed_grade',
      'r.status',
      'r.score',
      'r.rfm_code',
      'r.factor_scores',
    ])
    .where('r.run_id', '=', runId)
    .where('r.customer_id', 'in', visibleCustomerIds(db, actor));
}

export async function scopedResults(
  db: Db,
  actor: Actor,
  runId: number,
  filter: { grade?: number; limit: number; afterCustomerId?: number },
) {
  let query = visibleRunResults(db, actor, runId)
    .orderBy('r.customer_id')
    .limit(filter.limit + 1);
  if (filter.grade !== undefined) query = query.where('r.grade', '=', filter.grade);
  if (filter.afterCustomerId !== undefined) query = query.where('r.customer_id', '>', filter.afterCustomerId);
  const countQuery = db
    .selectFrom('grading_results')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('run_id', '=', runId)
    .where('customer_id', 'in', visibleCustomerIds(db, actor));
  const total = await (
    filter.grade === undefined ? countQuery : countQuery.where('grade', '=', filter.grade)
  ).executeTakeFirstOrThrow();
  return { rows: await query.execute(), total: Number(total.count) };
}

/** From-grade × to-grade counts between two runs of a model, among visible customers (-1: not in that run). */
export async function scopedMigration(db: Db, actor: Actor, fromRunId: number, toRunId: number) {
  const { rows } = await sql<{ from_grade: number; to_grade: number; count: number }>`
    SELECT coalesce(a.grade, -1)::int AS from_grade, coalesce(b.grade, -1)::int AS to_grade, count(*)::int AS count
    FROM (SELECT customer_id, grade FROM grading_results WHERE run_id = ${fromRunId}) a
    FULL JOIN (SELECT customer_id, grade FROM grading_results WHERE run_id = ${toRunId}) b USING (customer_id)
    WHERE customer_id IN (${visibleCustomerIds(db, actor)})
    GROUP BY 1, 2`.execute(db);
  return rows;
}
