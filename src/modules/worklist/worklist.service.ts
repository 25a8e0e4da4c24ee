import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { requireVisibleCustomer } from '../audit/owned-records.js';
import { authorId, type Actor } from '../auth/actor.js';
import { holidaysBetween } from '../holidays/holidays.js';
import { addDays, businessDay, daysBetween } from './business-day.js';
import { readSettings } from './settings.repository.js';
import {
  itemKinds,
  listableUsers,
  listItems,
  findUser,
  upsertSnooze,
  type ItemRow,
} from './worklist.repository.js';
import type { SnoozeInput, WorklistItemView, WorklistQueryInput, WorklistView } from './worklist.schema.js';

const toItemView = (row: ItemRow, today: string): WorklistItemView => ({
  key: `${row.customer_id}:${row.kind}:${row.ref}`,
  kind: row.kind,
  ref: row.ref,
  customer: { id: row.customer_id, code: row.customer_code, name: row.customer_name },
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  gradeCode: row.grade_code,
  due: row.due,
  since: row.since,
  overdueDays: Math.max(0, daysBetween(row.due, today)),
  escalated: row.escalated,
  lastContact: row.last_contact,
  detail: row.detail,
});

/** The user whose list is asked for, if the actor may open it; anyone else is reported as not found. */
async function requireListOwner(db: Db, actor: Actor, userId: number) {
  const user = await findUser(db, userId);
  if (!user) throw AppError.notFound();
  const allowed =
    user.id === actor.id ||
    actor.role === 'admin' ||
    (actor.role === 'manager' && actor.teamId !== null && user.team_id === actor.teamId);
  if (!allowed) throw AppError.notFound();
  return user;
}

/**
 * A user's worklist for today or the next seven days, as of the business day of `now`. A manager's own list also
 * carries their team's items that are overdue by more than the escalation delay, marked escalated.
 */
export async function getWorklist(
  db: Db,
  actor: Actor,
  query: WorklistQueryInput,
  now: Date,
): Promise<WorklistView> {
  const user = await requireListOwner(db, actor, query.userId ?? actor.id);
  const settings = await readSettings(db);
  const today = businessDay(now);
  const end = query.view === 'week' ? addDays(today, 6) : today;
  const list = await listItems(db, actor, {
    userId: user.id,
    escalationTeamId: user.role === 'manager' ? user.team_id : null,
    today,
    end,
    holidays: holidaysBetween(today, addDays(end, settings.holiday_lead_days)),
    kinds: query.kind,
    limit: query.limit + 1,
  });
  const counts = Object.fromEntries(itemKinds.map((kind) => [kind, list.counts[kind] ?? 0]));
  return {
    user: { id: user.id, name: user.name, role: user.role },
    view: query.view,
    today,
    end,
    items: list.items.slice(0, query.limit).map((row) => toItemView(row, today)),
    counts,
    escalated: list.escalated,
    truncated: list.items.length > query.limit,
  };
}

/** Hides one item until a later day; an item of a customer out of scope is refused like a missing one. */
export async function snoozeItem(db: Db, actor: Actor, input: SnoozeInput, now: Date) {
  await requireVisibleCustomer(db, actor, input.customerId);
  if (input.until <= businessDay(now)) throw AppError.invalid('until', 'not_after_today');
  const row = await upsertSnooze(db, { ...input, by: actor.id });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'worklist_snooze',
    entityId: `${row.customer_id}:${row.kind}:${row.ref}`,
    action: 'snooze',
    after: row,
  });
  return { customerId: row.customer_id, kind: row.kind, ref: row.ref, until: row.until };
}

export async function worklistUsers(db: Db, actor: Actor) {
  return (await listableUsers(db, actor)).map((user) => ({
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    teamId: user.team_id,
  }));
}
