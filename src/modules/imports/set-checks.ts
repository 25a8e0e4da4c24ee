import type { BulkSession } from '../demo/bulk-writer.js';
import { STAGE } from './staging.js';
import { quote } from './sql-types.js';
import { BUSINESS_TIME_ZONE } from '../worklist/business-day.js';

/** Checks that need the whole file or the database, as set-based SQL writing into import_problems. */
export interface CheckContext {
  readonly session: BulkSession;
  /** SQL predicate over `c` (customers): the actor may see this customer. */
  readonly visible: string;
}

const good = `NOT s.bad`;

async function flag(context: CheckContext, field: string, reason: string, from: string): Promise<void> {
  await context.session.query(
    `INSERT INTO import_problems (file_no, row_no, field, value, reason) SELECT s.file_no, s.row_no, '${field}', s.${quote(field)}, '${reason}' ${from}`,
  );
}

/** Every occurrence of a key after its first in the file. */
export async function duplicatesInFile(
  context: CheckContext,
  field: string,
  keyExpression: string,
  reason = 'duplicate_in_file',
): Promise<void> {
  await flag(
    context,
    field,
    reason,
    `FROM (SELECT *, row_number() OVER (PARTITION BY ${keyExpression} ORDER BY file_no, row_no) AS occurrence
             FROM ${STAGE} s WHERE ${good} AND ${keyExpression} IS NOT NULL) s WHERE s.occurrence > 1`,
  );
}

/** A customer code must name a customer that exists and that the actor may see. */
export async function customerReference(
  context: CheckContext,
  field: string,
  createMissing = false,
): Promise<void> {
  const value = `s.${quote(field)}`;
  if (!createMissing) {
    await flag(
      context,
      field,
      'unknown_customer',
      `FROM ${STAGE} s WHERE ${good} AND ${value} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM customer_code_targets k WHERE k.code = ${value})`,
    );
  }
  await flag(
    context,
    field,
    'out_of_scope',
    `FROM ${STAGE} s WHERE ${good} AND EXISTS (
       SELECT 1 FROM customer_code_targets k JOIN customers c ON c.id = k.customer_id
        WHERE k.code = ${value} AND NOT (${context.visible}))`,
  );
}

export async function customerChecks(context: CheckContext, hasCode: boolean): Promise<void> {
  if (hasCode) await duplicatesInFile(context, 'code', 's.code');
  await flag(
    context,
    'name',
    'duplicate_company_in_file',
    `FROM (SELECT *, first_value(code) OVER w AS first_code, row_number() OVER w AS occurrence
             FROM ${STAGE} s WHERE ${good}
             WINDOW w AS (PARTITION BY stratum_company_key(name) ORDER BY file_no, row_no)) s
       WHERE s.occurrence > 1 AND (s.code IS NULL OR s.code IS DISTINCT FROM s.first_code)`,
  );
  if (hasCode) {
    await flag(
      context,
      'code',
      'out_of_scope',
      `FROM ${STAGE} s WHERE ${good} AND EXISTS (SELECT 1 FROM customers c WHERE c.code = s.code AND c.deleted_at IS NULL AND NOT (${context.visible}))`,
    );
  }
  await flag(
    context,
    'name',
    'duplicate_company',
    `FROM ${STAGE} s WHERE ${good} AND EXISTS (
       SELECT 1 FROM customers c WHERE c.deleted_at IS NULL AND c.company_key = stratum_company_key(s.name)
         AND c.code IS DISTINCT FROM s.code)`,
  );
}

/**
 * A customer's referrer, by code: a customer already recorded (and in the importer's scope) or another row of the
 * same file, and never the customer itself (under any of its codes).
 */
export async function referrerChecks(context: CheckContext): Promise<void> {
  const field = 'referred_by_code';
  await flag(
    context,
    field,
    'unknown_customer',
    `FROM ${STAGE} s WHERE ${good} AND s.referred_by_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM customer_code_targets k WHERE k.code = s.referred_by_code)
       AND NOT EXISTS (SELECT 1 FROM ${STAGE} o WHERE o.code = s.referred_by_code AND NOT o.bad)`,
  );
  await customerReference(context, field, true);
  await flag(
    context,
    field,
    'self_reference',
    `FROM ${STAGE} s WHERE ${good} AND (s.referred_by_code = s.code OR EXISTS (
       SELECT 1 FROM customer_code_targets a JOIN customer_code_targets b ON b.customer_id = a.customer_id
        WHERE a.code = s.code AND b.code = s.referred_by_code))`,
  );
}

