import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import { churnRiskCodes, unrankedMethods } from './alert.rules.js';

/**
 * Who is told about an event on a customer: its owner and its team's manager, when active. Joins to rows `p` that
 * carry the customer's `owner_id` and `team_id`; each recipient is `r.user_id`.
 */
export const ownerAndTeamManager = sql`
  CROSS JOIN LATERAL (
    SELECT p.owner_id AS user_id
    UNION SELECT t.manager_id FROM teams t WHERE t.id = p.team_id
  ) r
  JOIN users u ON u.id = r.user_id AND u.active`;

export interface GradeEventCounts {
  /** Grade events (one per change and kind). */
  readonly events: number;
  /** Inbox rows (events × recipients). */
  readonly alerts: number;
  /** Webhook outbox rows (events × subscribed active webhooks). */
  readonly deliveries: number;
}

/**
 * One statement turns the selected grade changes into events, inbox alerts for the customer's owner and team
 * manager, and webhook deliveries: set-based, so a run that moves a million customers costs one round trip, and
 * inside the caller's transaction, so a rolled-back run leaves neither alerts nor deliveries behind.
 */
export async function insertGradeEvents(db: Db, selection: GradeChangeSelection): Promise<GradeEventCounts> {
  const { modelId, where } = selection;
  const { rows } = await sql<GradeEventCounts>`
    WITH ladders AS MATERIALIZED (
      -- Each version's grade codes and names, taken out of its definition once: read per change, the compressed
      -- definition was decompressed four times for every change (4 of the 10 s of a run moving 146,000 customers).
      SELECT v.model_id, v.version, v.definition -> 'method' ->> 'kind' AS method,
             array_agg(g.grade ->> 'code' ORDER BY g.at) AS codes,
             array_agg(g.grade -> 'name' ORDER BY g.at) AS names
      FROM grading_model_versions v
      CROSS JOIN LATERAL jsonb_array_elements(v.definition -> 'ladder') WITH ORDINALITY AS g(grade, at)
      WHERE v.model_id = ${modelId}
      GROUP BY v.model_id, v.version
    ),
    changes AS (
      SELECT gc.id, gc.model_id, gc.customer_id, gc.from_grade, gc.to_grade, gc.score, gc.cause, gc.run_id, gc.at,
             m.key AS model_key, m.name_zh, m.name_en, l.codes, l.names, l.method,
             c.code AS customer_code, c.name AS customer_name, c.owner_id, c.team_id
      FROM grade_changes gc
      JOIN grading_models m ON m.id = gc.model_id
      LEFT JOIN grading_runs r ON r.id = gc.run_id
      JOIN ladders l ON l.model_id = gc.model_id AND l.version = COALESCE(r.version, m.current_version)
      JOIN customers c ON c.id = gc.customer_id AND c.deleted_at IS NULL
      WHERE gc.model_id = ${modelId} AND ${where}
    ),
    coded AS (
      SELECT ch.*, ch.codes[ch.from_grade + 1] AS from_code, ch.codes[ch.to_grade + 1] AS to_code,
             ch.method = ANY(${[...unrankedMethods]}::text[]) AS unranked,
             CASE ch.method WHEN 'lifecycle' THEN ${[...churnRiskCodes.lifecycle]}::text[]
                            WHEN 'rfm' THEN ${[...churnRiskCodes.rfm]}::text[]
                            ELSE '{}'::text[] END AS risk_codes
      FROM changes ch
    ),
    events AS (
      SELECT ch.*, k.kind
      FROM coded ch
      CROSS JOIN LATERAL (VALUES
        (CASE WHEN NOT ch.unranked AND ch.to_grade < ch.from_grade THEN 'upgrade' END),
        (CASE WHEN NOT ch.unranked AND ch.to_grade > ch.from_grade THEN 'downgrade' END),
        (CASE WHEN NOT ch.unranked AND ch.to_grade = 0 AND ch.from_grade IS DISTINCT FROM 0 THEN 'entered_top' END),
        (CASE WHEN NOT ch.unranked AND ch.from_grade = 0 AND ch.to_grade IS DISTINCT FROM 0 THEN 'left_top' END),
        (CASE WHEN ch.to_code = ANY(ch.risk_codes) AND NOT COALESCE(ch.from_code = ANY(ch.risk_codes), false)
              THEN 'churn_risk' END)
      ) AS k(kind)
      WHERE k.kind IS NOT NULL
    ),
    payloads AS (
      SELECT e.id AS change_id, e.model_id, e.customer_id, e.owner_id, e.team_id, e.kind,
             jsonb_build_object(
               'changeId', e.id, 'at', e.at, 'cause', e.cause, 'runId', e.run_id, 'score', e.score,
               'model', jsonb_build_object('id', e.model_id, 'key', e.model_key,
                                           'name', jsonb_build_object('zh-CN', e.name_zh, 'en-US', e.name_en)),
               'customer', jsonb_build_object('id', e.customer_id, 'code', e.customer_code, 'name', e.customer_name),
               'from', CASE WHEN e.from_grade IS NULL THEN NULL ELSE jsonb_build_object(
                          'index', e.from_grade, 'code', e.from_code, 'name', e.names[e.from_grade + 1]) END,
               'to', CASE WHEN e.to_grade IS NULL THEN NULL ELSE jsonb_build_object(
                        'index', e.to_grade, 'code', e.to_code, 'name', e.names[e.to_grade + 1]) END
             ) AS payload
      FROM events e
    ),
    recipients AS (
      SELECT DISTINCT p.change_id, p.kind, r.user_id
      FROM payloads p
      ${ownerAndTeamManager}
    ),
    inserted_alerts AS (
      INSERT INTO alerts (user_id, kind, model_id, customer_id, change_id, payload)
      SELECT r.user_id, p.kind, p.model_id, p.customer_id, p.change_id, p.payload
      FROM recipients r JOIN payloads p ON p.change_id = r.change_id AND p.kind = r.kind
      ON CONFLICT (change_id, kind, user_id) DO NOTHING
      RETURNING 1
    ),
    inserted_deliveries AS (
      INSERT INTO webhook_deliveries (webhook_id, event, payload)
      SELECT w.id, 'grade.' || p.kind, p.payload
      FROM payloads p JOIN webhooks w ON w.active AND ('grade.' || p.kind) = ANY(w.events)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM payloads) AS events,
           (SELECT count(*) FROM inserted_alerts) AS alerts,
           (SELECT count(*) FROM inserted_deliveries) AS deliveries`.execute(db);
  const counts = rows[0];
  return {
    events: Number(counts?.events ?? 0),
    alerts: Number(counts?.alerts ?? 0),
    deliveries: Number(counts?.deliveries ?? 0),
  };
}

/** Grade changes (`gc`) of one model that events are raised for. */
export interface GradeChangeSelection {
  readonly modelId: number;
  readonly where: RawBuilder<boolean>;
}

export const changesOfRun = (modelId: number, runId: number): GradeChangeSelection => ({
  modelId,
  where: sql<boolean>`gc.run_id = ${runId}`,
});

export const changesById = (modelId: number, changeIds: readonly number[]): GradeChangeSelection => ({
  modelId,
  where: sql<boolean>`gc.id = ANY(${[...changeIds]}::bigint[])`,
});
