import type { BulkSession } from './bulk-writer.js';

/**
 * The demo company's sales pipeline, written set-based after the customers (so it costs the same at any scale and
 * depends only on the customer ids and the as-of date): seven in ten prospects (target and intent customers) have an
 * opportunity somewhere along the source material's six steps, or lost; one in five customers who already buy has
 * a repeat or expansion deal, most of them won. Every opportunity gets the stage history that led to its stage,
 * spread evenly between its creation and its close (or the as-of day), so the funnel's conversions and days in
 * stage have something to show, and the prospect grade reads the open opportunities' close dates.
 *
 * `h` is a multiplicative hash of the customer id: stable rolls without a random stream.
 */
const OPPORTUNITIES = `
  WITH rolled AS (
    SELECT c.id, c.owner_id, c.lifecycle_stage IN ('target', 'intent') AS prospect, c.expected_close_date,
           coalesce(c.short_name, c.name) AS label, (c.id::bigint * 2654435761) % 4294967296 AS h
    FROM customers c
    WHERE c.id > $1 AND c.deleted_at IS NULL
  ), chosen AS (
    SELECT r.*, (r.h / 10 % 1000)::int AS roll, (r.h / 10000 % 1000)::int AS age,
           CASE
             WHEN r.prospect THEN CASE
               WHEN r.h / 10 % 1000 < 300 THEN 'lead'
               WHEN r.h / 10 % 1000 < 550 THEN 'first_visit'
               WHEN r.h / 10 % 1000 < 750 THEN 'need_confirmed'
               WHEN r.h / 10 % 1000 < 870 THEN 'proposal_accepted'
               WHEN r.h / 10 % 1000 < 950 THEN 'commercial'
               ELSE 'lost' END
             ELSE CASE
               WHEN r.h / 10 % 1000 < 600 THEN 'won'
               WHEN r.h / 10 % 1000 < 720 THEN 'commercial'
               WHEN r.h / 10 % 1000 < 820 THEN 'proposal_accepted'
               ELSE 'lost' END
           END AS stage
    FROM rolled r
    WHERE r.h % 10 < CASE WHEN r.prospect THEN 7 ELSE 2 END
  ), dated AS (
    SELECT ch.*, ($2::date - (20 + ch.age % 280)) AS created_day,
           ch.stage IN ('won', 'lost') AS closed
    FROM chosen ch
  )
  INSERT INTO opportunities
    (customer_id, name, amount, stage, expected_close_date, owner_id, lost_reason, created_at, updated_at, closed_at)
  SELECT d.id,
         d.label || ' · ' || (ARRAY['设备采购', '产线改造', '年度框架协议', '备件补货', '技术升级'])[1 + (d.h % 5)::int],
         round((20000 + d.h / 7 % 980000)::numeric, -3),
         d.stage,
         CASE WHEN d.closed THEN d.created_day + (d.age % 19) * (($2::date - d.created_day) / 19)
              ELSE greatest(coalesce(d.expected_close_date, $2::date + 15 + d.roll % 300), $2::date + 1) END,
         d.owner_id,
         CASE WHEN d.stage = 'lost'
              THEN (ARRAY['价格高于竞品', '客户预算取消', '交期不满足', '选择了原供应商'])[1 + (d.h / 3 % 4)::int] END,
         (d.created_day + time '10:00') AT TIME ZONE 'Asia/Shanghai',
         (d.created_day + time '10:00') AT TIME ZONE 'Asia/Shanghai',
         CASE WHEN d.closed
              THEN (d.created_day + (d.age % 19) * (($2::date - d.created_day) / 19) + time '16:00')
                   AT TIME ZONE 'Asia/Shanghai' END
  FROM dated d`;

/**
 * The path each demo opportunity took: the open stages up to the furthest it reached (all of them for a won deal;
 * a lost deal reached one of the first four), then the won or lost step at its close. Steps are spaced evenly from
 * the creation to the close or the as-of day.
 */
const STAGE_HISTORY = `
  WITH journey AS (
    SELECT o.id, o.customer_id, o.owner_id, o.stage, o.created_at,
           coalesce(o.closed_at, ($2::date + time '18:00') AT TIME ZONE 'Asia/Shanghai') AS ended_at,
           CASE WHEN o.stage = 'won' THEN 50
                WHEN o.stage = 'lost' THEN (ARRAY[10, 20, 30, 40])[1 + o.id % 4]
                ELSE (SELECT sort FROM opportunity_stages WHERE code = o.stage) END AS reached
    FROM opportunities o
    WHERE o.customer_id > $1
  ), steps AS (
    SELECT j.id, j.customer_id, j.owner_id, s.code, s.sort, j.created_at, j.ended_at,
           count(*) OVER (PARTITION BY j.id) AS total,
           row_number() OVER (PARTITION BY j.id ORDER BY s.sort) AS k
    FROM journey j
    JOIN opportunity_stages s
      ON (s.outcome = 'open' AND s.sort <= j.reached) OR (s.outcome <> 'open' AND s.code = j.stage)
  )
  INSERT INTO opportunity_stage_history (opportunity_id, customer_id, from_stage, to_stage, at, by)
  SELECT id, customer_id, lag(code) OVER (PARTITION BY id ORDER BY sort), code,
         CASE WHEN k = 1 THEN created_at
              WHEN k = total AND code IN ('won', 'lost') THEN ended_at
              ELSE created_at + (ended_at - created_at) * (k - 1) / total END,
         owner_id
  FROM steps`;

/** Writes the pipeline of the customers with ids above `afterCustomerId`; returns how many opportunities. */
export async function seedOpportunities(
  session: BulkSession,
  afterCustomerId: number,
  asOf: string,
): Promise<number> {
  await session.query(OPPORTUNITIES, [afterCustomerId, asOf]);
  await session.query(STAGE_HISTORY, [afterCustomerId, asOf]);
  const [row] = await session.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM opportunities WHERE customer_id > $1',
    [afterCustomerId],
  );
  return row?.count ?? 0;
}