/** Lines of one order must agree on the order's own fields. */
export async function orderConsistency(
  context: CheckContext,
  headerFields: readonly string[],
): Promise<void> {
  for (const field of headerFields) {
    await flag(
      context,
      field,
      'inconsistent_order',
      `FROM (SELECT *, first_value(${quote(field)}) OVER (PARTITION BY order_no ORDER BY file_no, row_no) AS first_value
             FROM ${STAGE} s WHERE ${good}) s WHERE s.${quote(field)} IS DISTINCT FROM s.first_value`,
    );
  }
}

/** An order number already used by another customer's order. */
export async function orderOwnership(context: CheckContext): Promise<void> {
  await flag(
    context,
    'order_no',
    'order_of_other_customer',
    `FROM ${STAGE} s JOIN orders o ON o.order_no = s.order_no LEFT JOIN customer_code_targets k ON k.code = s.customer_code
       WHERE ${good} AND o.customer_id IS DISTINCT FROM k.customer_id`,
  );
}

/** A payment's order number must name an order of the same customer. */
export async function paymentOrder(context: CheckContext): Promise<void> {
  await flag(
    context,
    'order_no',
    'unknown_order',
    `FROM ${STAGE} s WHERE ${good} AND s.order_no IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM orders o JOIN customer_code_targets k ON k.customer_id = o.customer_id
        WHERE o.order_no = s.order_no AND k.code = s.customer_code)`,
  );
}

/**
 * A payment already in Stratum, of which parts were recorded as received (receipts of less than was owed), is
 * re-imported as its whole amount less those parts: the whole must still be more than them.
 */
export async function paymentAboveReceived(
  context: CheckContext,
  keyExpression: string,
  amount: string,
): Promise<void> {
  await flag(
    context,
    'amount',
    'within_received',
    `FROM ${STAGE} s JOIN customer_code_targets k ON k.code = s.customer_code
       JOIN payments t ON t.customer_id = k.customer_id AND t.import_key = ${keyExpression}
      WHERE ${good} AND ${amount} <= (${receivedPartsOf('t.id')})`,
  );
}

/** Nothing of a payment is due or paid before its order was placed, as the API holds. */
export async function paymentDatesAfterOrder(
  context: CheckContext,
  dueDate: string,
  paidDate: string,
): Promise<void> {
  const withOrder = `FROM ${STAGE} s JOIN customer_code_targets k ON k.code = s.customer_code
       JOIN orders o ON o.order_no = s.order_no AND o.customer_id = k.customer_id WHERE ${good}`;
  await flag(context, 'due_date', 'due_before_order', `${withOrder} AND ${dueDate} < o.order_date`);
  await flag(context, 'paid_date', 'paid_before_order', `${withOrder} AND ${paidDate} < o.order_date`);
}

/** Money is received on a day that has come (today in Beijing, the database's clock), as the API holds too. */
export async function paidByToday(context: CheckContext, paidDate: string): Promise<void> {
  await flag(
    context,
    'paid_date',
    'after_today',
    `FROM ${STAGE} s WHERE ${good} AND ${paidDate} > (now() AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date`,
  );
}

/** The sum of the parts received of a payment, NULL when none was. */
export const receivedPartsOf = (paymentId: string) =>
  `SELECT sum(p.amount) FROM payments p WHERE p.split_from_id = ${paymentId}`;

export async function relationshipChecks(context: CheckContext): Promise<void> {
  await customerReference(context, 'related_code');
  await flag(
    context,
    'related_code',
    'self_reference',
    `FROM ${STAGE} s WHERE ${good} AND (s.related_code = s.customer_code OR EXISTS (
       SELECT 1 FROM customer_code_targets a JOIN customer_code_targets b ON b.customer_id = a.customer_id
        WHERE a.code = s.customer_code AND b.code = s.related_code))`,
  );
}
