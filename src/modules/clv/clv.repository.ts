import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { filteredCustomerIds } from '../analytics/analytics.repository.js';
import type { AnalyticsFilterInput } from '../analytics/analytics.schema.js';
import { modelsWithCurrentVersion } from '../grading/model.repository.js';
import type { ClvTables } from './clv.tables.js';

export const tables = (db: Db) => db.withTables<ClvTables>();

export function findForecast(db: Db, customerId: number) {
  return tables(db)
    .selectFrom('customer_forecasts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}

/** The model's current ladder (grade specs in order), or undefined when there is no such model. */
export async function currentLadder(db: Db, modelId: number) {
  const row = await modelsWithCurrentVersion(db)
    .select('v.definition')
    .where('m.id', '=', modelId)
    .executeTakeFirst();
  return row
    ? (row.definition as { ladder: { code: string; name: Record<string, string>; color?: string }[] }).ladder
    : undefined;
}

/** Per current grade of the model, over forecast customers in scope: count, five-number summary and mean of CLV. */
export async function clvByGrade(db: Db, actor: Actor, filter: AnalyticsFilterInput, modelId: number) {
  const { rows } = await sql<{
    grade: number;
    customers: string;
    box: string[] | null;
    mean: string | null;
  }>`
    SELECT g.grade, count(*) AS customers,
           ARRAY[min(f.clv_12m), percentile_disc(0.25) WITHIN GROUP (ORDER BY f.clv_12m),
                 percentile_disc(0.5) WITHIN GROUP (ORDER BY f.clv_12m),
                 percentile_disc(0.75) WITHIN GROUP (ORDER BY f.clv_12m), max(f.clv_12m)]::text[] AS box,
           round(avg(f.clv_12m), 2)::text AS mean
    FROM customer_grades g
    JOIN customer_forecasts f ON f.customer_id = g.customer_id AND f.clv_12m IS NOT NULL
    WHERE g.model_id = ${modelId} AND g.customer_id IN (${filteredCustomerIds(db, actor, filter)})
    GROUP BY g.grade
    ORDER BY g.grade`.execute(db);
  return rows;
}

/**
 * Customers in scope whose CLV is in the company's top fifth but whose current grade is in the lower half of the
 * model's ladder: the most growable, ranked by CLV. The threshold is company-wide so that "high" means the same
 * for every viewer; it reveals no single out-of-scope customer.
 */
export async function growableCustomers(
  db: Db,
  actor: Actor,
  filter: AnalyticsFilterInput,
  modelId: number,
  lowestHighGrade: number,
  limit: number,
) {
  const threshold = await sql<{ threshold: string | null }>`
    SELECT (percentile_disc(0.8) WITHIN GROUP (ORDER BY clv_12m))::text AS threshold
    FROM customer_forecasts WHERE clv_12m IS NOT NULL`.execute(db);
  const value = threshold.rows[0]?.threshold ?? null;
  if (value === null) return { threshold: null, rows: [] };
  const { rows } = await sql<{
    customer_id: number;
    code: string;
    name: string;
    owner_name: string | null;
    grade: number;
    clv_12m: string;
    p_alive: number | null;
    expected_purchases_12m: number | null;
  }>`
    SELECT c.id AS customer_id, c.code, c.name, u.name AS owner_name, g.grade, f.clv_12m::text AS clv_12m,
           f.p_alive, f.expected_purchases_12m
    FROM customer_forecasts f
    JOIN customer_grades g ON g.customer_id = f.customer_id AND g.model_id = ${modelId}
    JOIN customers c ON c.id = f.customer_id
    LEFT JOIN users u ON u.id = c.owner_id
    WHERE f.clv_12m >= ${value}::numeric AND g.grade >= ${lowestHighGrade}
      AND f.customer_id IN (${filteredCustomerIds(db, actor, filter)})
    ORDER BY f.clv_12m DESC, c.id
    LIMIT ${limit}`.execute(db);
  return { threshold: value, rows };
}
