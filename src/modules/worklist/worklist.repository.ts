import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Holiday } from '../holidays/holidays.js';
import { lastClaimJoin, recallOn } from '../pool/pool.repository.js';
import { visibleCustomerIds } from '../shared/scope.js';
import { tables } from './settings.repository.js';

export const itemKinds = [
  'contact_overdue',
  'pool_recall',
  'birthday',
  'holiday',
  'repurchase',
  'downgrade',
  'churn_risk',
] as const;
export type ItemKind = (typeof itemKinds)[number];

/** Greetings and reminders of a date that has passed are moot; they never escalate. */
const neverEscalated: readonly ItemKind[] = ['birthday', 'holiday', 'pool_recall'];
/** These close by themselves when an activity is logged: the activity moves their due date. */
const selfClosing: readonly ItemKind[] = ['contact_overdue', 'pool_recall'];

export interface ItemQuery {
  /** Whose list: items of customers this user owns. */
  readonly userId: number;
  /** A manager's list also holds the escalated items of their team's other owners. */
  readonly escalationTeamId: number | null;
  readonly today: string;
  /** Last day of the window: today for the today list, today + 6 for the week. */
  readonly end: string;
  /** Holidays from today to end + the holiday lead time. */
  readonly holidays: readonly Holiday[];
  /** Only these kinds in the items (the counts always cover every kind). */
  readonly kinds?: readonly ItemKind[];
  readonly limit: number;
}

export interface ItemRow {
  customer_id: number;
  customer_code: string;
  customer_name: string;
  owner_id: number;
  owner_name: string | null;
  grade_code: string | null;
  kind: ItemKind;
  ref: string;
  due: string;
  since: string;
  detail: Record<string, unknown> | null;
  escalated: boolean;
  last_contact: string | null;
}

export interface ItemList {
  /** The first `limit` items, escalated first, then by due day. */
  items: ItemRow[];
  /** Every item of the list by kind, also those beyond the limit or filtered out. */
  counts: Partial<Record<ItemKind, number>>;
  escalated: number;
}

/**
 * A user's worklist, computed set-based from the customers, their state, their service policy, their contacts,
 * grade changes and forecasts at read time: one statement whatever the number of customers. An item is shown from
 * its `since` day; a contact-overdue or pool item disappears when an activity moves its due date, any other item
 * when the customer's last contact is on or after its `since`; a snoozed item stays hidden until its snooze day.
 */
