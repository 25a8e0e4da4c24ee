import { api, buildQuery } from '../../../shared/api/client';
import type { AnalyticsFilter } from '../../analytics/api/analytics.api';
import type { Localised } from '../../grading/api/grading.api';

export type ChurnReason = 'low_p_alive' | 'overdue';

export interface CustomerForecast {
  customerId: number;
  forecast: {
    asOf: string;
    runId: number | null;
    pAlive: number | null;
    expectedPurchases12m: number | null;
    clv12m: string | null;
    churnRisk: boolean;
    churnReason: ChurnReason | null;
    updatedAt: string;
  } | null;
}

export interface ClvGrade {
  index: number;
  code: string;
  name: Localised;
  color: string | null;
  customers: number;
  /** min, lower quartile, median, upper quartile, max. */
  box: string[] | null;
  mean: string | null;
}

export interface ClvByGrade {
  modelId: number;
  grades: ClvGrade[];
}

export interface GrowableCustomer {
  customerId: number;
  code: string;
  name: string;
  ownerName: string | null;
  grade: { index: number; code: string; name: Localised };
  clv12m: string;
  pAlive: number | null;
  expectedPurchases12m: number | null;
}

export interface Growable {
  threshold: string | null;
  items: GrowableCustomer[];
}

const query = (modelId: number, filter: AnalyticsFilter) =>
  buildQuery({
    modelId,
    teamId: filter.teamId?.map(String),
    ownerId: filter.ownerId?.map(String),
    province: filter.province,
    industry: filter.industry,
  });

export const clvApi = {
  forecast: (customerId: number) => api.get<CustomerForecast>(`/customers/${customerId}/forecast`),
  byGrade: (modelId: number, filter: AnalyticsFilter) =>
    api.get<ClvByGrade>(`/clv/by-grade${query(modelId, filter)}`),
  growable: (modelId: number, filter: AnalyticsFilter) =>
    api.get<Growable>(`/clv/growable${query(modelId, filter)}`),
};
