import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds, visibleCustomers } from '../shared/scope.js';
import type { DuplicateMemberView, DuplicateQueryInput } from './merge.schema.js';

interface GroupRow {
  readonly ids: number[];
  readonly reasons: ('same_name' | 'same_phone')[];
  readonly total: string;
}

/**
 * Groups of customers the user sees that look like one company: the same name once normalised (the key the import
 * uses: 有限公司/有限责任公司, brackets, spaces and full-width characters) or the same phone number in domestic form
 * (the generated `company_key` and `phone_key`, migration 026). Customers
 * outside the user's scope are never compared, so a group never reveals one. Groups with the same members under
 * both reasons are one group.
 */
export async function findDuplicateGroups(
  db: Db,
  actor: Actor,
  query: DuplicateQueryInput,
): Promise<{ groups: GroupRow[]; total: number }> {
  const visible = visibleCustomers(db, actor).select([
    'customers.id',
    'customers.company_key',
    'customers.phone_key',
  ]);
  // The keys that repeat are found by hashing first: sorting every customer's key took most of the time.
  const { rows } = await sql<GroupRow>`
    WITH visible AS MATERIALIZED (${visible}),
    names AS (
      SELECT company_key AS key FROM visible WHERE company_key <> '' GROUP BY company_key HAVING count(*) > 1
    ), phones AS (
      SELECT phone_key AS key FROM visible WHERE phone_key IS NOT NULL GROUP BY phone_key HAVING count(*) > 1
    ), grouped AS (
      SELECT 'same_name' AS reason, array_agg(v.id ORDER BY v.id) AS ids
        FROM visible v JOIN names n ON n.key = v.company_key GROUP BY v.company_key
      UNION ALL
      SELECT 'same_phone', array_agg(v.id ORDER BY v.id)
        FROM visible v JOIN phones p ON p.key = v.phone_key GROUP BY v.phone_key
    ), merged AS (
      SELECT ids, array_agg(reason ORDER BY reason) AS reasons FROM grouped GROUP BY ids
    )
    SELECT ids, reasons, count(*) OVER () AS total FROM merged
     ORDER BY ids[1], ids
     LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
  return { groups: rows, total: rows.length ? Number(rows[0]!.total) : 0 };
}

interface MemberRow {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly phone: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly owner_id: number | null;
  readonly owner_name: string | null;
  readonly team_name: string | null;
  readonly created_at: Date;
  readonly order_count: number | null;
  readonly amount: string | null;
  readonly last_order: string | null;
  readonly contact_count: string;
}

/** What a person deciding a merge compares: who owns each, how much business and how many contacts it has. */
export async function findDuplicateMembers(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, DuplicateMemberView>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<MemberRow>`
    SELECT c.id, c.code, c.name, c.phone, c.province, c.city, c.owner_id, u.name AS owner_name, t.name AS team_name,
           c.created_at, s.order_count, s.amount, s.last_order,
           (SELECT count(*) FROM contacts k WHERE k.customer_id = c.id) AS contact_count
      FROM customers c
      LEFT JOIN users u ON u.id = c.owner_id
      LEFT JOIN teams t ON t.id = c.team_id
      LEFT JOIN customer_state s ON s.customer_id = c.id
     WHERE c.id = ANY(${[...ids]}::int[])`.execute(db);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        name: row.name,
        phone: row.phone,
        province: row.province,
        city: row.city,
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        teamName: row.team_name,
        createdAt: new Date(row.created_at).toISOString(),
        orderCount: row.order_count ?? 0,
        amount: row.amount ?? '0.00',
        lastOrder: row.last_order,
        contactCount: Number(row.contact_count),
      },
    ]),
  );
}

/** The customer a merged one now lives on, if the user sees it. */
export async function findMergeSurvivor(
  db: Db,
  actor: Actor,
  mergedId: number,
): Promise<{ id: number; code: string; name: string } | undefined> {
  const { rows } = await sql<{ id: number; code: string; name: string }>`
    SELECT s.id, s.code, s.name FROM customers m JOIN customers s ON s.id = m.merged_into_id
     WHERE m.id = ${mergedId} AND s.id IN (${visibleCustomerIds(db, actor)})`.execute(db);
  return rows[0];
}
