import type { BulkSession } from './bulk-writer.js';

/**
 * The demo company's sales targets: for every month of the as-of date's year, each account manager's average
 * monthly sales over the year before, plus a tenth, rounded to the thousand — so the sales page measures the demo's
 * people against something, and the months to come have targets too. Targets already set are kept.
 */
const TARGETS = `
  INSERT INTO sales_targets (user_id, month, amount)
  SELECT u.id, m.month::date, round(s.monthly * 1.1, -3)
    FROM users u
    CROSS JOIN LATERAL (
      SELECT sum(o.amount) / 12 AS monthly FROM orders o JOIN customers c ON c.id = o.customer_id
       WHERE c.owner_id = u.id AND o.status <> 'cancelled'
         AND o.order_date >= $1::date - interval '12 months' AND o.order_date < $1::date) s
    CROSS JOIN generate_series(date_trunc('year', $1::date), date_trunc('year', $1::date) + interval '11 months',
                               interval '1 month') m(month)
   WHERE u.role = 'rep' AND u.active AND s.monthly > 0
  ON CONFLICT (user_id, month) DO NOTHING`;

export async function seedTargets(session: BulkSession, asOf: string): Promise<void> {
  await session.query(TARGETS, [asOf]);
}
