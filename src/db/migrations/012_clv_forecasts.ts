import { sql, type Kysely } from 'kysely';

/**
 * Purchase-pattern forecasts per customer (BG/NBD + Gamma-Gamma, issue 8), written by the grading run that fitted
 * them (or re-scored at once between runs). One row per customer: the latest forecast, not a history — the run's
 * own results and parameters stay in grading_runs/grading_results. The churn flag and its reason feed the worklist
 * and the alerts.
 */
const statements = [
  `CREATE TABLE customer_forecasts (
     customer_id integer PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
     run_id integer REFERENCES grading_runs(id) ON DELETE SET NULL,
     as_of date NOT NULL,
     p_alive double precision,
     expected_purchases_12m double precision,
     clv_12m numeric(18,2),
     churn_risk boolean NOT NULL DEFAULT false,
     churn_reason text,
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX customer_forecasts_run_idx ON customer_forecasts (run_id)`,
  `CREATE INDEX customer_forecasts_churn_idx ON customer_forecasts (customer_id) WHERE churn_risk`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
