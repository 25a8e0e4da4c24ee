import { sql, type Kysely } from 'kysely';

/**
 * Each grading result keeps the figures the dashboard sums per grade: the customer's sales, gross profit and
 * contacts in the model's window, and its orders and first/last order date up to the as-of date. The run has read
 * them anyway to grade; stored beside the grade, the run summary reads one table instead of aggregating the
 * monthly state again for every dashboard view (seconds at a million customers).
 *
 * Runs made before this migration get the figures the dashboard computed for them until now: the window as the
 * whole calendar months ending with the month of the day before the as-of date.
 */
/** Fills the figures of results that have none, as the dashboard computed them before they were stored. */
export const backfillResultFigures = `WITH runs AS (
    SELECT g.id AS run_id, g.as_of,
           (date_trunc('month', g.as_of - 1)
             - make_interval(months => coalesce((v.definition ->> 'windowMonths')::int, 12)))::date AS window_start
    FROM grading_runs g
    JOIN grading_model_versions v ON v.model_id = g.model_id AND v.version = g.version
  ), stats AS (
    SELECT runs.run_id, m.customer_id,
           sum(m.amount) FILTER (WHERE m.month > runs.window_start) AS sales,
           sum(m.profit) FILTER (WHERE m.month > runs.window_start) AS profit,
           sum(m.contact_count) FILTER (WHERE m.month > runs.window_start) AS contacts,
           sum(m.order_count) AS orders, min(m.first_order) AS first_order, max(m.last_order) AS last_order
    FROM runs JOIN customer_month_stats m ON m.month <= runs.as_of - 1
    GROUP BY runs.run_id, m.customer_id
  )
  UPDATE grading_results r
  SET sales = coalesce(s.sales, 0), profit = coalesce(s.profit, 0), contacts = coalesce(s.contacts, 0),
      orders = s.orders, first_order = s.first_order, last_order = s.last_order
  FROM stats s
  WHERE s.run_id = r.run_id AND s.customer_id = r.customer_id AND r.sales IS NULL`;

const statements = [
  `ALTER TABLE grading_results
     ADD COLUMN sales numeric(18,2),
     ADD COLUMN profit numeric(18,2),
     ADD COLUMN contacts integer,
     ADD COLUMN orders integer,
     ADD COLUMN first_order date,
     ADD COLUMN last_order date`,
  backfillResultFigures,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
