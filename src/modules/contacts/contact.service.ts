import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange, refuseCustomerChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { toContactColumns, toContactView } from './contact.mapper.js';
import {
  countContacts,
  deleteContact,
  findContactForUpdate,
  findContactView,
  insertContact,
  listContactViews,
  listCustomerContactViews,
  updateContact,
} from './contact.repository.js';
import type {
  ContactCreateInput,
  ContactListFilter,
  ContactUpdateInput,
  ContactView,
} from './contact.schema.js';

export async function getContact(db: Db, actor: Actor, id: number): Promise<ContactView> {
  const row = await findContactView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toContactView(row);
}

export async function listContacts(
  db: Db,
  actor: Actor,
  filter: ContactListFilter,
): Promise<Page<ContactView>> {
  const [rows, total] = await Promise.all([
    listContactViews(db, actor, filter, decodeCursor(filter.cursor)),
    countContacts(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => row.sort_key);
  return { ...page, items: page.items.map(toContactView) };
}

export async function listCustomerContacts(db: Db, actor: Actor, customerId: number) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  return { items: (await listCustomerContactViews(db, actor, customerId)).map(toContactView) };
}

export async function createContact(db: Db, actor: Actor, input: ContactCreateInput): Promise<ContactView> {
  await requireVisibleCustomer(db, actor, input.customerId);
  const created = await insertContact(db, {
    ...toContactColumns(input),
    customer_id: input.customerId,
    name: input.name,
  });
  await recordChange(db, actor, 'contact', { action: 'create', after: created });
  return getContact(db, actor, created.id);
}

export async function updateContactById(
  db: Db,
  actor: Actor,
  id: number,
  input: ContactUpdateInput,
): Promise<ContactView> {
  const before = await findContactForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  refuseCustomerChange(input.customerId, before.customer_id);
  const after = await updateContact(db, id, toContactColumns(input));
  await recordChange(db, actor, 'contact', { action: 'update', before, after });
  return getContact(db, actor, id);
}

export async function deleteContactById(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await findContactForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  await deleteContact(db, id);
  await recordChange(db, actor, 'contact', { action: 'delete', before });
}
