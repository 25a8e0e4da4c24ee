import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { activityKinds } from './activity.schema.js';
import type { ActivitySummaryFilter } from './activity-summary.schema.js';
import { matchingActivities, scopedActivities } from './activity.repository.js';

/** The filter's follow-ups counted per person who did them (by kind, and customers reached) and for everyone. */
export function activityTallies(db: Db, actor: Actor, filter: ActivitySummaryFilter) {
  const byKind = activityKinds.map((kind) => sql`count(*) FILTER (WHERE activities.kind = ${kind})::int`);
  return matchingActivities(scopedActivities(db, actor), filter)
    .select([
      sql<number>`grouping(activities.user_id)`.as('is_total'),
      'activities.user_id',
      'users.name as user_name',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`count(DISTINCT activities.customer_id)::int`.as('customers'),
      sql<number[]>`array[${sql.join(byKind)}]`.as('by_kind'),
    ])
    .groupBy(sql`GROUPING SETS ((activities.user_id, users.name), ())`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('users.name')
    .execute();
}

export type ActivityTallyRow = Awaited<ReturnType<typeof activityTallies>>[number];