export async function listItems(db: Db, actor: Actor, q: ItemQuery): Promise<ItemList> {
  const holidayBranch =
    q.holidays.length === 0
      ? sql``
      : sql`UNION ALL
      SELECT b.customer_id, 'holiday', h.code || ':' || h.day, h.day::date, h.day::date - st.holiday_lead_days,
             jsonb_build_object('holiday', h.code)
      FROM base b CROSS JOIN st
      CROSS JOIN (VALUES ${sql.join(q.holidays.map((h) => sql`(${h.code}::text, ${h.date}::text)`))}) AS h(code, day)
      WHERE b.max_customers_per_manager <= st.greeting_max_ratio
        AND h.day::date BETWEEN ${q.today}::date AND ${q.end}::date + st.holiday_lead_days`;
  const { rows } = await sql<ItemList>`
    WITH st AS (SELECT * FROM worklist_settings WHERE id = 1),
    base AS (
      SELECT c.id AS customer_id, c.owner_id, stratum_business_date(c.created_at) AS created_on,
             cs.last_contact, cs.first_order, cs.last_order, cs.order_count,
             p.model_id, p.grade_code, p.contact_cadence_days, p.max_customers_per_manager,
             ${recallOn} AS recall_on
      FROM customers c
      LEFT JOIN customer_state cs ON cs.customer_id = c.id
      LEFT JOIN customer_service_policy p ON p.customer_id = c.id
      ${lastClaimJoin}
      WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL
        AND c.id IN (${visibleCustomerIds(db, actor)})
        AND (c.owner_id = ${q.userId} OR c.team_id = ${q.escalationTeamId}::int)
    ),
    items AS (
      SELECT b.customer_id, 'contact_overdue' AS kind, d.due::text AS ref, d.due, d.due AS since,
             jsonb_build_object('cadenceDays', b.contact_cadence_days) AS detail
      FROM base b CROSS JOIN LATERAL (
        SELECT coalesce(b.last_contact, b.created_on) + b.contact_cadence_days AS due) d
      WHERE b.contact_cadence_days IS NOT NULL AND d.due <= ${q.end}::date
      UNION ALL
      SELECT b.customer_id, 'pool_recall', b.recall_on::text, b.recall_on, b.recall_on - st.pool_warning_days,
             jsonb_build_object('recallOn', b.recall_on::text)
      FROM base b CROSS JOIN st
      WHERE b.recall_on - st.pool_warning_days <= ${q.end}::date
      UNION ALL
      SELECT b.customer_id, 'birthday', k.id || ':' || o.occ, o.occ, o.occ - st.birthday_lead_days,
             jsonb_build_object('contactId', k.id, 'contactName', k.name)
      FROM base b
      JOIN contacts k ON k.customer_id = b.customer_id AND k.birthday IS NOT NULL
        AND (k.is_key OR k.buying_role = 'decision_maker')
      CROSS JOIN st
      CROSS JOIN LATERAL (
        SELECT (k.birthday + make_interval(years => (extract(year FROM ${q.today}::date) + y
                                                    - extract(year FROM k.birthday))::int))::date AS occ
        FROM (VALUES (0), (1)) AS ys(y)) o
      WHERE o.occ BETWEEN ${q.today}::date AND ${q.end}::date + st.birthday_lead_days
      ${holidayBranch}
      UNION ALL
      SELECT b.customer_id, 'repurchase', d.due::text, d.due, d.due - st.repurchase_lead_days,
             jsonb_build_object('lastOrder', b.last_order::text, 'cycleDays', cy.days)
      FROM base b CROSS JOIN st
      CROSS JOIN LATERAL (
        SELECT round((b.last_order - b.first_order)::numeric / (b.order_count - 1))::int AS days) cy
      CROSS JOIN LATERAL (SELECT b.last_order + cy.days AS due) d
      WHERE b.order_count >= 2 AND cy.days > 0 AND d.due - st.repurchase_lead_days <= ${q.end}::date
      UNION ALL
      SELECT b.customer_id, 'downgrade', gc.id::text, stratum_business_date(gc.at), stratum_business_date(gc.at),
             jsonb_build_object('from', v.definition -> 'ladder' -> gc.from_grade::int ->> 'code',
                                'to', v.definition -> 'ladder' -> gc.to_grade::int ->> 'code')
      FROM base b CROSS JOIN st
      JOIN grade_changes gc ON gc.customer_id = b.customer_id AND gc.model_id = b.model_id
        AND gc.to_grade > gc.from_grade
      JOIN grading_models m ON m.id = gc.model_id
      JOIN grading_model_versions v ON v.model_id = m.id AND v.version = m.current_version
      WHERE stratum_business_date(gc.at) BETWEEN ${q.today}::date - st.downgrade_days AND ${q.end}::date
      UNION ALL
      SELECT b.customer_id, 'churn_risk', f.as_of::text, f.as_of, f.as_of,
             jsonb_build_object('reason', f.churn_reason, 'pAlive', f.p_alive)
      FROM base b JOIN customer_forecasts f ON f.customer_id = b.customer_id AND f.churn_risk
      WHERE f.as_of <= ${q.end}::date
    ),
    shown AS (
      SELECT i.*, b.owner_id, b.grade_code, b.last_contact,
             (i.kind <> ALL(${[...neverEscalated]}::text[])
               AND i.due < ${q.today}::date - st.escalation_days) AS escalated
      FROM items i
      JOIN base b ON b.customer_id = i.customer_id
      CROSS JOIN st
      WHERE (i.kind = ANY(${[...selfClosing]}::text[]) OR b.last_contact IS NULL OR b.last_contact < i.since)
        AND NOT EXISTS (
          SELECT 1 FROM worklist_snoozes z
          WHERE z.customer_id = i.customer_id AND z.kind = i.kind AND z.ref = i.ref AND z.until > ${q.today}::date)
    ),
    listed AS (
      SELECT s.customer_id, c.code AS customer_code, c.name AS customer_name, s.owner_id, u.name AS owner_name,
             s.grade_code, s.kind, s.ref, s.due::text AS due, s.since::text AS since, s.detail, s.escalated,
             s.last_contact::text AS last_contact
      FROM shown s
      JOIN customers c ON c.id = s.customer_id
      LEFT JOIN users u ON u.id = s.owner_id
      WHERE s.owner_id = ${q.userId} OR s.escalated
    ),
    page AS (
      SELECT * FROM listed
      ${q.kinds ? sql`WHERE kind = ANY(${[...q.kinds]}::text[])` : sql``}
      ORDER BY escalated DESC, due, customer_name, kind, ref
      LIMIT ${q.limit}
    )
    SELECT (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM listed GROUP BY kind) k)
             AS counts,
           (SELECT count(*)::int FROM listed WHERE escalated) AS escalated,
           (SELECT coalesce(jsonb_agg(to_jsonb(page) ORDER BY escalated DESC, due, customer_name, kind, ref), '[]')
              FROM page) AS items`.execute(db);
  const row = rows[0];
  return { items: row?.items ?? [], counts: row?.counts ?? {}, escalated: row?.escalated ?? 0 };
}

export function upsertSnooze(
  db: Db,
  snooze: { customerId: number; kind: ItemKind; ref: string; until: string; by: number },
) {
  return tables(db)
    .insertInto('worklist_snoozes')
    .values({
      customer_id: snooze.customerId,
      kind: snooze.kind,
      ref: snooze.ref,
      until: snooze.until,
      created_by: snooze.by,
    })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'kind', 'ref']).doUpdateSet((eb) => ({
        until: eb.ref('excluded.until'),
        created_by: eb.ref('excluded.created_by'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUser(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'role', 'team_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findUserByLogin(db: Db, login: string) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'role', 'team_id', 'active'])
    .where('login', '=', login)
    .executeTakeFirst();
}

/** Whose worklists a user may open: a rep their own, a manager their team's people, an admin everybody's. */
export function listableUsers(db: Db, actor: Actor) {
  let query = db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'role', 'team_id'])
    .where('active', '=', true)
    .where('role', '<>', 'admin');
  if (actor.role === 'rep') query = query.where('id', '=', actor.id);
  if (actor.role === 'manager')
    query = query.where((eb) => eb.or([eb('id', '=', actor.id), eb('team_id', '=', actor.teamId)]));
  return query.orderBy('name').orderBy('id').execute();
}
