/**
 * The per-customer grading state, generated from one column specification so that the three ways it is written —
 * incremental deltas on insert, recomputation of the customers touched by an update or delete, and the full
 * rebuild — cannot drift apart.
 *
 * Representation (see docs/ARCHITECTURE.md, "Per-customer state"): one row per customer and calendar month
 * (`customer_month_stats`) holding the sums, counts and first/last dates that happened in that month, keyed by the
 * date that matters for each fact (order date; payment due date; the day a payment became settled, i.e. the later
 * of due and paid; the activity's business day in Beijing time). Any as-of date is evaluated from whole months
 * before it plus the raw rows of the partial month, so grading never scans order history. `customer_state` is the
 * lifetime roll-up of those months, one row per customer, for lists and instant re-grades.
 *
 * Payments are kept twice so that both lateness semantics can be evaluated at any as-of date: by due month
 * (what was due; and, with the paid date as finally recorded, the reference's "final" lateness) and by settled
 * month (what had been paid by then: point-in-time lateness, where a payment made after the as-of date counts as
 * still outstanding on it). `*_day_sum` columns hold Σ day numbers (days since 1970-01-01) and `*_amount_day_sum`
 * Σ amount × day number, so that Σ (asOf − due) and Σ amount × (asOf − due) follow by subtraction.
 *
 * Bulk-load mode, for loaders only (the demo loader; an importer may adopt it): after
 * `SELECT set_config('stratum.bulk_load', 'on', true)` the insert triggers of the transaction return at once, and
 * the loader must, before it commits, put the id of every customer it inserted rows for into `state_refresh_queue`
 * and call `stratum_refresh_queued_state()`: one set-based recomputation instead of a delta per COPY batch, which
 * gives the same state as the triggers would have (a month row is a pure function of that customer's raw rows).
 * The setting is transaction-local, so it ends with the loader's transaction and never leaks into pooled
 * connections. Updates and deletes are maintained as usual even in bulk mode.
 */

type Aggregate = 'sum' | 'min' | 'max';

export interface StateColumn {
  readonly name: string;
  readonly type: 'integer' | 'bigint' | 'numeric(18,2)' | 'numeric(24,2)' | 'date';
  readonly aggregate: Aggregate;
}

export const monthColumns: readonly StateColumn[] = [
  { name: 'order_count', type: 'integer', aggregate: 'sum' },
  { name: 'amount', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'profit', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'profit_count', type: 'integer', aggregate: 'sum' },
  { name: 'discount', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'first_order', type: 'date', aggregate: 'min' },
  { name: 'last_order', type: 'date', aggregate: 'max' },
  { name: 'due_count', type: 'integer', aggregate: 'sum' },
  { name: 'due_amount', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'due_day_sum', type: 'bigint', aggregate: 'sum' },
  { name: 'due_amount_day_sum', type: 'numeric(24,2)', aggregate: 'sum' },
  { name: 'final_late_days', type: 'bigint', aggregate: 'sum' },
  { name: 'final_late_count', type: 'integer', aggregate: 'sum' },
  { name: 'final_late_amount_days', type: 'numeric(24,2)', aggregate: 'sum' },
  { name: 'unpaid_count', type: 'integer', aggregate: 'sum' },
  { name: 'unpaid_amount', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'unpaid_due_day_sum', type: 'bigint', aggregate: 'sum' },
  { name: 'unpaid_amount_day_sum', type: 'numeric(24,2)', aggregate: 'sum' },
  { name: 'settled_count', type: 'integer', aggregate: 'sum' },
  { name: 'settled_amount', type: 'numeric(18,2)', aggregate: 'sum' },
  { name: 'settled_due_day_sum', type: 'bigint', aggregate: 'sum' },
  { name: 'settled_amount_day_sum', type: 'numeric(24,2)', aggregate: 'sum' },
  { name: 'settled_late_days', type: 'bigint', aggregate: 'sum' },
  { name: 'settled_late_count', type: 'integer', aggregate: 'sum' },
  { name: 'settled_late_amount_days', type: 'numeric(24,2)', aggregate: 'sum' },
  { name: 'contact_count', type: 'integer', aggregate: 'sum' },
  { name: 'last_contact', type: 'date', aggregate: 'max' },
];

