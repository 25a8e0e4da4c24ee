import type { Updateable } from 'kysely';
import type { ActivityTable } from '../../db/database.js';
import { columnsFrom, isoOrNull, isoTimestamp } from '../audit/owned-records.js';
import type { ActivityViewRow } from './activity.repository.js';
import type { ActivityUpdateInput, ActivityView } from './activity.schema.js';

const columnOf = {
  customerId: 'customer_id',
  contactId: 'contact_id',
  userId: 'user_id',
  kind: 'kind',
  at: 'at',
  subject: 'subject',
  note: 'note',
  nextActionAt: 'next_action_at',
} as const satisfies Record<keyof ActivityUpdateInput, keyof ActivityTable>;

export const toActivityColumns = (input: ActivityUpdateInput) =>
  columnsFrom(input, columnOf) as Updateable<ActivityTable>;

export function toActivityView(row: ActivityViewRow): ActivityView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    userId: row.user_id,
    userName: row.user_name,
    kind: row.kind,
    at: isoTimestamp(row.at),
    subject: row.subject,
    note: row.note,
    nextActionAt: isoOrNull(row.next_action_at),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}
