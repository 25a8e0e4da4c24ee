import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { ActivityTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import type { Cursor } from '../shared/pagination.js';
import { startOfBusinessDay } from '../shared/business-day-sql.js';
import { findOwnedForUpdate, isVisibleCustomer } from '../shared/scope.js';
import type { ActivityListFilter } from './activity.schema.js';

/** Activities on the user's customers with the customer and who did it, before any filter. */
export function scopedActivities(db: Db, actor: Actor) {
  return db
    .selectFrom('activities')
    .innerJoin('customers', 'customers.id', 'activities.customer_id')
    .leftJoin('users', 'users.id', 'activities.user_id')
    .where(isVisibleCustomer(actor));
}

function activityViews(db: Db, actor: Actor) {
  return scopedActivities(db, actor)
    .leftJoin('contacts', 'contacts.id', 'activities.contact_id')
    .selectAll('activities')
    .select(['customers.name as customer_name', 'contacts.name as contact_name', 'users.name as user_name']);
}

export type ActivityViewRow = Awaited<
  ReturnType<ReturnType<typeof activityViews>['executeTakeFirstOrThrow']>
>;

export type ActivityCondition = Omit<ActivityListFilter, 'limit' | 'cursor'>;

/**
 * One filter for the list, its export and the summary. Days are business days in Beijing time, the same day the
 * per-customer state counts an activity in, compared as the instants they begin so that an index on the time serves.
 */
export function matchingActivities<Q extends ReturnType<typeof scopedActivities>>(
  query: Q,
  filter: ActivityCondition,
): Q {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.customerId !== undefined) conditions.push(sql`activities.customer_id = ${filter.customerId}`);
  if (filter.userId !== undefined) conditions.push(sql`activities.user_id = ${filter.userId}`);
  if (filter.teamId !== undefined) conditions.push(sql`customers.team_id = ${filter.teamId}`);
  if (filter.kind?.length) conditions.push(sql`activities.kind IN (${sql.join(filter.kind)})`);
  if (filter.from) conditions.push(sql`activities.at >= ${startOfBusinessDay(filter.from)}`);
  if (filter.to) conditions.push(sql`activities.at < ${startOfBusinessDay(filter.to, 1)}`);
  return conditions.reduce((q, condition) => q.where(condition) as Q, query);
}

const latestFirst = {
  key: sql`activities.at`,
  type: sql`timestamptz`,
  id: sql`activities.id`,
  direction: 'desc',
} as const;

export function listActivityViews(db: Db, actor: Actor, filter: ActivityListFilter, cursor?: Cursor) {
  return keysetPage(
    matchingActivities(activityViews(db, actor), filter),
    latestFirst,
    cursor,
    filter.limit,
  ).execute();
}

export function countActivities(db: Db, actor: Actor, filter: ActivityListFilter): Promise<number> {
  return countRows(matchingActivities(activityViews(db, actor), filter));
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
