import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { splitGrandTotal } from '../shared/grouping-sets.js';
import { activityKinds } from './activity.schema.js';
import { activityTallies, type ActivityTallyRow } from './activity-summary.repository.js';
import type { ActivitySummaryFilter, ActivitySummaryView } from './activity-summary.schema.js';

const tallyOf = (row: ActivityTallyRow) => ({
  count: row.count,
  customers: row.customers,
  byKind: activityKinds.map((kind, at) => ({ kind, count: row.by_kind[at]! })),
});

/** How much following up was done in the user's scope, and by whom: the manager's review of the team's work. */
export async function activitySummary(
  db: Db,
  actor: Actor,
  filter: ActivitySummaryFilter,
): Promise<ActivitySummaryView> {
  const { total, groups: users } = splitGrandTotal(await activityTallies(db, actor, filter));
  return {
    total: tallyOf(total),
    users: users.map((row) => ({ userId: row.user_id, userName: row.user_name, ...tallyOf(row) })),
  };
}
