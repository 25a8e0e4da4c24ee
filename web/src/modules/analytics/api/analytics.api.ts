import { api, buildQuery } from '../../../shared/api/client';
import type { Grade, Localised, MigrationCell } from '../../grading/api/grading.api';

export interface AnalyticsFilter {
  teamId?: number[];
  ownerId?: number[];
  province?: string[];
  industry?: string[];
}

export interface GradeFigures {
  grade: number;
  code: string;
  name: Localised;
  color: string;
  count: number;
  share: number | null;
  sales: string;
  profit: string;
  salesShare: number | null;
  profitShare: number | null;
  churnRate: number | null;
  repeatRate: number | null;
  avgCycleDays: number | null;
  contactsPerCustomer: number | null;
}

export interface LorenzPoint {
  customers: number;
  value: number;
}

export interface Concentration {
  total: string;
  gini: number | null;
  points: LorenzPoint[];
}

export const compositionDimensions = [
  'industry',
  'province',
  'sizeBand',
  'nature',
  'type',
  'lifecycle',
] as const;
export type CompositionDimension = (typeof compositionDimensions)[number];

export interface RunAnalytics {
  runId: number;
  modelId: number;
  version: number;
  asOf: string;
  previousRunId: number | null;
  windowMonths: number;
  ladder: Grade[];
  population: number;
  totals: { sales: string; profit: string };
  grades: GradeFigures[];
  concentration: { sales: Concentration; profit: Concentration };
  composition: Record<CompositionDimension, { key: string | null; counts: number[]; total: number }[]>;
}

export interface Trend {
  ladder: Grade[];
  runs: { runId: number; asOf: string; version: number; counts: number[] }[];
}

export interface FilteredMigration {
  fromRunId: number;
  toRunId: number;
  ladders: { from: Grade[]; to: Grade[] };
  cells: MigrationCell[];
}

/** The dashboard's filters as a query string, with any other parameters of the request. */
export const analyticsQuery = (
  filter: AnalyticsFilter,
  extra: Record<string, number | string | undefined> = {},
) =>
  buildQuery({
    ...extra,
    teamId: filter.teamId?.map(String),
    ownerId: filter.ownerId?.map(String),
    province: filter.province,
    industry: filter.industry,
  });

export const analyticsApi = {
  summary: (runId: number, filter: AnalyticsFilter) =>
    api.get<RunAnalytics>(`/analytics/runs/${runId}/summary${analyticsQuery(filter)}`),
  trend: (modelId: number, filter: AnalyticsFilter) =>
    api.get<Trend>(`/analytics/trend${analyticsQuery(filter, { modelId })}`),
  migration: (fromRunId: number, toRunId: number, filter: AnalyticsFilter) =>
    api.get<FilteredMigration>(`/analytics/migration${analyticsQuery(filter, { fromRunId, toRunId })}`),
};
