import type { Db } from '../audit/audit.repository.js';
import { recordAudit, recordAudits } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { AppError } from '../../server/errors.js';
import { dictionaryCodeExists } from '../dictionaries/dictionary.repository.js';
import type { DictionaryKind } from '../dictionaries/dictionary.builtin.js';
import { findActiveUserTeam } from '../users/user.repository.js';
import { decodeCursor, toPage, type Cursor, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import {
  countCustomers,
  customerCodeTaken,
  findCustomerForUpdate,
  findCustomersForUpdate,
  findCustomerView,
  insertCustomer,
  listCustomerRows,
  listCustomerViews,
  softDeleteCustomer,
  updateCustomer,
  updateCustomers,
} from './customer.repository.js';
import { toCustomerColumns, toCustomerRow, toCustomerView } from './customer.mapper.js';
import type {
  CustomerBulkAssignInput,
  CustomerCreateInput,
  CustomerFilter,
  CustomerListFilter,
  CustomerUpdateInput,
  CustomerView,
} from './customer.schema.js';

const dictionaryFields: ReadonlyArray<readonly [keyof CustomerUpdateInput, DictionaryKind]> = [
  ['type', 'customer_type'],
  ['nature', 'enterprise_nature'],
  ['industry', 'industry'],
  ['source', 'source'],
];

async function checkDictionaryCodes(db: Db, input: CustomerUpdateInput): Promise<void> {
  for (const [field, kind] of dictionaryFields) {
    const value = input[field];
    if (typeof value === 'string' && !(await dictionaryCodeExists(db, kind, value))) {
      throw AppError.invalid(field, 'unknown_code');
    }
  }
}

/**
 * Who may own the customer, and which team it then belongs to: a rep only ever assigns to themselves, a manager
 * within their team, an admin anyone active. The team follows the owner so that the manager's scope follows too.
 */
async function resolveOwnership(
  db: Db,
  actor: Actor,
  requested: { ownerId: number | null | undefined; teamId: number | null | undefined },
  current: { ownerId: number | null; teamId: number | null },
): Promise<{ owner_id: number | null; team_id: number | null }> {
  const ownerId = requested.ownerId === undefined ? current.ownerId : requested.ownerId;
  if (actor.role === 'rep') {
    if (ownerId !== actor.id) throw AppError.invalid('ownerId', 'not_in_team');
    return { owner_id: actor.id, team_id: actor.teamId };
  }
  if (ownerId === null) {
    const teamId = actor.role === 'manager' ? actor.teamId : (requested.teamId ?? current.teamId);
    return { owner_id: null, team_id: teamId };
  }
  const owner = await findActiveUserTeam(db, ownerId);
  if (!owner) throw AppError.invalid('ownerId', 'unknown_reference');
  if (actor.role === 'manager' && owner.team_id !== actor.teamId && owner.id !== actor.id) {
    throw AppError.invalid('ownerId', 'not_in_team');
  }
  return { owner_id: owner.id, team_id: owner.team_id ?? requested.teamId ?? current.teamId };
}

async function checkReferrer(db: Db, actor: Actor, referredById: number | null | undefined, selfId?: number) {
  if (referredById === undefined || referredById === null) return;
  if (referredById === selfId) throw AppError.invalid('referredById', 'self_reference');
  if (!(await isCustomerVisible(db, actor, referredById)))
    throw AppError.invalid('referredById', 'unknown_customer');
}

export async function getCustomer(db: Db, actor: Actor, id: number): Promise<CustomerView> {
  const row = await findCustomerView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toCustomerView(row);
}

type PageWithoutTotal<T> = Omit<Page<T>, 'total'> & { total: number | null };

/** One page of rows and, unless `withTotal` is 'false', the count of every match (a scan of all of them). */
async function listPage<R extends { id: number; sort_key: string | null }, T>(
  db: Db,
  actor: Actor,
  filter: CustomerListFilter,
  read: (db: Db, actor: Actor, filter: CustomerListFilter, cursor?: Cursor) => Promise<R[]>,
  map: (row: R) => T,
): Promise<PageWithoutTotal<T>> {
  const cursor = decodeCursor(filter.cursor);
  const [rows, total] = await Promise.all([
    read(db, actor, filter, cursor),
    filter.withTotal === 'true' ? countCustomers(db, actor, filter) : null,
  ]);
  const page = toPage(rows, filter.limit, total ?? 0, (row) => row.sort_key);
  return { ...page, total, items: page.items.map(map) };
}

export function listCustomers(db: Db, actor: Actor, filter: CustomerListFilter) {
  return listPage(db, actor, filter, listCustomerViews, toCustomerView);
}

/** The list page's rows: what its table shows of each customer, a quarter of the record's bytes. */
export function listCustomerTableRows(db: Db, actor: Actor, filter: CustomerListFilter) {
  return listPage(db, actor, filter, listCustomerRows, toCustomerRow);
}

export async function countCustomersMatching(db: Db, actor: Actor, filter: CustomerFilter) {
  return { total: await countCustomers(db, actor, filter) };
}

export async function createCustomer(
  db: Db,
  actor: Actor,
  input: CustomerCreateInput,
): Promise<CustomerView> {
  await checkDictionaryCodes(db, input);
  if (input.code && (await customerCodeTaken(db, input.code))) throw AppError.duplicate('code');
  await checkReferrer(db, actor, input.referredById);
  const ownership = await resolveOwnership(
    db,
    actor,
    {
      ownerId: input.ownerId === undefined && actor.role === 'rep' ? actor.id : input.ownerId,
      teamId: input.teamId,
    },
    { ownerId: actor.role === 'admin' ? null : actor.id, teamId: actor.teamId },
  );
  const created = await insertCustomer(db, {
    ...(toCustomerColumns(input) as Parameters<typeof insertCustomer>[1]),
    ...ownership,
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'customer',
    entityId: created.id,
    action: 'create',
    after: created,
  });
  return getCustomer(db, actor, created.id);
}

/**
 * An edit, with the customers whose grades it may move: the customer, and a referrer it stops naming, whose referral
 * metrics lose it (the referrer it names now is found by the re-grade itself).
 */
export async function updateCustomerById(
  db: Db,
  actor: Actor,
  id: number,
  input: CustomerUpdateInput,
): Promise<{ view: CustomerView; affected: number[] }> {
  const before = await findCustomerForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  await checkDictionaryCodes(db, input);
  if (input.code && (await customerCodeTaken(db, input.code, id))) throw AppError.duplicate('code');
  await checkReferrer(db, actor, input.referredById, id);
  const ownershipChanges = input.ownerId !== undefined || input.teamId !== undefined;
  const ownership = ownershipChanges
    ? await resolveOwnership(
        db,
        actor,
        { ownerId: input.ownerId, teamId: input.teamId },
        { ownerId: before.owner_id, teamId: before.team_id },
      )
    : {};
  const after = await updateCustomer(db, id, { ...toCustomerColumns(input), ...ownership });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'customer',
    entityId: id,
    action: 'update',
    before,
    after,
  });
  const formerReferrer = before.referred_by_id;
  const referrerLeft = formerReferrer !== null && formerReferrer !== after.referred_by_id;
  return { view: await getCustomer(db, actor, id), affected: referrerLeft ? [id, formerReferrer] : [id] };
}

