import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { isoTimestamp, recordChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { getCustomer, updateCustomerById } from '../customers/customer.service.js';
import { isCustomerVisible } from '../shared/scope.js';
import {
  deleteRelationship,
  findRelationshipForUpdate,
  insertRelationship,
  listRelationshipsOf,
  relationshipExists,
  type RelationshipViewRow,
} from './relationship.repository.js';
import type { RelationshipCreateInput, RelationshipView } from './relationship.schema.js';

const toView = (customerId: number, row: RelationshipViewRow): RelationshipView => ({
  id: row.id,
  customerId,
  relatedCustomerId: row.other_id,
  relatedCustomerName: row.other_name,
  kind: row.kind,
  direction: row.direction,
  note: row.note,
  createdAt: isoTimestamp(row.created_at),
});

export async function listCustomerRelationships(db: Db, actor: Actor, customerId: number) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  const rows = await listRelationshipsOf(db, actor, customerId);
  return { items: rows.map((row) => toView(customerId, row)) };
}

export async function createRelationship(
  db: Db,
  actor: Actor,
  input: RelationshipCreateInput,
): Promise<RelationshipView> {
  await requireVisibleCustomer(db, actor, input.customerId);
  if (input.relatedCustomerId === input.customerId)
    throw AppError.invalid('relatedCustomerId', 'self_reference');
  await requireVisibleCustomer(db, actor, input.relatedCustomerId, 'relatedCustomerId');
  const values = {
    customer_id: input.customerId,
    related_customer_id: input.relatedCustomerId,
    kind: input.kind,
    note: input.note ?? null,
  };
  if (await relationshipExists(db, values)) throw AppError.duplicate('relatedCustomerId');
  const created = await insertRelationship(db, values);
  await recordChange(db, actor, 'relationship', { action: 'create', after: created });
  if (input.kind === 'referred')
    await attributeReferral(db, actor, input.relatedCustomerId, input.customerId);
  const rows = await listRelationshipsOf(db, actor, input.customerId);
  const view = rows.find((row) => row.id === created.id);
  if (!view) throw AppError.notFound();
  return toView(input.customerId, view);
}

/**
 * A "referred" link also becomes the referred customer's 推荐客户 when it has none yet: that field is the one
 * referral the customer is attributed to, which the referral analysis counts. One it already has is kept.
 */
async function attributeReferral(
  db: Db,
  actor: Actor,
  referredId: number,
  referrerId: number,
): Promise<void> {
  const referred = await getCustomer(db, actor, referredId);
  if (referred.referredById === null)
    await updateCustomerById(db, actor, referredId, { referredById: referrerId });
}

/** A link belongs to the customer that records it: whoever may change that customer may remove it. */
export async function deleteRelationshipById(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await findRelationshipForUpdate(db, actor, id);
  if (!before) throw AppError.notFound();
  await deleteRelationship(db, id);
  await recordChange(db, actor, 'relationship', { action: 'delete', before });
}
