import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { AGING_BUCKETS } from './aging.js';
import type { AgingFilter } from './aging.schema.js';
import { dayOf, dueInAgingBucket, matchingPayments, scopedPayments } from './payment.repository.js';

/**
 * The outstanding payments of the filter's customers (outstanding once, in the filter) summed per aging bucket: one row per account manager and one
 * for all of them (the row whose `is_total` is 1). Sums stay exact decimals, as text.
 */
export function agingRows(db: Db, actor: Actor, filter: AgingFilter) {
  const day = dayOf(filter.asOf);
  const inBucket = AGING_BUCKETS.map((bucket) => dueInAgingBucket(day, bucket.code));
  const overdue = sql<boolean>`payments.due_date < ${day}`;
  const counts = inBucket.map((condition) => sql`count(*) FILTER (WHERE ${condition})::int`);
  const amounts = inBucket.map(
    (condition) => sql`coalesce(sum(payments.amount) FILTER (WHERE ${condition}), 0.00)::text`,
  );
  const overdueAmount = sql`coalesce(sum(payments.amount) FILTER (WHERE ${overdue}), 0.00)`;
  return matchingPayments(scopedPayments(db, actor), { ...filter, status: 'outstanding' })
    .select([
      sql<number>`grouping(customers.owner_id)`.as('is_total'),
      'customers.owner_id',
      'owner.name as owner_name',
      sql<string>`${day}::text`.as('as_of'),
      sql<number[]>`array[${sql.join(counts)}]`.as('bucket_counts'),
      sql<string[]>`array[${sql.join(amounts)}]`.as('bucket_amounts'),
      sql<number>`count(*)::int`.as('outstanding_count'),
      sql<string>`coalesce(sum(payments.amount), 0.00)::text`.as('outstanding_amount'),
      sql<number>`count(*) FILTER (WHERE ${overdue})::int`.as('overdue_count'),
      sql<string>`${overdueAmount}::text`.as('overdue_amount'),
    ])
    .groupBy(sql`GROUPING SETS ((customers.owner_id, owner.name), ())`)
    .orderBy(overdueAmount, 'desc')
    .orderBy('owner.name')
    .execute();
}

export type AgingRow = Awaited<ReturnType<typeof agingRows>>[number];
