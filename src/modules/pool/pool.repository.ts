import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { tables } from '../worklist/settings.repository.js';

/** The last day customer `c` was claimed from the pool, as `cl.claimed_on` (NULL if never). */
export const lastClaimJoin = sql`LEFT JOIN LATERAL (
    SELECT max(m.on_date) AS claimed_on FROM pool_moves m WHERE m.customer_id = c.id AND m.action = 'claim'
  ) cl ON true`;

/**
 * When customer `c` (state `cs`, policy `p`, last claim `cl`) returns to the pool: its last follow-up (activity), or
 * the day it was created, last claimed or its policy was introduced when that is later, plus its grade's recall days;
 * NULL when the grade is never recalled. Counting from the policy's introduction gives every owner the full recall
 * days to follow up once a policy is adopted, instead of emptying the books into the pool on its first day (a
 * company with years of history would otherwise lose a third of its customers to the pool at once). The daily
 * recall, the warnings and the worklist all read this one definition.
 */
export const recallOn = sql<string | null>`greatest(
      cs.last_contact, stratum_business_date(c.created_at), cl.claimed_on,
      (SELECT stratum_business_date(sp.created_at) FROM service_policies sp WHERE sp.id = p.policy_id)
    ) + p.pool_recall_days`;

/** Every owned customer under a policy with recall days, with its recall day. */
export function recallSchedule(): RawBuilder<{
  customer_id: number;
  owner_id: number;
  team_id: number | null;
  model_id: number;
  recall_on: string;
}> {
  return sql`(
    SELECT c.id AS customer_id, c.owner_id, c.team_id, p.model_id, ${recallOn} AS recall_on
    FROM customers c
    JOIN customer_service_policy p ON p.customer_id = c.id AND p.pool_recall_days IS NOT NULL
    LEFT JOIN customer_state cs ON cs.customer_id = c.id
    ${lastClaimJoin}
    WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL)`;
}

export interface RecalledRow {
  customer_id: number;
  owner_id: number;
  recall_on: string;
}

/**
 * Every customer whose recall day has come (recall_on ≤ asOf) leaves its owner for the pool in one statement: the
 * owner cleared, the pool entry, the move and the audit row written together.
 */
export async function recallDue(db: Db, asOf: string): Promise<RecalledRow[]> {
  const { rows } = await sql<RecalledRow>`
    WITH due AS (
      SELECT r.customer_id, r.owner_id, r.recall_on FROM ${recallSchedule()} r WHERE r.recall_on <= ${asOf}::date
    ),
    recalled AS (
      UPDATE customers c SET owner_id = NULL
      FROM due WHERE c.id = due.customer_id AND c.owner_id = due.owner_id
      RETURNING c.id AS customer_id, due.owner_id, due.recall_on
    ),
    entries AS (
      INSERT INTO pool_entries (customer_id, reason, entered_on, from_owner_id)
      SELECT customer_id, 'recalled', ${asOf}::date, owner_id FROM recalled
      ON CONFLICT (customer_id) DO UPDATE SET reason = excluded.reason, note = NULL,
        entered_on = excluded.entered_on, from_owner_id = excluded.from_owner_id, entered_at = now()
    ),
    moves AS (
      INSERT INTO pool_moves (customer_id, action, owner_id, by_user_id, on_date)
      SELECT customer_id, 'recall', owner_id, NULL, ${asOf}::date FROM recalled
    ),
    audit AS (
      INSERT INTO audit_log (user_id, entity, entity_id, action, before, after)
      SELECT NULL, 'customer', customer_id::text, 'pool_recall',
             jsonb_build_object('owner_id', owner_id),
             jsonb_build_object('owner_id', NULL, 'pool', 'recalled', 'recall_on', recall_on)
      FROM recalled
    )
    SELECT customer_id, owner_id, recall_on::text AS recall_on FROM recalled ORDER BY customer_id`.execute(
    db,
  );
  return rows;
}

/**
 * Warns each owner once per customer and recall date, from `warningDays` before the recall: a pool_warnings row and
 * an inbox alert (kind pool_warning, change_id = the warning) in one statement. Returns the warnings written.
 */