/**
 * Hands many customers to one owner at once, all or nothing: the caller runs it in a transaction, and one
 * customer out of scope refuses the whole request rather than silently assigning the rest.
 */
export async function bulkAssignCustomers(
  db: Db,
  actor: Actor,
  input: CustomerBulkAssignInput,
): Promise<{ updated: number }> {
  if (actor.role === 'rep') throw AppError.forbidden();
  const ids = [...new Set(input.ids)];
  const ownership = await resolveOwnership(
    db,
    actor,
    { ownerId: input.ownerId, teamId: undefined },
    { ownerId: null, teamId: null },
  );
  const befores = await findCustomersForUpdate(db, actor, ids);
  if (befores.length !== ids.length) throw AppError.invalid('ids', 'unknown_customer');
  const afters = new Map((await updateCustomers(db, ids, ownership)).map((row) => [row.id, row]));
  await recordAudits(
    db,
    befores.map((before) => ({
      actorId: authorId(actor),
      entity: 'customer',
      entityId: before.id,
      action: 'update',
      before,
      after: afters.get(before.id),
    })),
  );
  return { updated: ids.length };
}

/** Soft delete: orders and history keep their customer; the customer disappears from every list. */
export async function deleteCustomer(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await findCustomerForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  if (actor.role === 'rep') throw AppError.forbidden();
  const after = await softDeleteCustomer(db, id);
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'customer',
    entityId: id,
    action: 'delete',
    before,
    after,
  });
}
