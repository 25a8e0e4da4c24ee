import type { BulkSession } from '../demo/bulk-writer.js';
import type { FieldSpec } from './fields.js';
import { quote } from './sql-types.js';

export const STAGE = 'import_stage';
/** Customers whose graded records (attributes, orders, payments, activities) the merge wrote: re-graded after it. */
export const TOUCHED = 'import_touched';

/** The statement that records the customers `column` names in the rows of `from` as touched by the import. */
export const recordTouched = (from: string, column = 'customer_id'): string =>
  `INSERT INTO ${TOUCHED} SELECT DISTINCT ${column} FROM ${from}`;

/**
 * Joins the customer a code in the file names: a live customer by its own code, or the survivor of a merge by the
 * code of a customer merged into it (an ERP keeps exporting under the old code; migration 025).
 */
export const joinCustomerByCode = (code: string, alias: string): string =>
  `JOIN customer_code_targets ${alias}_code ON ${alias}_code.code = ${code} JOIN customers ${alias} ON ${alias}.id = ${alias}_code.customer_id`;

/** One text column per field plus where the row came from; dropped with the transaction. */
export async function createStage(session: BulkSession, fields: readonly FieldSpec[]): Promise<void> {
  const columns = fields.map((field) => `${quote(field.key)} text`).join(', ');
  await session.query(
    `CREATE TEMP TABLE ${STAGE} (file_no integer NOT NULL, row_no integer NOT NULL, ${columns}) ON COMMIT DROP`,
  );
  await session.query(
    `CREATE TEMP TABLE import_problems (file_no integer, row_no integer, field text, value text, reason text) ON COMMIT DROP`,
  );
  await session.query(`CREATE TEMP TABLE ${TOUCHED} (customer_id integer NOT NULL) ON COMMIT DROP`);
}

export function stageColumns(fields: readonly FieldSpec[]): string[] {
  return ['file_no', 'row_no', ...fields.map((field) => quote(field.key))];
}

export async function indexStage(session: BulkSession, keys: readonly string[]): Promise<void> {
  for (const key of keys) await session.query(`CREATE INDEX ON ${STAGE} (${quote(key)})`);
  await session.query(`ANALYZE ${STAGE}`);
}