/** The lifetime roll-up kept per customer; each column aggregates the month column of the same name. */
const customerColumns: readonly StateColumn[] = monthColumns.filter((column) =>
  [
    'order_count',
    'amount',
    'profit',
    'profit_count',
    'first_order',
    'last_order',
    'due_count',
    'due_amount',
    'final_late_days',
    'final_late_count',
    'unpaid_count',
    'unpaid_amount',
    'settled_count',
    'contact_count',
    'last_contact',
  ].includes(column.name),
);

interface Contribution {
  readonly table: 'orders' | 'payments' | 'activities';
  /** Expression of the day a row counts on, over the row alias `r`; its month is the bucket. */
  readonly day: string;
  readonly where: string;
  readonly values: Readonly<Record<string, string>>;
}

const lateDays = 'greatest(0, r.paid_date - r.due_date)';
const dayNumber = (column: string) => `(${column} - DATE '1970-01-01')`;
const ifUnpaid = (value: string) => `CASE WHEN r.paid_date IS NULL THEN ${value} ELSE 0 END`;
const ifPaid = (value: string) => `CASE WHEN r.paid_date IS NULL THEN 0 ELSE ${value} END`;
const monthOf = (dateExpression: string) => `date_trunc('month', (${dateExpression})::timestamp)::date`;

const contributions: readonly Contribution[] = [
  {
    table: 'orders',
    day: 'r.order_date',
    where: `r.status <> 'cancelled'`,
    values: {
      order_count: '1',
      amount: 'r.amount',
      profit: 'coalesce(r.gross_profit, 0)',
      profit_count: '(r.gross_profit IS NOT NULL)::int',
      discount: 'r.discount',
      first_order: 'r.order_date',
      last_order: 'r.order_date',
    },
  },
  {
    table: 'payments',
    day: 'r.due_date',
    where: 'true',
    values: {
      due_count: '1',
      due_amount: 'r.amount',
      due_day_sum: dayNumber('r.due_date'),
      due_amount_day_sum: `r.amount * ${dayNumber('r.due_date')}`,
      final_late_days: ifPaid(lateDays),
      final_late_count: ifPaid('(r.paid_date > r.due_date)::int'),
      final_late_amount_days: ifPaid(`r.amount * ${lateDays}`),
      unpaid_count: ifUnpaid('1'),
      unpaid_amount: ifUnpaid('r.amount'),
      unpaid_due_day_sum: ifUnpaid(dayNumber('r.due_date')),
      unpaid_amount_day_sum: ifUnpaid(`r.amount * ${dayNumber('r.due_date')}`),
    },
  },
  {
    table: 'payments',
    day: 'greatest(r.due_date, r.paid_date)',
    where: 'r.paid_date IS NOT NULL',
    values: {
      settled_count: '1',
      settled_amount: 'r.amount',
      settled_due_day_sum: dayNumber('r.due_date'),
      settled_amount_day_sum: `r.amount * ${dayNumber('r.due_date')}`,
      settled_late_days: lateDays,
      settled_late_count: '(r.paid_date > r.due_date)::int',
      settled_late_amount_days: `r.amount * ${lateDays}`,
    },
  },
  {
    table: 'activities',
    day: 'stratum_business_date(r.at)',
    where: 'true',
    values: { contact_count: '1', last_contact: 'stratum_business_date(r.at)' },
  },
];

const neutral = (column: StateColumn) => (column.aggregate === 'sum' ? `0::${column.type}` : 'NULL::date');

function contributionSelect(contribution: Contribution, source: string): string {
  const values = monthColumns.map((column) => {
    const expression = contribution.values[column.name];
    return `${expression === undefined ? neutral(column) : `(${expression})::${column.type}`} AS ${column.name}`;
  });
  return `SELECT r.customer_id, ${monthOf(contribution.day)} AS month, (${contribution.day})::date AS day, ${values.join(', ')} FROM ${source} r WHERE ${contribution.where}`;
}

const aggregated = (columns: readonly StateColumn[]) =>
  columns.map((column) => `${column.aggregate}(${column.name})::${column.type} AS ${column.name}`).join(', ');

