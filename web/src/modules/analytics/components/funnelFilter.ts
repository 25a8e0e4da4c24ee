import type { FunnelFilter } from '../../opportunities/api/opportunities.api';
import type { AnalyticsFilter } from '../api/analytics.api';

/**
 * The funnel API narrows by one owner or one team (opportunities have no province or industry of their own), so the
 * dashboard passes a single chosen owner or team through and says when the funnel is wider than the other charts.
 */
export function funnelFilterOf(filter: AnalyticsFilter): { funnel: FunnelFilter; wider: boolean } {
  const single = (ids: number[] | undefined) => (ids?.length === 1 ? ids[0] : undefined);
  const funnel: FunnelFilter = {};
  const ownerId = single(filter.ownerId);
  const teamId = single(filter.teamId);
  if (ownerId !== undefined) funnel.ownerId = ownerId;
  if (teamId !== undefined) funnel.teamId = teamId;
  const wider =
    (filter.ownerId?.length ?? 0) > 1 ||
    (filter.teamId?.length ?? 0) > 1 ||
    (filter.province?.length ?? 0) > 0 ||
    (filter.industry?.length ?? 0) > 0;
  return { funnel, wider };
}