export async function warnDue(db: Db, asOf: string, warningDays: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH due AS (
      SELECT r.* FROM ${recallSchedule()} r
      WHERE r.recall_on > ${asOf}::date AND r.recall_on - ${warningDays}::int <= ${asOf}::date
    ),
    warned AS (
      INSERT INTO pool_warnings (customer_id, owner_id, recall_on)
      SELECT customer_id, owner_id, recall_on FROM due
      ON CONFLICT (customer_id, owner_id, recall_on) DO NOTHING
      RETURNING id, customer_id, owner_id, recall_on
    ),
    inbox AS (
      INSERT INTO alerts (user_id, kind, model_id, customer_id, change_id, payload)
      SELECT w.owner_id, 'pool_warning', d.model_id, w.customer_id, w.id,
             jsonb_build_object(
               'changeId', w.id, 'at', now(), 'cause', 'pool_warning', 'runId', NULL, 'score', NULL,
               'recallOn', w.recall_on,
               'model', jsonb_build_object('id', m.id, 'key', m.key,
                                           'name', jsonb_build_object('zh-CN', m.name_zh, 'en-US', m.name_en)),
               'customer', jsonb_build_object('id', c.id, 'code', c.code, 'name', c.name),
               'from', NULL, 'to', NULL)
      FROM warned w
      JOIN due d ON d.customer_id = w.customer_id
      JOIN grading_models m ON m.id = d.model_id
      JOIN customers c ON c.id = w.customer_id
      JOIN users u ON u.id = w.owner_id AND u.active
      ON CONFLICT DO NOTHING
    )
    SELECT count(*)::int AS n FROM warned`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Pool customers a user may see and claim: an admin all; anyone else those of their own team and those that
 * belong to no team (the shared pool). Pool customers have no owner, so visibleCustomers (owner/team) does not
 * apply; this is the pool's own scope, and it never shows another team's pool.
 */
export function poolCustomers(db: Db, actor: Actor) {
  let query = tables(db)
    .selectFrom('pool_entries')
    .innerJoin('customers', 'customers.id', 'pool_entries.customer_id')
    .where('customers.deleted_at', 'is', null)
    .where('customers.owner_id', 'is', null);
  if (actor.role !== 'admin') {
    query = query.where((eb) =>
      eb.or([
        eb('customers.team_id', 'is', null),
        ...(actor.teamId === null ? [] : [eb('customers.team_id', '=', actor.teamId)]),
      ]),
    );
  }
  return query;
}

export function listPoolRows(db: Db, actor: Actor, filter: { q?: string; limit: number; offset: number }) {
  let query = poolCustomers(db, actor)
    .leftJoin('users as from_owner', 'from_owner.id', 'pool_entries.from_owner_id')
    .leftJoin('teams', 'teams.id', 'customers.team_id')
    .leftJoin('customer_state', 'customer_state.customer_id', 'customers.id')
    .select([
      'customers.id',
      'customers.code',
      'customers.name',
      'customers.province',
      'customers.city',
      'customers.team_id',
      'teams.name as team_name',
      'pool_entries.reason',
      'pool_entries.note',
      'pool_entries.entered_on',
      'pool_entries.from_owner_id',
      'from_owner.name as from_owner_name',
      'customer_state.last_contact',
      'customer_state.last_order',
      sql<
        string | null
      >`(SELECT p.grade_code FROM customer_service_policy p WHERE p.customer_id = customers.id)`.as(
        'grade_code',
      ),
    ]);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('customers.name', 'ilike', pattern), eb('customers.code', 'ilike', pattern)]),
    );
  }
  return query
    .orderBy('pool_entries.entered_on', 'desc')
    .orderBy('customers.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export type PoolRow = Awaited<ReturnType<typeof listPoolRows>>[number];

export async function countPool(db: Db, actor: Actor, q?: string): Promise<number> {
  let query = poolCustomers(db, actor);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('customers.name', 'ilike', pattern), eb('customers.code', 'ilike', pattern)]),
    );
  }
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The pool customer, locked for the claim; undefined when it is not in the user's pool. */
export function findPoolCustomerForUpdate(db: Db, actor: Actor, customerId: number) {
  return poolCustomers(db, actor)
    .select(['customers.id', 'customers.code', 'customers.name', 'customers.team_id', 'pool_entries.reason'])
    .where('customers.id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
}

/** Claims of one user are serialised on their user row, so two claims at once cannot both pass a limit. */
export async function lockClaimant(db: Db, userId: number): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

export async function ownedCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function claimsOn(db: Db, userId: number, day: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('pool_moves')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', userId)
    .where('action', '=', 'claim')
    .where('on_date', '=', day)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The last day the user lost this customer to the pool (released it, or it was recalled from them), if ever. */
export async function lastLostOn(db: Db, userId: number, customerId: number): Promise<string | null> {
  const row = await tables(db)
    .selectFrom('pool_moves')
    .select((eb) => eb.fn.max('on_date').as('on_date'))
    .where('owner_id', '=', userId)
    .where('customer_id', '=', customerId)
    .where('action', 'in', ['recall', 'release'])
    .executeTakeFirst();
  return row?.on_date ?? null;
}

export async function setOwner(db: Db, customerId: number, ownerId: number | null, teamId?: number | null) {
  await db
    .updateTable('customers')
    .set({ owner_id: ownerId, ...(teamId === undefined ? {} : { team_id: teamId }) })
    .where('id', '=', customerId)
    .execute();
}

export async function enterPool(
  db: Db,
  entry: { customerId: number; note: string | null; day: string; fromOwnerId: number },
) {
  await tables(db)
    .insertInto('pool_entries')
    .values({
      customer_id: entry.customerId,
      reason: 'released',
      note: entry.note,
      entered_on: entry.day,
      from_owner_id: entry.fromOwnerId,
    })
    .onConflict((oc) =>
      oc.column('customer_id').doUpdateSet((eb) => ({
        reason: eb.ref('excluded.reason'),
        note: eb.ref('excluded.note'),
        entered_on: eb.ref('excluded.entered_on'),
        from_owner_id: eb.ref('excluded.from_owner_id'),
        entered_at: new Date(),
      })),
    )
    .execute();
}

export async function leavePool(db: Db, customerId: number) {
  await tables(db).deleteFrom('pool_entries').where('customer_id', '=', customerId).execute();
}

export async function insertMove(
  db: Db,
  move: {
    customerId: number;
    action: 'release' | 'claim';
    ownerId: number;
    byUserId: number;
    day: string;
    note: string | null;
  },
) {
  await tables(db)
    .insertInto('pool_moves')
    .values({
      customer_id: move.customerId,
      action: move.action,
      owner_id: move.ownerId,
      by_user_id: move.byUserId,
      on_date: move.day,
      note: move.note,
    })
    .execute();
}

export function listMoves(db: Db, customerId: number) {
  return tables(db)
    .selectFrom('pool_moves')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
}