const mergeOnConflict = (columns: readonly StateColumn[], target: string) =>
  columns
    .map((column) => {
      const merge = {
        sum: `${target}.${column.name} + excluded.${column.name}`,
        min: 'least',
        max: 'greatest',
      }[column.aggregate];
      return `${column.name} = ${column.aggregate === 'sum' ? merge : `${merge}(${target}.${column.name}, excluded.${column.name})`}`;
    })
    .join(', ');

const columnList = (columns: readonly StateColumn[]) => columns.map((column) => column.name).join(', ');

const columnDefinitions = (columns: readonly StateColumn[]) =>
  columns
    .map(
      (column) => `${column.name} ${column.type}${column.aggregate === 'sum' ? ' NOT NULL DEFAULT 0' : ''}`,
    )
    .join(',\n  ');

/** Serialises all state writers: the per-customer recomputation deletes and re-inserts month rows. */
const STATE_LOCK = 'PERFORM pg_advisory_xact_lock(74231001);';

export const BULK_LOAD_SETTING = 'stratum.bulk_load';
const SKIP_IN_BULK_LOAD = `IF current_setting('${BULK_LOAD_SETTING}', true) = 'on' THEN RETURN NULL; END IF;`;

/**
 * The month rows of the contributing rows, as `SELECT customer_id, month, <month columns>`. Each contribution is
 * first aggregated over its own columns only, and those partial rows are merged (sum of sums, min of mins): the
 * per-group aggregate state stays small (a numeric sum's state is large; 27 of them per group made a rebuild's hash
 * table exceed 1 GB at 20k customers), and each contribution can stream in index order.
 */
function monthRowsSelect(
  source: (table: Contribution['table']) => string,
  filter: string,
  only?: Contribution['table'],
): string {
  const parts = contributions
    .filter((contribution) => only === undefined || contribution.table === only)
    .map((contribution) => {
      const values = monthColumns.map((column) => {
        const expression = contribution.values[column.name];
        return expression === undefined
          ? `${neutral(column)} AS ${column.name}`
          : `${column.aggregate}((${expression})::${column.type})::${column.type} AS ${column.name}`;
      });
      return `SELECT r.customer_id, ${monthOf(contribution.day)} AS month, ${values.join(', ')}
        FROM ${source(contribution.table)} r WHERE (${contribution.where}) AND ${filter} GROUP BY 1, 2`;
    });
  // One contribution (an orders or activities delta) is already one row per (customer, month): merging it again
  // would aggregate every column a second time (a third of a 300,000-order delta's time).
  if (parts.length === 1) return parts[0]!;
  return `SELECT customer_id, month, ${aggregated(monthColumns)} FROM (${parts.join(' UNION ALL ')}) c GROUP BY customer_id, month`;
}

function deltaInsertStatement(table: Contribution['table']): string {
  return `INSERT INTO customer_month_stats AS s (customer_id, month, ${columnList(monthColumns)})
    ${monthRowsSelect(() => 'new_rows', 'true', table)}
    ON CONFLICT (customer_id, month) DO UPDATE SET ${mergeOnConflict(monthColumns, 's')};`;
}

const STATE_TABLES = ['orders', 'payments', 'activities'] as const;

const queueFrom = (rows: string) =>
  `INSERT INTO state_refresh_queue SELECT DISTINCT customer_id FROM ${rows};`;

/** The statement-level insert trigger's function of one table: the month rows' delta, then the customer roll-up. */
function insertFunctionStatement(table: Contribution['table']): string {
  return `CREATE OR REPLACE FUNCTION stratum_${table}_state_insert() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${SKIP_IN_BULK_LOAD}
       ${STATE_LOCK}
       ${deltaInsertStatement(table)}
       ${queueFrom('new_rows')}
       PERFORM stratum_refresh_customer_state();
       RETURN NULL;
     END $$`;
}

/** The insert trigger functions as the current specification writes them, for a migration that updates them. */
export const insertFunctionStatements = (): string[] => STATE_TABLES.map(insertFunctionStatement);

function triggerStatements(table: Contribution['table']): string[] {
  const changeFunction = `stratum_${table}_state_change`;
  return [
    insertFunctionStatement(table),
    `CREATE FUNCTION ${changeFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${STATE_LOCK}
       ${queueFrom('old_rows')}
       IF TG_OP = 'UPDATE' THEN
         ${queueFrom('new_rows')}
       END IF;
       PERFORM stratum_refresh_months();
       RETURN NULL;
     END $$`,
  ];
}

