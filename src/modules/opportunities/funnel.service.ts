import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { authorId, isAdmin, type Actor } from '../auth/actor.js';
import { buildFunnel } from './funnel.js';
import { averageDaysInStage, figuresByCurrentStage, furthestReachedCounts } from './funnel.repository.js';
import { toStageView } from './opportunity.mapper.js';
import { findStage, listStages, updateStage } from './opportunity.repository.js';
import type { FunnelFilter, FunnelView, StageUpdateInput, StageView } from './opportunity.schema.js';

export async function listOpportunityStages(db: Db): Promise<StageView[]> {
  return (await listStages(db)).map(toStageView);
}

/** A closed stage's probability is its outcome: a won deal is certain, a lost one is not coming. */
const probabilityOfOutcome: Readonly<Record<string, number>> = { won: 100, lost: 0 };

/**
 * Names, default probability and order of a stage are the company's to set; the outcome of a stage, and so the
 * probability of a closed one, is fixed.
 */
export async function updateOpportunityStage(
  db: Db,
  actor: Actor,
  code: string,
  input: StageUpdateInput,
): Promise<StageView> {
  if (!isAdmin(actor)) throw AppError.forbidden();
  const current = await findStage(db, code);
  if (!current) throw AppError.notFound();
  const fixed = probabilityOfOutcome[current.outcome];
  if (fixed !== undefined && input.probability !== undefined && input.probability !== fixed)
    throw AppError.invalid('probability', 'fixed_by_outcome');
  const updated = await updateStage(db, code, {
    name_zh: input.nameZh,
    name_en: input.nameEn,
    probability: input.probability === undefined ? undefined : String(input.probability),
    sort: input.sort,
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'opportunity_stage',
    entityId: code,
    action: 'update',
    before: current,
    after: updated,
  });
  return toStageView(updated);
}

export async function getFunnel(db: Db, actor: Actor, filter: FunnelFilter): Promise<FunnelView> {
  const [stages, figures, furthestReached, daysInStage] = await Promise.all([
    listOpportunityStages(db),
    figuresByCurrentStage(db, actor, filter),
    furthestReachedCounts(db, actor, filter),
    averageDaysInStage(db, actor, filter),
  ]);
  return buildFunnel({ stages, figures, furthestReached, daysInStage });
}
