import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { isAdmin, type Actor } from '../auth/actor.js';
import { buildFunnel } from './funnel.js';
import { averageDaysInStage, figuresByCurrentStage, furthestReachedCounts } from './funnel.repository.js';
import { toStageView } from './opportunity.mapper.js';
import { findStage, listStages, updateStage } from './opportunity.repository.js';
import type { FunnelFilter, FunnelView, StageUpdateInput, StageView } from './opportunity.schema.js';

export async function listOpportunityStages(db: Db): Promise<StageView[]> {
  return (await listStages(db)).map(toStageView);
}

/** Names, default probability and order of a stage are the company's to set; the outcome of a stage is fixed. */
export async function updateOpportunityStage(
  db: Db,
  actor: Actor,
  code: string,
  input: StageUpdateInput,
): Promise<StageView> {
  if (!isAdmin(actor)) throw AppError.forbidden();
  const current = await findStage(db, code);
  if (!current) throw AppError.notFound();
  const updated = await updateStage(db, code, {
    name_zh: input.nameZh,
    name_en: input.nameEn,
    probability: input.probability === undefined ? undefined : String(input.probability),
    sort: input.sort,
  });
  await recordAudit(db, {
    actorId: actor.id,
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
