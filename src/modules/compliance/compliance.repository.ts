import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomers } from '../shared/scope.js';

export const VIOLATION_KINDS = [
  'no_owner',
  'level_below',
  'over_capacity',
  'contact_overdue',
  'over_credit',
  'terms_exceeded',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export interface ComplianceFilter {
  readonly teamId?: number;
  readonly ownerId?: number;
}

/** Days of order history that show a customer's actual terms when no agreed terms are recorded. */
const TERMS_WINDOW_DAYS = 365;

/**
 * The governing rule of one customer, as a LATERAL subquery: the customer id reaches the view's DISTINCT ON as a
 * parameter, so each lookup is an index probe of customer_grades instead of resolving the view for every customer
 * (a plain join does that: 20,000 customers, 47,000 grades ≈ 100 ms per reference, twice per query).
 */
const governing = (customerId: RawBuilder<unknown>) =>
  sql`SELECT * FROM customer_service_policy v WHERE v.customer_id = ${customerId}`;

/**
 * Every in-scope customer with a governing policy, with the figures the checks read and one flag per violation
 * kind (docs/policies.md, "Compliance"). An owner's load counts all their customers, in scope or not: it is a fact
 * about the owner. Loads are float sums of 1/N compared with 1 + 1e-9, as in the planner.
 */
function checked(db: Db, actor: Actor, today: string, filter: ComplianceFilter): RawBuilder<unknown> {
  let scope = visibleCustomers(db, actor).select([
    'customers.id',
    'customers.code',
    'customers.name',
    'customers.team_id',
    'customers.owner_id',
    'customers.payment_terms_days',
    'customers.created_at',
  ]);
  if (filter.teamId !== undefined) scope = scope.where('customers.team_id', '=', filter.teamId);
  if (filter.ownerId !== undefined) scope = scope.where('customers.owner_id', '=', filter.ownerId);
  return sql`
    WITH scoped AS (${scope}),
    owner_load AS (
      SELECT c.owner_id,
             coalesce(sum(1.0::float8 / p.max_customers_per_manager), 0) AS ratioed,
             count(*) FILTER (WHERE p.max_customers_per_manager IS NULL) AS accounts
      FROM customers c
      LEFT JOIN LATERAL (${governing(sql`c.id`)}) p ON true
      WHERE c.deleted_at IS NULL AND c.owner_id IN (SELECT owner_id FROM scoped)
      GROUP BY c.owner_id),
    overdue AS (
      SELECT customer_id, sum(amount) AS amount FROM payments
      WHERE paid_date IS NULL AND due_date < ${today}::date AND customer_id IN (SELECT id FROM scoped)
      GROUP BY customer_id),
    actual_terms AS (
      SELECT pay.customer_id, max(pay.due_date - o.order_date) AS days
      FROM payments pay JOIN orders o ON o.id = pay.order_id
      WHERE o.status <> 'cancelled' AND o.order_date > ${today}::date - ${TERMS_WINDOW_DAYS}::int
        AND pay.customer_id IN (SELECT id FROM scoped)
      GROUP BY pay.customer_id),
    figures AS (
      SELECT c.id, c.code, c.name, c.team_id, t.name AS team_name,
             CASE WHEN u.active THEN c.owner_id END AS owner_id, CASE WHEN u.active THEN u.name END AS owner_name,
             CASE WHEN u.active THEN u.level END AS owner_level,
             p.model_id, p.policy_id, p.grade_code, p.manager_mode, p.max_customers_per_manager, p.required_level,
             p.contact_cadence_days, p.credit_limit, p.payment_terms_days AS allowed_terms_days,
             coalesce(st.last_contact, c.created_at::date) AS last_contact, st.last_contact IS NULL AS never_contacted,
             coalesce(od.amount, 0) AS overdue_amount,
             coalesce(c.payment_terms_days, at.days) AS terms_days,
             c.payment_terms_days IS NOT NULL AS terms_agreed,
             CASE WHEN NOT u.active THEN NULL
                  WHEN ol.accounts = 0 THEN ol.ratioed
                  WHEN u.capacity = 0 THEN 'Infinity'::float8
                  ELSE ol.ratioed + ol.accounts::float8 / u.capacity END AS owner_load
      FROM scoped c
      JOIN LATERAL (${governing(sql`c.id`)}) p ON true
      LEFT JOIN teams t ON t.id = c.team_id
      LEFT JOIN users u ON u.id = c.owner_id
      LEFT JOIN owner_load ol ON ol.owner_id = c.owner_id
      LEFT JOIN customer_state st ON st.customer_id = c.id
      LEFT JOIN overdue od ON od.customer_id = c.id
      LEFT JOIN actual_terms at ON at.customer_id = c.id),
    checked AS (
      SELECT f.*,
        (f.owner_id IS NULL AND f.manager_mode IN ('dedicated', 'shared')) AS no_owner,
        (f.owner_id IS NOT NULL AND f.required_level IS NOT NULL
          AND array_position(ARRAY['junior', 'middle', 'senior'], f.owner_level)
            < array_position(ARRAY['junior', 'middle', 'senior'], f.required_level)) AS level_below,
        (f.owner_id IS NOT NULL AND f.owner_load > 1 + 1e-9) AS over_capacity,
        (f.owner_id IS NOT NULL AND f.contact_cadence_days IS NOT NULL
          AND f.last_contact < ${today}::date - f.contact_cadence_days) AS contact_overdue,
        (f.credit_limit IS NOT NULL AND f.overdue_amount > f.credit_limit) AS over_credit,
        (f.allowed_terms_days IS NOT NULL AND f.terms_days > f.allowed_terms_days) AS terms_exceeded
      FROM figures f)`;
}

const anyKind = sql.raw(VIOLATION_KINDS.join(' OR '));
const kindFlag = (kind: ViolationKind | undefined) => (kind ? sql.raw(kind) : anyKind);

export interface ComplianceRow {
  id: number;
  code: string;
  name: string;
  team_id: number | null;
  team_name: string | null;
  owner_id: number | null;
  owner_name: string | null;
  owner_level: string | null;
  model_id: number;
  policy_id: number;
  grade_code: string;
  manager_mode: string;
  max_customers_per_manager: number | null;
  required_level: string | null;
  contact_cadence_days: number | null;
  credit_limit: string | null;
  allowed_terms_days: number | null;
  last_contact: string | Date;
  never_contacted: boolean;
  overdue_amount: string;
  terms_days: number | null;
  terms_agreed: boolean;
  owner_load: number | null;
  no_owner: boolean;
  level_below: boolean;
  over_capacity: boolean;
  contact_overdue: boolean;
  over_credit: boolean;
  terms_exceeded: boolean;
}

/**
 * One page of violating customers, by id, each row carrying the count of all violating customers (a window over
 * the same pass; 0 on a page past the end); `kind` narrows to one kind of violation.
 */
export async function complianceRows(
  db: Db,
  actor: Actor,
  today: string,
  filter: ComplianceFilter & { kind?: ViolationKind },
  afterId: number,
  limit: number,
): Promise<Array<ComplianceRow & { total: number }>> {
  const result = await sql<ComplianceRow & { total: number }>`
    ${checked(db, actor, today, filter)}
    SELECT * FROM (SELECT checked.*, count(*) OVER ()::int AS total FROM checked WHERE ${kindFlag(filter.kind)}) page
    WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`.execute(db);
  return result.rows;
}

const countColumns = sql.raw(
  VIOLATION_KINDS.map((kind) => `count(*) FILTER (WHERE ${kind})::int AS ${kind}`).join(', '),
);

export type KindCounts = Record<ViolationKind, number>;

/** Counts per kind for the whole scope, per team and per owner (with the policied customers checked). */
export async function complianceCounts(db: Db, actor: Actor, today: string, filter: ComplianceFilter) {
  const result = await sql<
    KindCounts & {
      grouping: 'all' | 'team' | 'owner';
      team_id: number | null;
      team_name: string | null;
      owner_id: number | null;
      owner_name: string | null;
      checked: number;
      violating: number;
    }
  >`
    ${checked(db, actor, today, filter)}
    SELECT CASE WHEN grouping(team_id, team_name) = 3 AND grouping(owner_id, owner_name) = 3 THEN 'all'
                WHEN grouping(owner_id, owner_name) = 3 THEN 'team' ELSE 'owner' END AS grouping,
           team_id, team_name, owner_id, owner_name,
           count(*)::int AS checked, count(*) FILTER (WHERE ${anyKind})::int AS violating, ${countColumns}
    FROM checked
    GROUP BY GROUPING SETS ((), (team_id, team_name), (owner_id, owner_name))
    ORDER BY grouping, team_name NULLS LAST, owner_name NULLS LAST`.execute(db);
  return result.rows;
}
