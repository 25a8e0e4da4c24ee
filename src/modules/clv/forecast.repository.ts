import { sql } from 'kysely';
import { CHURN_LOW_P_ALIVE, CHURN_OVERDUE } from '../../engine/clv/index.js';
import { ownerAndTeamManager } from '../alerts/grade-events.repository.js';
import type { Db } from '../audit/audit.repository.js';

export interface ForecastRows {
  readonly customerIds: readonly number[];
  readonly pAlive: readonly number[];
  readonly expectedPurchases12m: readonly number[];
  readonly clv: readonly number[];
  readonly churn: readonly number[];
}

/** The stored reason of a churn flag: the model signal first, the overdue purchase when that is all there is. */
export const churnReasonOf = (flags: number): string | null =>
  flags & CHURN_LOW_P_ALIVE ? 'low_p_alive' : flags & CHURN_OVERDUE ? 'overdue' : null;

const orNull = (values: readonly number[]) => values.map((v) => (Number.isFinite(v) ? v : null));

/**
 * Replaces the forecasts of these customers (one set-based upsert) and returns the customers who have newly
 * become churn risks: flagged now, and stored as not at risk before. A first forecast only sets the baseline,
 * as a model's first run raises no grade alerts, so nobody is told about a whole customer base at once.
 */
export async function upsertForecasts(
  db: Db,
  runId: number | null,
  asOf: string,
  rows: ForecastRows,
): Promise<number[]> {
  if (rows.customerIds.length === 0) return [];
  const { rows: newlyAtRisk } = await sql<{ customer_id: number }>`
    WITH incoming AS (
      SELECT * FROM unnest(${[...rows.customerIds]}::int[], ${orNull(rows.pAlive)}::float8[],
                           ${orNull(rows.expectedPurchases12m)}::float8[], ${orNull(rows.clv)}::numeric[],
                           ${rows.churn.map(churnReasonOf)}::text[])
        AS t(customer_id, p_alive, expected_purchases_12m, clv_12m, churn_reason)
    ), before AS (
      SELECT f.customer_id, f.churn_risk FROM customer_forecasts f JOIN incoming i USING (customer_id)
    ), written AS (
      INSERT INTO customer_forecasts AS f
        (customer_id, run_id, as_of, p_alive, expected_purchases_12m, clv_12m, churn_risk, churn_reason, updated_at)
      SELECT customer_id, ${runId}::int, ${asOf}::date, p_alive, expected_purchases_12m, round(clv_12m, 2),
             churn_reason IS NOT NULL, churn_reason, now()
      FROM incoming
      ON CONFLICT (customer_id) DO UPDATE SET run_id = excluded.run_id, as_of = excluded.as_of,
        p_alive = excluded.p_alive, expected_purchases_12m = excluded.expected_purchases_12m,
        clv_12m = excluded.clv_12m, churn_risk = excluded.churn_risk, churn_reason = excluded.churn_reason,
        updated_at = excluded.updated_at
      RETURNING f.customer_id, f.churn_risk
    )
    SELECT w.customer_id FROM written w JOIN before b USING (customer_id)
    WHERE w.churn_risk AND NOT b.churn_risk
    ORDER BY w.customer_id`.execute(db);
  return newlyAtRisk.map((row) => Number(row.customer_id));
}

/**
 * Inbox alerts (kind churn_risk) for the owner and the team manager of each newly at-risk customer, and a
 * grade.churn_risk webhook event, in the caller's transaction. The payload is the grade-event payload (the
 * customer's current grade in the model as `to`, cause 'clv') plus the churn reason. These alerts come from no
 * grade change, so their change_id is negative, −(run id · 2³¹ + customer id): unique per run and customer, and
 * never an id of grade_changes.
 */
export async function raiseChurnAlerts(
  db: Db,
  source: { readonly modelId: number; readonly runId: number },
  customerIds: readonly number[],
): Promise<{ alerts: number; deliveries: number }> {
  if (customerIds.length === 0) return { alerts: 0, deliveries: 0 };
  const { rows } = await sql<{ alerts: string; deliveries: string }>`
    WITH flagged AS (
      SELECT f.customer_id, f.churn_reason, f.p_alive, f.clv_12m,
             -(${source.runId}::bigint * 2147483648 + f.customer_id) AS change_id,
             c.code AS customer_code, c.name AS customer_name, c.owner_id, c.team_id,
             m.key AS model_key, m.name_zh, m.name_en, g.grade, g.score,
             v.definition -> 'ladder' -> g.grade::int AS grade_spec
      FROM customer_forecasts f
      JOIN customers c ON c.id = f.customer_id AND c.deleted_at IS NULL
      JOIN grading_models m ON m.id = ${source.modelId}
      JOIN grading_runs r ON r.id = ${source.runId}
      JOIN grading_model_versions v ON v.model_id = r.model_id AND v.version = r.version
      LEFT JOIN customer_grades g ON g.model_id = m.id AND g.customer_id = f.customer_id
      WHERE f.customer_id = ANY(${[...customerIds]}::int[])
    ), payloads AS (
      SELECT fl.*, jsonb_build_object(
               'changeId', fl.change_id, 'at', now(), 'cause', 'clv', 'runId', ${source.runId}::int,
               'score', fl.score, 'churnReason', fl.churn_reason, 'pAlive', fl.p_alive, 'clv12m', fl.clv_12m,
               'model', jsonb_build_object('id', ${source.modelId}::int, 'key', fl.model_key,
                                           'name', jsonb_build_object('zh-CN', fl.name_zh, 'en-US', fl.name_en)),
               'customer', jsonb_build_object('id', fl.customer_id, 'code', fl.customer_code, 'name', fl.customer_name),
               'from', NULL,
               'to', CASE WHEN fl.grade IS NULL THEN NULL ELSE jsonb_build_object(
                        'index', fl.grade, 'code', fl.grade_spec ->> 'code', 'name', fl.grade_spec -> 'name') END
             ) AS payload
      FROM flagged fl
    ), recipients AS (
      SELECT DISTINCT p.change_id, r.user_id
      FROM payloads p
      ${ownerAndTeamManager}
    ), inserted_alerts AS (
      INSERT INTO alerts (user_id, kind, model_id, customer_id, change_id, payload)
      SELECT r.user_id, 'churn_risk', ${source.modelId}::int, p.customer_id, p.change_id, p.payload
      FROM recipients r JOIN payloads p ON p.change_id = r.change_id
      ON CONFLICT (change_id, kind, user_id) DO NOTHING
      RETURNING 1
    ), inserted_deliveries AS (
      INSERT INTO webhook_deliveries (webhook_id, event, payload)
      SELECT w.id, 'grade.churn_risk', p.payload
      FROM payloads p JOIN webhooks w ON w.active AND 'grade.churn_risk' = ANY(w.events)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted_alerts) AS alerts,
           (SELECT count(*) FROM inserted_deliveries) AS deliveries`.execute(db);
  return { alerts: Number(rows[0]?.alerts ?? 0), deliveries: Number(rows[0]?.deliveries ?? 0) };
}
