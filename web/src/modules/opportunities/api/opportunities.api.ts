import { api, buildQuery, type Page } from '../../../shared/api/client';
import type { ExportFormat } from '../../../shared/components/ExportMenu';

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

export type Stage = Pick<FunnelStage, 'code' | 'nameZh' | 'nameEn' | 'probability' | 'sort' | 'outcome'>;

export interface Opportunity {
  id: number;
  customerId: number;
  customerName: string;
  name: string;
  amount: string;
  stage: string;
  probability: number | null;
  effectiveProbability: number;
  weightedAmount: string;
  expectedCloseDate: string | null;
  ownerId: number | null;
  ownerName: string | null;
  lostReason: string | null;
  note: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** One move of an opportunity; the first has no `fromStage` (the stage it was created in). */
export interface StageChange {
  fromStage: string | null;
  toStage: string;
  at: string;
  by: number | null;
  byName: string | null;
}

/** The opportunity list's query: the funnel's filters, a stage, open or closed, and the page. */
export type OpportunitySortKey = 'createdAt' | 'amount' | 'weightedAmount' | 'expectedCloseDate';

export interface OpportunityListParams extends FunnelFilter {
  stage?: string;
  open?: 'true' | 'false';
  sort?: OpportunitySortKey;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export type StageInput = Partial<Pick<Stage, 'nameZh' | 'nameEn' | 'probability' | 'sort'>>;

export const opportunitiesApi = {
  funnel: (filter: FunnelFilter) => api.get<Funnel>(`/funnel${buildQuery({ ...filter })}`),
  stages: () => api.get<Stage[]>('/opportunity-stages'),
  /** The whole list the filters match, not the page on screen. */
  exportUrl: ({ cursor: _cursor, limit: _limit, ...filters }: OpportunityListParams, format: ExportFormat) =>
    `/api/exports/opportunities${buildQuery({ ...filters, format })}`,
  list: (params: OpportunityListParams) =>
    api.get<Page<Opportunity>>(`/opportunities${buildQuery({ ...params })}`),
  create: (input: Record<string, unknown>) => api.post<Opportunity>('/opportunities', input),
  update: (id: number, input: Record<string, unknown>) =>
    api.patch<Opportunity>(`/opportunities/${id}`, input),
  stageHistory: (id: number) => api.get<StageChange[]>(`/opportunities/${id}/stage-history`),
  updateStage: (code: string, input: StageInput) =>
    api.patch<Stage>(`/opportunity-stages/${encodeURIComponent(code)}`, input),
};

export const stageName = (stage: Pick<FunnelStage, 'nameZh' | 'nameEn'>, language: string) =>
  language.startsWith('zh') ? stage.nameZh : stage.nameEn;
