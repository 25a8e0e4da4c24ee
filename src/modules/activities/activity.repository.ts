import { sql, type Insertable, type Updateable } from 'kysely';
import type { ActivityTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import type { Cursor } from '../shared/pagination.js';
import { findOwnedForUpdate, visibleCustomerIds } from '../shared/scope.js';
import type { ActivityListFilter } from './activity.schema.js';

function activityViews(db: Db, actor: Actor) {
  return db
    .selectFrom('activities')
    .innerJoin('customers', 'customers.id', 'activities.customer_id')
    .leftJoin('contacts', 'contacts.id', 'activities.contact_id')
    .leftJoin('users', 'users.id', 'activities.user_id')
    .where('activities.customer_id', 'in', visibleCustomerIds(db, actor))
    .selectAll('activities')
    .select(['customers.name as customer_name', 'contacts.name as contact_name', 'users.name as user_name']);
}

export type ActivityViewRow = Awaited<
  ReturnType<ReturnType<typeof activityViews>['executeTakeFirstOrThrow']>
>;

/** Date filters are business days in Beijing time, the same day the per-customer state counts an activity in. */
function applyFilter(query: ReturnType<typeof activityViews>, filter: ActivityListFilter) {
  let q = query;
  if (filter.customerId !== undefined) q = q.where('activities.customer_id', '=', filter.customerId);
  if (filter.userId !== undefined) q = q.where('activities.user_id', '=', filter.userId);
  if (filter.kind?.length) q = q.where('activities.kind', 'in', filter.kind);
  if (filter.from) q = q.where(sql<boolean>`stratum_business_date(activities.at) >= ${filter.from}::date`);
  if (filter.to) q = q.where(sql<boolean>`stratum_business_date(activities.at) <= ${filter.to}::date`);
  return q;
}

const latestFirst = {
  key: sql`activities.at`,
  type: sql`timestamptz`,
  id: sql`activities.id`,
  direction: 'desc',
} as const;

export function listActivityViews(db: Db, actor: Actor, filter: ActivityListFilter, cursor?: Cursor) {
  return keysetPage(
    applyFilter(activityViews(db, actor), filter),
    latestFirst,
    cursor,
    filter.limit,
  ).execute();
}

export function countActivities(db: Db, actor: Actor, filter: ActivityListFilter): Promise<number> {
  return countRows(applyFilter(activityViews(db, actor), filter));
}

export function findActivityView(db: Db, actor: Actor, id: number) {
  return activityViews(db, actor).where('activities.id', '=', id).executeTakeFirst();
}

export function findActivityForUpdate(db: Db, actor: Actor, id: number) {
  return findOwnedForUpdate(db, actor, 'activities', id);
}

export function insertActivity(db: Db, values: Insertable<ActivityTable>) {
  return db.insertInto('activities').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateActivity(db: Db, id: number, values: Updateable<ActivityTable>) {
  return db
    .updateTable('activities')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteActivity(db: Db, id: number): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}
