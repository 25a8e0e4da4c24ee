import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange, refuseCustomerChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { contactBelongsTo } from '../contacts/contact.repository.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { findUser } from '../users/user.repository.js';
import { toActivityColumns, toActivityView } from './activity.mapper.js';
import {
  countActivities,
  deleteActivity,
  findActivityForUpdate,
  findActivityView,
  insertActivity,
  listActivityViews,
  updateActivity,
} from './activity.repository.js';
import type {
  ActivityCreateInput,
  ActivityListFilter,
  ActivityUpdateInput,
  ActivityView,
} from './activity.schema.js';

export async function getActivity(db: Db, actor: Actor, id: number): Promise<ActivityView> {
  const row = await findActivityView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toActivityView(row);
}

export async function listActivities(
  db: Db,
  actor: Actor,
  filter: ActivityListFilter,
): Promise<Page<ActivityView>> {
  const [rows, total] = await Promise.all([
    listActivityViews(db, actor, filter, decodeCursor(filter.cursor)),
    countActivities(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => row.sort_key);
  return { ...page, items: page.items.map(toActivityView) };
}

export async function listCustomerActivities(
  db: Db,
  actor: Actor,
  customerId: number,
  filter: Omit<ActivityListFilter, 'customerId'>,
) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  return listActivities(db, actor, { ...filter, customerId });
}

/** Reps log their own work; managers may log for someone in their team, admins for any active user. */
async function checkPerformer(db: Db, actor: Actor, userId: number): Promise<void> {
  if (userId === actor.id) return;
  if (actor.role === 'rep') throw AppError.invalid('userId', 'not_in_team');
  const user = await findUser(db, actor, userId);
  if (!user || !user.active) throw AppError.invalid('userId', 'unknown_reference');
}

async function checkContact(db: Db, contactId: number | null | undefined, customerId: number): Promise<void> {
  if (contactId === null || contactId === undefined) return;
  if (!(await contactBelongsTo(db, contactId, customerId)))
    throw AppError.invalid('contactId', 'unknown_reference');
}

export async function createActivity(
  db: Db,
  actor: Actor,
  input: ActivityCreateInput,
): Promise<ActivityView> {
  await requireVisibleCustomer(db, actor, input.customerId);
  await checkContact(db, input.contactId, input.customerId);
  const userId = input.userId ?? actor.id;
  await checkPerformer(db, actor, userId);
  const created = await insertActivity(db, {
    customer_id: input.customerId,
    contact_id: input.contactId ?? null,
    user_id: userId,
    kind: input.kind,
    at: input.at,
    subject: input.subject,
    note: input.note ?? null,
    next_action_at: input.nextActionAt ?? null,
  });
  await recordChange(db, actor, 'activity', { action: 'create', after: created });
  return getActivity(db, actor, created.id);
}

export async function updateActivityById(
  db: Db,
  actor: Actor,
  id: number,
  input: ActivityUpdateInput,
): Promise<ActivityView> {
  const before = await findActivityForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  refuseCustomerChange(input.customerId, before.customer_id);
  await checkContact(db, input.contactId, before.customer_id);
  if (input.userId !== undefined) await checkPerformer(db, actor, input.userId);
  const after = await updateActivity(db, id, toActivityColumns(input));
  await recordChange(db, actor, 'activity', { action: 'update', before, after });
  return getActivity(db, actor, id);
}

export async function deleteActivityById(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await findActivityForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  await deleteActivity(db, id);
  await recordChange(db, actor, 'activity', { action: 'delete', before });
}
