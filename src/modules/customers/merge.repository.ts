import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';

export interface MovedRecords {
  readonly orders: number;
  readonly payments: number;
  readonly activities: number;
  readonly contacts: number;
  readonly opportunities: number;
  readonly relationships: number;
  readonly referrals: number;
  readonly messages: number;
  readonly poolMoves: number;
}

const ids = (list: readonly number[]) => sql`${sql.val([...list])}::integer[]`;

/**
 * Records that are simply the customer's: their customer becomes the survivor. Updating `orders`, `payments` and
 * `activities` fires their state triggers, which rebuild the month rows and roll-up of both customers.
 */
const plainMoves = [
  ['orders', 'orders', true],
  ['payments', 'payments', true],
  ['activities', 'activities', true],
  ['contacts', 'contacts', true],
  ['opportunities', 'opportunities', true],
  ['messages', 'messages', false],
  ['poolMoves', 'pool_moves', false],
] as const;

async function moveRows(
  db: Db,
  table: string,
  stamped: boolean,
  survivorId: number,
  duplicateIds: readonly number[],
): Promise<number> {
  const result = await sql`
    UPDATE ${sql.table(table)} SET customer_id = ${survivorId}${stamped ? sql`, updated_at = now()` : sql``}
    WHERE customer_id = ANY(${ids(duplicateIds)})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Relationships are re-pointed at both ends; one that would link the survivor to itself (the duplicates were
 * related to each other) is dropped, and one the survivor already has of the same kind is kept once.
 */
async function moveRelationships(
  db: Db,
  survivorId: number,
  duplicateIds: readonly number[],
): Promise<number> {
  const remap = (column: string) =>
    sql`CASE WHEN ${sql.ref(column)} = ANY(${ids(duplicateIds)}) THEN ${survivorId}::integer ELSE ${sql.ref(column)} END`;
  const inserted = await sql`
    INSERT INTO customer_relationships (customer_id, related_customer_id, kind, note, created_at)
    SELECT DISTINCT ON (1, 2, 3) * FROM (
      SELECT ${remap('customer_id')} AS customer_id, ${remap('related_customer_id')} AS related_customer_id,
             kind, note, created_at
        FROM customer_relationships
       WHERE customer_id = ANY(${ids(duplicateIds)}) OR related_customer_id = ANY(${ids(duplicateIds)})) r
    WHERE customer_id <> related_customer_id
    ORDER BY 1, 2, 3, created_at
    ON CONFLICT (customer_id, related_customer_id, kind) DO NOTHING`.execute(db);
  await sql`
    DELETE FROM customer_relationships
     WHERE customer_id = ANY(${ids(duplicateIds)}) OR related_customer_id = ANY(${ids(duplicateIds)})`.execute(
    db,
  );
  return Number(inserted.numAffectedRows ?? 0);
}

/** Customers referred by a duplicate were referred by the survivor; the survivor is never its own referrer. */
async function moveReferrals(db: Db, survivorId: number, duplicateIds: readonly number[]): Promise<number> {
  const result = await sql`
    UPDATE customers SET referred_by_id = CASE WHEN id = ${survivorId} THEN NULL ELSE ${survivorId}::integer END
     WHERE referred_by_id = ANY(${ids(duplicateIds)})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function moveCustomerRecords(
  db: Db,
  survivorId: number,
  duplicateIds: readonly number[],
): Promise<MovedRecords> {
  const moved: Record<string, number> = {};
  for (const [key, table, stamped] of plainMoves) {
    moved[key] = await moveRows(db, table, stamped, survivorId, duplicateIds);
  }
  await sql`
    UPDATE opportunity_stage_history SET customer_id = ${survivorId}
     WHERE customer_id = ANY(${ids(duplicateIds)})`.execute(db);
  moved.relationships = await moveRelationships(db, survivorId, duplicateIds);
  moved.referrals = await moveReferrals(db, survivorId, duplicateIds);
  return moved as unknown as MovedRecords;
}

/**
 * What belonged to the duplicate as a customer of its own ends with it: its current grades (the survivor is
 * re-graded), its live overrides (revoked, so the audit keeps who set them), its place in the public pool, its
 * worklist snoozes and its lifetime-value forecast. Its grade history, alerts and audit trail stay under its id.
 */
export async function retireDuplicates(
  db: Db,
  authorId: number | null,
  survivorId: number,
  duplicateIds: readonly number[],
): Promise<void> {
  const list = ids(duplicateIds);
  await sql`DELETE FROM customer_grades WHERE customer_id = ANY(${list})`.execute(db);
  await sql`
    UPDATE grade_overrides SET revoked_at = now(), revoked_by = ${authorId}
     WHERE customer_id = ANY(${list}) AND revoked_at IS NULL`.execute(db);
  for (const table of ['pool_entries', 'worklist_snoozes', 'customer_forecasts']) {
    await sql`DELETE FROM ${sql.table(table)} WHERE customer_id = ANY(${list})`.execute(db);
  }
  await sql`UPDATE customers SET merged_into_id = ${survivorId} WHERE merged_into_id = ANY(${list})`.execute(
    db,
  );
  await sql`
    UPDATE customers SET merged_into_id = ${survivorId}, deleted_at = now(), updated_at = now()
     WHERE id = ANY(${list})`.execute(db);
}
