import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';
import { matchesFunnelFilter, tables, weightedAmount } from './opportunity.repository.js';
import type { FunnelFilter } from './opportunity.schema.js';

/** The opportunities a funnel counts: in the caller's scope, of the owner/team asked for, created in the period. */
function scopedOpportunityIds(db: Db, actor: Actor, filter: FunnelFilter) {
  return tables(db)
    .selectFrom('opportunities')
    .innerJoin('customers', 'customers.id', 'opportunities.customer_id')
    .select('opportunities.id')
    .where('opportunities.customer_id', 'in', visibleCustomerIds(db, actor))
    .where(matchesFunnelFilter(filter));
}

export interface StageFigures {
  readonly stage: string;
  readonly count: number;
  readonly amount: string;
  readonly weightedAmount: string;
}

/** Count, amount and weighted amount of the opportunities by the stage they are in now. */
export function figuresByCurrentStage(db: Db, actor: Actor, filter: FunnelFilter): Promise<StageFigures[]> {
  return tables(db)
    .selectFrom('opportunities')
    .innerJoin('opportunity_stages', 'opportunity_stages.code', 'opportunities.stage')
    .where('opportunities.id', 'in', scopedOpportunityIds(db, actor, filter))
    .groupBy('opportunities.stage')
    .select([
      'opportunities.stage as stage',
      sql<number>`count(*)::int`.as('count'),
      sql<string>`sum(opportunities.amount)::text`.as('amount'),
      sql<string>`sum(${weightedAmount})::text`.as('weightedAmount'),
    ])
    .execute();
}

/**
 * How many opportunities have the furthest progression stage (by sort, "lost" excluded) they ever reached at each
 * sort position, from their stage history and their current stage.
 */
export async function furthestReachedCounts(
  db: Db,
  actor: Actor,
  filter: FunnelFilter,
): Promise<Map<number, number>> {
  const ids = scopedOpportunityIds(db, actor, filter);
  const result = await sql<{ furthest: number; count: number }>`
    SELECT furthest, count(*)::int AS count
    FROM (
      SELECT visited.opportunity_id, max(s.sort) AS furthest
      FROM (
        SELECT opportunity_id, to_stage AS stage FROM opportunity_stage_history WHERE opportunity_id IN (${ids})
        UNION ALL
        SELECT id, stage FROM opportunities WHERE id IN (${ids})
      ) visited
      JOIN opportunity_stages s ON s.code = visited.stage AND s.outcome <> 'lost'
      GROUP BY visited.opportunity_id
    ) per_opportunity
    GROUP BY furthest`.execute(db);
  return new Map(result.rows.map((row) => [Number(row.furthest), row.count]));
}

/** Mean days between entering a stage and the next stage change, over the stays that have ended. */
export async function averageDaysInStage(
  db: Db,
  actor: Actor,
  filter: FunnelFilter,
): Promise<Map<string, number>> {
  const ids = scopedOpportunityIds(db, actor, filter);
  const result = await sql<{ stage: string; days: number }>`
    SELECT stage, avg(extract(epoch FROM left_at - entered_at) / 86400)::float8 AS days
    FROM (
      SELECT to_stage AS stage, at AS entered_at,
             lead(at) OVER (PARTITION BY opportunity_id ORDER BY at, id) AS left_at
      FROM opportunity_stage_history
      WHERE opportunity_id IN (${ids})
    ) stays
    WHERE left_at IS NOT NULL
    GROUP BY stage`.execute(db);
  return new Map(result.rows.map((row) => [row.stage, Number(row.days)]));
}
