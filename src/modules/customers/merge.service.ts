import type { Selectable, Updateable } from 'kysely';
import type { CustomerTable } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { recordAudits, type Db } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { regradeCustomers } from '../grading/instant.service.js';
import { customerColumnOf } from './customer.mapper.js';
import { findCustomersForUpdate, updateCustomer } from './customer.repository.js';
import { getCustomer } from './customer.service.js';
import { findDuplicateGroups, findDuplicateMembers, findMergeSurvivor } from './duplicates.repository.js';
import { moveCustomerRecords, retireDuplicates } from './merge.repository.js';
import {
  mergeableFields,
  type CustomerMergeInput,
  type CustomerMergeResultView,
  type DuplicateGroupPageView,
  type DuplicateQueryInput,
  type MergeableField,
} from './merge.schema.js';

type CustomerRecord = Selectable<CustomerTable>;

/** Columns that travel with a chosen field: the owner's team, the stage's lock. */
const companions: Partial<Record<MergeableField, readonly (keyof CustomerTable)[]>> = {
  ownerId: ['team_id'],
  lifecycleStage: ['lifecycle_locked'],
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The survivor's new profile: each field from the customer named in `take`, else the survivor's own value, else
 * the first duplicate's that has one. Tags are united, custom fields joined with the survivor's winning.
 */
function mergedProfile(
  survivor: CustomerRecord,
  duplicates: readonly CustomerRecord[],
  take: CustomerMergeInput['take'] = {},
): Updateable<CustomerTable> {
  const byId = new Map([survivor, ...duplicates].map((row) => [row.id, row]));
  const changes: Record<string, unknown> = {};
  for (const field of mergeableFields) {
    const column = customerColumnOf[field];
    const chosen = take[field];
    const source =
      chosen !== undefined
        ? byId.get(chosen)!
        : isEmpty(survivor[column])
          ? (duplicates.find((row) => !isEmpty(row[column])) ?? survivor)
          : survivor;
    if (source === survivor) continue;
    for (const name of [column, ...(companions[field] ?? [])]) changes[name] = source[name];
  }
  // A duplicate referred by the survivor must not make the survivor its own referrer.
  if (changes.referred_by_id === survivor.id) changes.referred_by_id = null;
  const tags = [...new Set([survivor, ...duplicates].flatMap((row) => row.tags))];
  if (tags.length !== survivor.tags.length) changes.tags = tags;
  const custom = Object.assign({}, ...[...duplicates].reverse().map((row) => row.custom), survivor.custom);
  if (Object.keys(custom).length !== Object.keys(survivor.custom).length)
    changes.custom = JSON.stringify(custom);
  return changes as Updateable<CustomerTable>;
}

/**
 * Merges duplicates into one customer, all or nothing (the caller's transaction): the profile as chosen, every
 * order, payment, follow-up, contact, opportunity, relationship and care message moved to the survivor, its state
 * rebuilt by the tables' triggers and its grades re-evaluated, the duplicates removed with their codes kept as
 * aliases of the survivor. Managers and admins only, and only customers in their scope.
 */
export async function mergeCustomers(
  db: Db,
  actor: Actor,
  survivorId: number,
  input: CustomerMergeInput,
  now: Date,
): Promise<CustomerMergeResultView> {
  if (actor.role === 'rep') throw AppError.forbidden();
  const duplicateIds = [...new Set(input.duplicateIds)];
  if (duplicateIds.includes(survivorId)) throw AppError.invalid('duplicateIds', 'self_reference');
  const rows = await findCustomersForUpdate(db, actor, [survivorId, ...duplicateIds]);
  const survivor = rows.find((row) => row.id === survivorId);
  if (!survivor) throw AppError.notFound();
  if (rows.length !== duplicateIds.length + 1) throw AppError.invalid('duplicateIds', 'unknown_customer');
  for (const [field, id] of Object.entries(input.take ?? {})) {
    if (!rows.some((row) => row.id === id)) throw AppError.invalid(`take.${field}`, 'not_in_merge');
  }
  const duplicates = duplicateIds.map((id) => rows.find((row) => row.id === id)!);
  const changes = mergedProfile(survivor, duplicates, input.take);
  if (Object.keys(changes).length) await updateCustomer(db, survivorId, changes);
  const moved = await moveCustomerRecords(db, survivorId, duplicateIds);
  await retireDuplicates(db, authorId(actor), survivorId, duplicateIds);
  await regradeCustomers(db, [survivorId], 'merge', now);
  const [after] = await findCustomersForUpdate(db, actor, [survivorId]);
  const merged = duplicates.map(({ id, code, name }) => ({ id, code, name }));
  await recordAudits(db, [
    {
      actorId: authorId(actor),
      entity: 'customer',
      entityId: survivorId,
      action: 'merge',
      before: survivor,
      after: { ...after, merged, moved },
    },
    ...duplicates.map((before) => ({
      actorId: authorId(actor),
      entity: 'customer',
      entityId: before.id,
      action: 'merged_into',
      before,
      after: { mergedIntoId: survivorId, mergedIntoCode: survivor.code },
    })),
  ]);
  return { customer: await getCustomer(db, actor, survivorId), merged, moved };
}

export async function listDuplicateGroups(
  db: Db,
  actor: Actor,
  query: DuplicateQueryInput,
): Promise<DuplicateGroupPageView> {
  const { groups, total } = await findDuplicateGroups(db, actor, query);
  const members = await findDuplicateMembers(db, [...new Set(groups.flatMap((group) => group.ids))]);
  return {
    items: groups.map((group) => ({
      reasons: group.reasons,
      customers: group.ids.map((id) => members.get(id)!),
    })),
    total,
  };
}

/**
 * Where an old link to a customer leads if it was merged: its survivor, when the user may see it. Asked by a page
 * that found no customer, so "none" is an answer, not an error.
 */
export async function mergeSurvivor(db: Db, actor: Actor, mergedId: number) {
  return { survivor: (await findMergeSurvivor(db, actor, mergedId)) ?? null };
}
