import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { toIsoDate } from '../engine/metrics/dates.js';
import type { OrderRow } from '../engine/testing/reference-data.js';

const REFERENCE = new URL('../../../shared/reference/', import.meta.url);

/** The columns the product's tests compare; the statement returns more (all of `tiering`). */
export interface TieringRow {
  customer_id: number;
  credit_score: number;
  sales_score: number;
  profit_score: number;
  composite: number;
  grade: string;
  abc: string;
  rfm: number;
}

const cents = (c: number) => (c / 100).toFixed(2);
const sqlDate = (day: number | null) => (day === null ? 'NULL' : `'${toIsoDate(day)}'`);

/** Runs ../shared/reference/tiering.sql, unchanged, over the reference schema on a fresh embedded PostgreSQL. */
export async function runReferenceTiering<Row = TieringRow>(
  customers: number,
  orders: readonly OrderRow[],
): Promise<Row[]> {
  const db = new PGlite();
  try {
    await db.exec(readFileSync(new URL('schema.sql', REFERENCE), 'utf8'));
    const customerValues = Array.from(
      { length: customers },
      (_, i) => `(${i + 1},'c${i + 1}','i','r','s','2020-01-01')`,
    );
    await db.exec(`INSERT INTO customers VALUES ${customerValues.join(',')}`);
    for (let at = 0; at < orders.length; at += 5000) {
      const batch = orders
        .slice(at, at + 5000)
        .map(
          (o) =>
            `(${o.id},${o.customerId},${sqlDate(o.orderDay)},${cents(o.amountCents)},${cents(o.profitCents)},` +
            `${sqlDate(o.dueDay)},${sqlDate(o.paidDay)})`,
        );
      await db.exec(`INSERT INTO orders VALUES ${batch.join(',')}`);
    }
    const statement = readFileSync(new URL('tiering.sql', REFERENCE), 'utf8')
      .replaceAll('{{orders}}', 'orders')
      .replaceAll('{{customers}}', 'customers');
    await db.exec(statement);
    const { rows } = await db.query<Row>('SELECT * FROM tiering ORDER BY customer_id');
    return rows;
  } finally {
    await db.close();
  }
}
