import { api, buildQuery } from '../../../shared/api/client';

export interface FunnelFilter {
  ownerId?: number;
  teamId?: number;
  from?: string;
  to?: string;
}

export interface FunnelStage {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Default win probability of the stage, percent. */
  probability: number;
  sort: number;
  outcome: 'open' | 'won' | 'lost';
  count: number;
  amount: string;
  weightedAmount: string;
  reached: number;
  conversionToNext: number | null;
  averageDaysInStage: number | null;
}

export interface Funnel {
  stages: FunnelStage[];
  totals: {
    count: number;
    amount: string;
    weightedAmount: string;
    openCount: number;
    openAmount: string;
    openWeightedAmount: string;
  };
}

export const opportunitiesApi = {
  funnel: (filter: FunnelFilter) => api.get<Funnel>(`/funnel${buildQuery({ ...filter })}`),
};

export const stageName = (stage: Pick<FunnelStage, 'nameZh' | 'nameEn'>, language: string) =>
  language.startsWith('zh') ? stage.nameZh : stage.nameEn;
