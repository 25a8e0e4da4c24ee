import { sql, type Insertable } from 'kysely';
import type { RelationshipTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';

/**
 * The links of one customer seen from its side: the ones it records (outgoing) and the ones other customers record
 * towards it (incoming). The other end is named only when the user may see it.
 */
export function listRelationshipsOf(db: Db, actor: Actor, customerId: number) {
  const visible = visibleCustomerIds(db, actor);
  return db
    .selectFrom('customer_relationships as r')
    .leftJoin('customers as other', (join) =>
      join.on(
        sql<boolean>`other.id = CASE WHEN r.customer_id = ${customerId} THEN r.related_customer_id ELSE r.customer_id END`,
      ),
    )
    .select([
      'r.id',
      'r.kind',
      'r.note',
      'r.created_at',
      sql<number>`CASE WHEN r.customer_id = ${customerId} THEN r.related_customer_id ELSE r.customer_id END`.as(
        'other_id',
      ),
      sql<
        'outgoing' | 'incoming'
      >`CASE WHEN r.customer_id = ${customerId} THEN 'outgoing' ELSE 'incoming' END`.as('direction'),
      (eb) =>
        eb
          .case()
          .when('other.id', 'in', visible)
          .then(eb.ref('other.name'))
          .else(sql<string | null>`NULL`)
          .end()
          .as('other_name'),
    ])
    .where((eb) =>
      eb.or([eb('r.customer_id', '=', customerId), eb('r.related_customer_id', '=', customerId)]),
    )
    .orderBy('r.id')
    .execute();
}

export type RelationshipViewRow = Awaited<ReturnType<typeof listRelationshipsOf>>[number];

export function findRelationshipForUpdate(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('customer_relationships')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .forUpdate()
    .executeTakeFirst();
}

export async function relationshipExists(db: Db, values: Insertable<RelationshipTable>): Promise<boolean> {
  const row = await db
    .selectFrom('customer_relationships')
    .select('id')
    .where('customer_id', '=', values.customer_id)
    .where('related_customer_id', '=', values.related_customer_id)
    .where('kind', '=', values.kind)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertRelationship(db: Db, values: Insertable<RelationshipTable>) {
  return db.insertInto('customer_relationships').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function deleteRelationship(db: Db, id: number): Promise<void> {
  await db.deleteFrom('customer_relationships').where('id', '=', id).execute();
}
