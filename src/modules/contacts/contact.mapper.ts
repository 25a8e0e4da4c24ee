import type { Updateable } from 'kysely';
import type { ContactTable } from '../../db/database.js';
import { columnsFrom, isoTimestamp } from '../audit/owned-records.js';
import type { ContactViewRow } from './contact.repository.js';
import type { ContactUpdateInput, ContactView } from './contact.schema.js';

const columnOf = {
  customerId: 'customer_id',
  name: 'name',
  title: 'title',
  department: 'department',
  buyingRole: 'buying_role',
  phone: 'phone',
  email: 'email',
  wechat: 'wechat',
  birthday: 'birthday',
  gender: 'gender',
  hometown: 'hometown',
  school: 'school',
  interests: 'interests',
  isKey: 'is_key',
  note: 'note',
} as const satisfies Record<keyof ContactUpdateInput, keyof ContactTable>;

export const toContactColumns = (input: ContactUpdateInput) =>
  columnsFrom(input, columnOf) as Updateable<ContactTable>;

export function toContactView(row: ContactViewRow): ContactView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    name: row.name,
    title: row.title,
    department: row.department,
    buyingRole: row.buying_role,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    birthday: row.birthday,
    gender: row.gender,
    hometown: row.hometown,
    school: row.school,
    interests: row.interests,
    isKey: row.is_key,
    note: row.note,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}
