import { sql, type Insertable, type Updateable } from 'kysely';
import type { ContactTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { containsPattern, type Cursor } from '../shared/pagination.js';
import { findOwnedForUpdate, isVisibleCustomer } from '../shared/scope.js';
import type { ContactListFilter } from './contact.schema.js';

/** Contacts of the customers the user can see, each with its customer's name. */
function contactViews(db: Db, actor: Actor) {
  return db
    .selectFrom('contacts')
    .innerJoin('customers', 'customers.id', 'contacts.customer_id')
    .where(isVisibleCustomer(actor))
    .selectAll('contacts')
    .select('customers.name as customer_name');
}

export type ContactViewRow = Awaited<ReturnType<ReturnType<typeof contactViews>['executeTakeFirstOrThrow']>>;

function applyFilter(query: ReturnType<typeof contactViews>, filter: ContactListFilter) {
  let q = query;
  if (filter.customerId !== undefined) q = q.where('contacts.customer_id', '=', filter.customerId);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb('contacts.name', 'ilike', pattern),
        eb('contacts.phone', 'ilike', pattern),
        eb('contacts.email', 'ilike', pattern),
      ]),
    );
  }
  return q;
}

const byName = {
  key: sql`contacts.name`,
  type: sql`text`,
  id: sql`contacts.id`,
  direction: 'asc',
} as const;

export function listContactViews(db: Db, actor: Actor, filter: ContactListFilter, cursor?: Cursor) {
  return keysetPage(applyFilter(contactViews(db, actor), filter), byName, cursor, filter.limit).execute();
}

export function countContacts(db: Db, actor: Actor, filter: ContactListFilter): Promise<number> {
  return countRows(applyFilter(contactViews(db, actor), filter));
}

export function listCustomerContactViews(db: Db, actor: Actor, customerId: number) {
  return contactViews(db, actor)
    .where('contacts.customer_id', '=', customerId)
    .orderBy('contacts.is_key', 'desc')
    .orderBy('contacts.name')
    .orderBy('contacts.id')
    .execute();
}

export function findContactView(db: Db, actor: Actor, id: number) {
  return contactViews(db, actor).where('contacts.id', '=', id).executeTakeFirst();
}

export function findContactForUpdate(db: Db, actor: Actor, id: number) {
  return findOwnedForUpdate(db, actor, 'contacts', id);
}

/** Whether the contact exists and belongs to the customer (activities name a contact of their own customer). */
export async function contactBelongsTo(db: Db, contactId: number, customerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('id', '=', contactId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertContact(db: Db, values: Insertable<ContactTable>) {
  return db.insertInto('contacts').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateContact(db: Db, id: number, values: Updateable<ContactTable>) {
  return db
    .updateTable('contacts')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteContact(db: Db, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