/**
 * The lifetime roll-up of the queued customers, recomputed from their month rows; empties the queue. A queue that
 * was analyzed while full (the bulk paths analyze it, to plan for the customers they queued) would keep those
 * statistics once emptied where nothing analyzes it again — PGlite has no autovacuum — and every later single-row
 * write would plan its refresh for that many customers: a scan of every month row, 0.8 s per order at 100,000
 * customers. So the emptied queue is analyzed again whenever its statistics say it is not empty.
 */
export const refreshCustomerStateStatement = (): string =>
  `CREATE OR REPLACE FUNCTION stratum_refresh_customer_state() RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       DELETE FROM customer_state s WHERE s.customer_id IN (SELECT customer_id FROM state_refresh_queue)
         AND NOT EXISTS (SELECT 1 FROM customer_month_stats m WHERE m.customer_id = s.customer_id);
       INSERT INTO customer_state AS s (customer_id, ${columnList(customerColumns)})
         SELECT customer_id, ${aggregated(customerColumns)} FROM customer_month_stats
         WHERE customer_id IN (SELECT customer_id FROM state_refresh_queue)
         GROUP BY customer_id
         ON CONFLICT (customer_id) DO UPDATE SET ${customerColumns.map((c) => `${c.name} = excluded.${c.name}`).join(', ')},
           updated_at = now();
       DELETE FROM state_refresh_queue;
       IF (SELECT reltuples FROM pg_class WHERE oid = 'state_refresh_queue'::regclass) > 0 THEN
         ANALYZE state_refresh_queue;
       END IF;
     END $$`;

export function stateMigrationStatements(): string[] {
  const statements = [
    `CREATE FUNCTION stratum_business_date(ts timestamptz) RETURNS date IMMUTABLE LANGUAGE sql
       AS $$ SELECT (ts AT TIME ZONE 'Asia/Shanghai')::date $$`,
    `CREATE TABLE customer_month_stats (
       customer_id integer NOT NULL,
       month date NOT NULL,
       ${columnDefinitions(monthColumns)},
       PRIMARY KEY (customer_id, month))`,
    `CREATE TABLE customer_state (
       customer_id integer PRIMARY KEY,
       ${columnDefinitions(customerColumns)},
       updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE state_refresh_queue (customer_id integer NOT NULL)`,
    `CREATE INDEX payments_settled_idx ON payments (customer_id, greatest(due_date, paid_date)) WHERE paid_date IS NOT NULL`,
    `CREATE VIEW state_contributions AS ${contributions.map((c) => contributionSelect(c, c.table)).join('\nUNION ALL\n')}`,
    refreshCustomerStateStatement(),
    `CREATE FUNCTION stratum_refresh_months() RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       DELETE FROM customer_month_stats WHERE customer_id IN (SELECT customer_id FROM state_refresh_queue);
       INSERT INTO customer_month_stats (customer_id, month, ${columnList(monthColumns)})
         ${monthRowsSelect((table) => table, 'r.customer_id IN (SELECT customer_id FROM state_refresh_queue)')};
       PERFORM stratum_refresh_customer_state();
     END $$`,
    `CREATE FUNCTION stratum_refresh_queued_state() RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       ${STATE_LOCK}
       ANALYZE state_refresh_queue;
       PERFORM stratum_refresh_months();
     END $$`,
    `CREATE FUNCTION stratum_rebuild_state() RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       ${STATE_LOCK}
       TRUNCATE customer_month_stats, customer_state, state_refresh_queue;
       INSERT INTO state_refresh_queue SELECT DISTINCT customer_id FROM state_contributions;
       ANALYZE state_refresh_queue;
       PERFORM stratum_refresh_months();
     END $$`,
  ];
  for (const table of STATE_TABLES) {
    statements.push(...triggerStatements(table));
    statements.push(
      `CREATE TRIGGER ${table}_state_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION stratum_${table}_state_insert()`,
      `CREATE TRIGGER ${table}_state_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION stratum_${table}_state_change()`,
      `CREATE TRIGGER ${table}_state_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION stratum_${table}_state_change()`,
    );
  }
  return statements;
}
