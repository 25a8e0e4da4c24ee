import type { BulkSession } from '../demo/bulk-writer.js';
import { STAGE, joinCustomerByCode, recordTouched } from './staging.js';
import type { MergeCounts } from './merge.js';

export interface OrderOptions {
  /** One row per order line, grouped by order number (else one row per order). */
  readonly lineMode: boolean;
  readonly mapped: ReadonlySet<string>;
  /** Order numbers with this prefix are cancellations (Online Retail's 'C536379'): imported as status cancelled. */
  readonly cancelledPrefix?: string;
  /** Gross profit = amount × margin when the file has neither cost nor profit. */
  readonly assumedMargin?: number;
}

async function countOf(session: BulkSession, text: string): Promise<number> {
  const rows = await session.query<{ n: number | string }>(text);
  return Number(rows[0]?.n ?? 0);
}

const LINE_TEXT = `s.product || '|' || s.quantity || '|' || s.unit_price || '|' || s.line_amount || '|' || coalesce(s.line_cost, '')`;
const STORED_LINE_TEXT = `l.product || '|' || l.quantity::text || '|' || l.unit_price::text || '|' || l.amount::text || '|' || coalesce(l.cost::text, '')`;

/**
 * Orders are aggregated from the stage (one group per order number), compared with what is stored, and only new or
 * changed orders are written: re-importing the same file writes nothing. A changed order's lines are replaced.
 */
export async function mergeOrders(session: BulkSession, options: OrderOptions): Promise<MergeCounts> {
  const { lineMode, mapped } = options;
  // An order's one value of a column: the lines of an order agree on it (checked before), and without lines each
  // order number is on one good row already (a repeated one is a problem), so only lines are grouped.
  const one = (expression: string) => (lineMode ? `min(${expression})` : expression);
  const amount = lineMode ? 'sum(s.line_amount::numeric)' : 's.amount::numeric';
  const cost =
    lineMode && mapped.has('line_cost')
      ? 'CASE WHEN bool_and(s.line_cost IS NOT NULL) THEN sum(s.line_cost::numeric) END'
      : one('s.cost::numeric');
  // A blank status cell is the same as no status column: completed, or cancelled by the order number's prefix.
  const derived = options.cancelledPrefix
    ? `CASE WHEN s.order_no LIKE '${options.cancelledPrefix.replaceAll("'", "''")}%' THEN 'cancelled' ELSE 'completed' END`
    : `'completed'`;
  const status = mapped.has('status') ? `coalesce(${one('s.status')}, ${derived})` : derived;
  const margin =
    options.assumedMargin === undefined
      ? 'NULL::numeric'
      : `round(g.amount * ${Number(options.assumedMargin)}, 2)`;
  await session.query(`CREATE TEMP TABLE import_orders ON COMMIT DROP AS
    SELECT g.*, CASE WHEN g.cost IS NOT NULL THEN g.amount - g.cost ELSE coalesce(g.profit_given, ${margin}) END AS gross_profit
      FROM (SELECT s.order_no, ${one('c.id')} AS customer_id, ${one('s.order_date')}::date AS order_date,
                   ${amount} AS amount, ${cost} AS cost, ${one('s.gross_profit::numeric')} AS profit_given,
                   coalesce(${one('s.discount::numeric')}, 0) AS discount, coalesce(${one('s.currency')}, 'CNY') AS currency,
                   ${status} AS status, ${one('s.note')} AS note,
                   ${lineMode ? `md5(string_agg(${LINE_TEXT}, ';' ORDER BY ${LINE_TEXT}))` : 'NULL::text'} AS lines
              FROM ${STAGE} s ${joinCustomerByCode('s.customer_code', 'c')}
             WHERE NOT s.bad ${lineMode ? 'GROUP BY s.order_no' : ''}) g`);
  // Statistics, not an index: it holds each order number once already, and the joins against the stored
  // orders are hash joins or probes of their own order_no index.
  await session.query(`ANALYZE import_orders`);
  // Line mode attaches lines to the orders it writes, so it keeps their ids; without lines they are only counted.
  if (lineMode)
    await session.query(`CREATE TEMP TABLE import_written (id integer PRIMARY KEY) ON COMMIT DROP`);
  const countOfWritten = (rows: string) =>
    `, touched AS (${recordTouched(rows)})
     ${
       lineMode
         ? `, written AS (INSERT INTO import_written SELECT id FROM ${rows} RETURNING 1) SELECT count(*) AS n FROM written`
         : `SELECT count(*) AS n FROM ${rows}`
     }`;
  const header = [
    'customer_id',
    'order_date',
    'amount',
    'cost',
    'gross_profit',
    'discount',
    'currency',
    'status',
    'note',
  ];
  const storedLines = `(SELECT md5(string_agg(${STORED_LINE_TEXT}, ';' ORDER BY ${STORED_LINE_TEXT})) FROM order_lines l WHERE l.order_id = o.id)`;
  const differs = `(${header.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${header.map((c) => `i.${c}`).join(', ')})${lineMode ? ` OR i.lines IS DISTINCT FROM ${storedLines}` : ''}`;
  const updated = await countOf(
    session,
    `WITH changed AS (
      UPDATE orders o SET ${header.map((c) => `${c} = i.${c}`).join(', ')}, updated_at = now()
        FROM import_orders i WHERE o.order_no = i.order_no AND (${differs}) RETURNING o.id, o.customer_id)
    ${countOfWritten('changed')}`,
  );
  if (lineMode && updated > 0)
    await session.query(`DELETE FROM order_lines WHERE order_id IN (SELECT id FROM import_written)`);
  // In order-number order, the unique index on order_no grows at its right edge instead of splitting pages all
  // over it.
  const inserted = await countOf(
    session,
    `WITH added AS (
      INSERT INTO orders (order_no, ${header.join(', ')})
        SELECT i.order_no, ${header.map((c) => `i.${c}`).join(', ')} FROM import_orders i
         WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_no = i.order_no) ORDER BY i.order_no RETURNING id, customer_id)
    ${countOfWritten('added')}`,
  );
  if (lineMode) {
    await session.query(`INSERT INTO order_lines (order_id, customer_id, product, quantity, unit_price, amount, cost)
      SELECT o.id, o.customer_id, s.product, s.quantity::numeric, s.unit_price::numeric, s.line_amount::numeric, s.line_cost::numeric
        FROM ${STAGE} s JOIN orders o ON o.order_no = s.order_no JOIN import_written w ON w.id = o.id
       WHERE NOT s.bad ORDER BY s.file_no, s.row_no`);
  }
  return { inserted, updated };
}
