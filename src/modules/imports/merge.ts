import type { BulkSession } from '../demo/bulk-writer.js';
import type { FieldSpec } from './fields.js';
import { STAGE, joinCustomerByCode, recordTouched } from './staging.js';
import { quote, typed } from './sql-types.js';

export interface MergeCounts {
  inserted: number;
  updated: number;
}

const good = 'NOT s.bad';

/**
 * Rows a statement changed, counted; with `customerOf`, their customers are recorded as touched (their grades are
 * re-evaluated after the merge).
 */
async function count(session: BulkSession, text: string, customerOf?: string): Promise<number> {
  const touched = customerOf ? `, touched AS (${recordTouched('changed')})` : '';
  const rows = await session.query<{ n: number | string }>(
    `WITH changed AS (${text} RETURNING ${customerOf ?? 'NULL'} AS customer_id)${touched} SELECT count(*) AS n FROM changed`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** target column → typed value, for the mapped fields only: a column the file does not have is left as it is. */
function assignments(
  fields: readonly FieldSpec[],
  mapped: ReadonlySet<string>,
  rename: Readonly<Record<string, string>> = {},
) {
  return fields
    .filter((field) => mapped.has(field.key))
    .map((field) => ({ column: rename[field.key] ?? field.key, value: typed(field) }));
}

function changedPredicate(list: readonly { column: string; value: string }[], target: string): string {
  if (list.length === 0) return 'false';
  return `(${list.map((a) => `${target}.${quote(a.column)}`).join(', ')}) IS DISTINCT FROM (${list.map((a) => a.value).join(', ')})`;
}

/**
 * Columns that cannot be empty: a blank cell keeps the customer's value on update and takes the schema's default on
 * insert (the blank template has these columns, and users leave them empty).
 */
const requiredCustomerColumns: Readonly<Record<string, string>> = {
  type: `'customer'`,
  lifecycle_stage: `'target'`,
};

const ownerTeam = (value: string) => `(SELECT u.team_id FROM users u WHERE u.id = ${value})`;

/** The referrer among customers recorded before this import (a code of a merged customer names its survivor). */
const recordedReferrer = `(SELECT k.customer_id FROM customer_code_targets k WHERE k.code = s.referred_by_code)`;

/** Upsert by customer code; rows without a code get a new code from the sequence. */
export async function mergeCustomers(
  session: BulkSession,
  fields: readonly FieldSpec[],
  mapped: ReadonlySet<string>,
): Promise<MergeCounts> {
  const list = assignments(
    fields.filter((field) => field.key !== 'code' && field.key !== 'referred_by_code'),
    mapped,
    { owner: 'owner_id' },
  );
  if (mapped.has('owner')) list.push({ column: 'team_id', value: ownerTeam('s.owner::integer') });
  if (mapped.has('referred_by_code')) list.push({ column: 'referred_by_id', value: recordedReferrer });
  const updates = list.map((a) =>
    a.column in requiredCustomerColumns ? { ...a, value: `coalesce(${a.value}, c.${quote(a.column)})` } : a,
  );
  const inserts = list.map((a) => {
    const fallback = requiredCustomerColumns[a.column];
    return fallback === undefined ? a : { ...a, value: `coalesce(${a.value}, ${fallback})` };
  });
  if (mapped.has('referred_by_code')) await touchReferrersLeft(session);
  const updated = await count(
    session,
    `UPDATE customers c SET ${updates.map((a) => `${quote(a.column)} = ${a.value}`).join(', ')}, updated_at = now()
       FROM ${STAGE} s WHERE ${good} AND c.code = s.code AND c.deleted_at IS NULL AND ${changedPredicate(updates, 'c')}`,
    'c.id',
  );
  const inserted = await count(
    session,
    `INSERT INTO customers (code, ${inserts.map((a) => quote(a.column)).join(', ')})
       SELECT coalesce(s.code, 'C' || lpad(nextval('customer_code_seq')::text, 7, '0')), ${inserts.map((a) => a.value).join(', ')}
         FROM ${STAGE} s WHERE ${good} AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.code = s.code)
         ORDER BY s.file_no, s.row_no`,
    'id',
  );
  if (mapped.has('referred_by_code')) await referrersFromTheFile(session);
  return { inserted, updated };
}

/**
 * A customer the file gives another referrer (or none) leaves its recorded referrer, whose referral metrics lose it:
 * that referrer is re-graded with the customers the import touched. Read before the update changes the link.
 */
async function touchReferrersLeft(session: BulkSession): Promise<void> {
  await session.query(
    recordTouched(
      `customers c JOIN ${STAGE} s ON c.code = s.code
        WHERE ${good} AND c.deleted_at IS NULL AND c.referred_by_id IS NOT NULL
          AND c.referred_by_id IS DISTINCT FROM ${recordedReferrer}`,
      'c.referred_by_id',
    ),
  );
}

/**
 * Referrers that are themselves new rows of the file exist only once the rows are inserted: a second pass points
 * their referred customers at them. A row without a code is found by its company, which the checks keep unique.
 */
async function referrersFromTheFile(session: BulkSession): Promise<void> {
  await session.query(
    `UPDATE customers c SET referred_by_id = k.customer_id
       FROM ${STAGE} s JOIN customer_code_targets k ON k.code = s.referred_by_code
      WHERE ${good} AND c.deleted_at IS NULL AND c.referred_by_id IS NULL
        AND (c.code = s.code OR (s.code IS NULL AND c.company_key = stratum_company_key(s.name)))`,
  );
}

export interface ChildMergeOptions {
  /** Columns the file has no field for, with their values. */
  readonly extra?: readonly { column: string; value: string }[];
  /** A column's value on updating a row that exists, from the file's value (which an insert takes as it is). */
  readonly onUpdate?: Readonly<Record<string, (value: string) => string>>;
}

/**
 * Contacts, payments and activities have no code of their own: they are matched on (customer, import key), where the
 * key is the file's external id when it has one, else the fields that identify the row.
 */
export async function mergeChildren(
  session: BulkSession,
  table: 'contacts' | 'payments' | 'activities',
  fields: readonly FieldSpec[],
  mapped: ReadonlySet<string>,
  keyExpression: string,
  options: ChildMergeOptions = {},
): Promise<MergeCounts> {
  const skip = new Set(['customer_code', 'ref', 'order_no']);
  const list = [
    ...assignments(
      fields.filter((field) => !skip.has(field.key)),
      mapped,
      { user: 'user_id' },
    ),
    ...(options.extra ?? []),
  ];
  const updates = list.map((a) => {
    const onUpdate = options.onUpdate?.[a.column];
    return onUpdate ? { ...a, value: onUpdate(a.value) } : a;
  });
  const source = `${STAGE} s ${joinCustomerByCode('s.customer_code', 'c')}`;
  const graded = table !== 'contacts';
  const updated = await count(
    session,
    `UPDATE ${table} t SET ${updates.map((a) => `${quote(a.column)} = ${a.value}`).join(', ')}, updated_at = now()
       FROM ${source} WHERE ${good} AND t.customer_id = c.id AND t.import_key = ${keyExpression} AND ${changedPredicate(updates, 't')}`,
    graded ? 't.customer_id' : undefined,
  );
  const inserted = await count(
    session,
    `INSERT INTO ${table} (customer_id, import_key, ${list.map((a) => quote(a.column)).join(', ')})
       SELECT c.id, ${keyExpression}, ${list.map((a) => a.value).join(', ')} FROM ${source}
        WHERE ${good} AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.customer_id = c.id AND t.import_key = ${keyExpression})
        ORDER BY s.file_no, s.row_no`,
    graded ? 'customer_id' : undefined,
  );
  return { inserted, updated };
}

export async function mergeRelationships(
  session: BulkSession,
  mapped: ReadonlySet<string>,
): Promise<MergeCounts> {
  const source = `${STAGE} s ${joinCustomerByCode('s.customer_code', 'c')} ${joinCustomerByCode('s.related_code', 'r')}`;
  const updated = mapped.has('note')
    ? await count(
        session,
        `UPDATE customer_relationships t SET note = s.note FROM ${source}
           WHERE ${good} AND t.customer_id = c.id AND t.related_customer_id = r.id AND t.kind = s.kind AND t.note IS DISTINCT FROM s.note`,
      )
    : 0;
  const inserted = await count(
    session,
    `INSERT INTO customer_relationships (customer_id, related_customer_id, kind, note)
       SELECT DISTINCT ON (c.id, r.id, s.kind) c.id, r.id, s.kind, s.note FROM ${source} WHERE ${good} AND c.id <> r.id
       ON CONFLICT (customer_id, related_customer_id, kind) DO NOTHING`,
  );
  // As through the API: a referred link is the referred customer's 推荐客户 when it has none (the first in the file),
  // and its referrer is re-graded with the customers the import touched.
  await session.query(
    `WITH changed AS (
       UPDATE customers t SET referred_by_id = first.referrer_id, updated_at = now()
         FROM (SELECT DISTINCT ON (r.id) r.id, c.id AS referrer_id FROM ${source}
                WHERE ${good} AND s.kind = 'referred' AND c.id <> r.id ORDER BY r.id, s.file_no, s.row_no) first
        WHERE t.id = first.id AND t.referred_by_id IS NULL RETURNING t.id)
     ${recordTouched('changed', 'id')}`,
  );
  return { inserted, updated };
}

/** Customers named by an order file that do not exist yet: created with the code as name, owned by the importer. */
export async function createMissingCustomers(session: BulkSession, ownerId: number | null): Promise<number> {
  return count(
    session,
    `INSERT INTO customers (code, name, owner_id, team_id, lifecycle_stage)
       SELECT DISTINCT s.customer_code, s.customer_code, ${ownerId ?? 'NULL'}::integer, ${ownerTeam(`${ownerId ?? 'NULL'}::integer`)}, 'closed_new'
         FROM ${STAGE} s WHERE ${good} AND s.customer_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.code = s.customer_code)`,
  );
}
