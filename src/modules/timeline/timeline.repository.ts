import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import { paymentDaysLate } from '../payments/payment.repository.js';
import { BUSINESS_TIME_ZONE } from '../worklist/business-day.js';
import type { TimelineKind } from './timeline.schema.js';

export interface TimelineRow {
  readonly kind: TimelineKind;
  readonly id: number;
  readonly at: Date;
  /** `at` to the microsecond, for the next page's start: a JavaScript date keeps milliseconds only. */
  readonly position: string;
  readonly detail: Record<string, unknown>;
}

/** Where a timeline page starts: strictly after this event in the timeline's order (newest first). */
export interface TimelinePosition {
  readonly at: string;
  readonly kind: string;
  readonly id: number;
}

/** A calendar day (an order's, a payment's) placed at the start of that business day, to sort among timestamps. */
const dayStart = (column: RawBuilder<unknown>) =>
  sql`(${column}::timestamp AT TIME ZONE ${BUSINESS_TIME_ZONE})`;

/**
 * One statement per kind, each a customer's rows of one table as (kind, id, at, detail), every column named in
 * each (any of them may come first in the union, and the first names the columns): the union is sorted once.
 * Each is read through its table's customer index, so a page costs the customer's own rows, not the company's.
 */
const branches: Readonly<Record<TimelineKind, (customerId: number) => RawBuilder<unknown>>> = {
  order: (customerId) => sql`
    SELECT 'order' AS kind, orders.id, ${dayStart(sql`orders.order_date`)} AS at,
           jsonb_build_object('orderNo', orders.order_no, 'amount', orders.amount::text, 'status', orders.status)
             AS detail
    FROM orders WHERE orders.customer_id = ${customerId}`,
  payment: (customerId) => sql`
    SELECT 'payment' AS kind, payments.id, ${dayStart(sql`coalesce(payments.paid_date, payments.due_date)`)} AS at,
           jsonb_build_object('amount', payments.amount::text, 'dueDate', payments.due_date::text,
                              'paidDate', payments.paid_date::text, 'daysLate', ${paymentDaysLate}) AS detail
    FROM payments WHERE payments.customer_id = ${customerId}`,
  activity: (customerId) => sql`
    SELECT 'activity' AS kind, activities.id, activities.at,
           jsonb_build_object('activityKind', activities.kind, 'subject', activities.subject, 'userName', users.name)
             AS detail
    FROM activities LEFT JOIN users ON users.id = activities.user_id
    WHERE activities.customer_id = ${customerId}`,
  grade: (customerId) => sql`
    SELECT 'grade' AS kind, grade_changes.id, grade_changes.at,
           jsonb_build_object('modelId', grade_changes.model_id, 'fromGrade', grade_changes.from_grade,
                              'toGrade', grade_changes.to_grade, 'cause', grade_changes.cause) AS detail
    FROM grade_changes WHERE grade_changes.customer_id = ${customerId}`,
  opportunity: (customerId) => sql`
    SELECT 'opportunity' AS kind, h.id, h.at,
           jsonb_build_object('opportunityId', o.id, 'opportunityName', o.name, 'fromStage', h.from_stage,
                              'toStage', h.to_stage, 'byName', users.name) AS detail
    FROM opportunity_stage_history h
    JOIN opportunities o ON o.id = h.opportunity_id
    LEFT JOIN users ON users.id = h.by
    WHERE h.customer_id = ${customerId}`,
};

/** A page of the customer's timeline, newest first; ties in time in a fixed order of kind, then id. */
export async function listTimeline(
  db: Db,
  customerId: number,
  kinds: readonly TimelineKind[],
  limit: number,
  after?: TimelinePosition,
): Promise<TimelineRow[]> {
  const union = sql.join(
    kinds.map((kind) => branches[kind](customerId)),
    sql` UNION ALL `,
  );
  const start = after
    ? sql`WHERE (at, kind, id) < (${after.at}::timestamptz, ${after.kind}, ${after.id})`
    : sql``;
  const { rows } = await sql<TimelineRow>`
    SELECT kind, id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position, detail
    FROM (${union}) events
    ${start}
    ORDER BY at DESC, kind DESC, id DESC
    LIMIT ${limit}`.execute(db);
  return rows;
}
