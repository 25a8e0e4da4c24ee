import type { ExportFormat } from '../../../shared/components/ExportMenu';
import { api, buildQuery, type ItemList, type Page } from '../../../shared/api/client';
import { runResultsQuery, type RunResultsFilter } from '../resultsFilter';

/** A text in both interface languages, as the engine stores names. */
export interface Localised {
  'zh-CN': string;
  'en-US': string;
}

export interface Grade {
  code: string;
  name: Localised;
  color?: string | null;
}

export type NormaliserSpec =
  | { kind: 'percentile'; nulls?: 'first' | 'last' | 'policy' }
  | { kind: 'minmax' }
  | { kind: 'log-minmax' }
  | { kind: 'zscore'; clip?: number }
  | { kind: 'bins'; edges: number[]; scores: number[] }
  | { kind: 'category'; map: Record<string, number>; otherwise?: number };
export type NormaliserKind = NormaliserSpec['kind'];

export interface FactorSpec {
  id: string;
  name?: Localised;
  metric?: string;
  normaliser?: NormaliserSpec;
  direction?: 'higher-is-better' | 'lower-is-better';
  weight: number;
  nullPolicy?: 'zero' | 'median' | 'exclude';
  factors?: FactorSpec[];
}

/** The engine's model JSON (src/engine/model/schema.ts); methods other than the two score methods pass through. */
export interface ModelDefinition {
  name: Localised;
  windowMonths?: number;
  costPerContact?: number;
  lateness?: string;
  population?: Record<string, unknown>;
  factors: FactorSpec[];
  method: { kind: string; thresholds?: number[]; quotas?: number[]; ties?: string; [key: string]: unknown };
  ladder: Grade[];
  stability?: { downgradeAfter: number; downgradeMargin: number };
}

/** The model-wide settings a factor's values depend on (window, lateness, contact cost, population filter). */
export type FactorPreviewContext = Pick<
  ModelDefinition,
  'windowMonths' | 'costPerContact' | 'lateness' | 'population'
>;

export interface FactorPreviewRequest extends FactorPreviewContext {
  metric: string;
  normaliser: NormaliserSpec;
  direction?: FactorSpec['direction'];
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface FactorPreview {
  asOf: string;
  population: number;
  raw:
    | { kind: 'numeric'; bins: HistogramBin[]; nulls: number }
    | { kind: 'category'; categories: { value: string; count: number }[]; others: number; nulls: number };
  score: { bins: HistogramBin[]; nulls: number };
}

export interface GradingModel {
  id: number;
  key: string;
  name: Localised;
  active: boolean;
  currentVersion: number;
  schedule: string | null;
  scheduleTimezone: string;
  method: string;
  ladder: Grade[];
  definition: ModelDefinition;
  latestRunId: number | null;
  updatedAt: string;
  versions?: { version: number; note: string | null; createdAt: string; createdBy: string | null }[];
}

export interface Metric {
  id: string;
  unit: 'currency' | 'days' | 'count' | 'ratio' | 'percent' | 'category' | 'date';
  name: Localised;
  higherIsBetter: boolean;
  step: number;
}

export interface RunTimings {
  readMs?: number;
  computeMs?: number;
  writeMs?: number;
  totalMs?: number;
}

export interface Run {
  id: number;
  modelId: number;
  version: number;
  asOf: string;
  trigger: 'manual' | 'schedule' | 'cli' | 'api';
  startedAt: string;
  finishedAt: string;
  population: number;
  distribution: { grade: number; count: number }[];
  timings: RunTimings;
  previousRunId: number | null;
  /** The grade ladder of the model version the run was computed with (on the single run's view). */
  ladder?: Grade[];
}

export interface RunSummary {
  runId: number;
  modelId: number;
  version: number;
  asOf: string;
  population: number;
  changed: number;
  timings: RunTimings;
}

/** A customer's result in a run; the grade fields are null for a customer the compared run graded and this one no longer does. */
export interface RunResult {
  customerId: number;
  code: string;
  name: string;
  ownerName: string | null;
  grade: number | null;
  computedGrade: number | null;
  status: 0 | 1 | 2 | null;
  score: number | null;
  rfmCode: number | null;
  /** Grade and score in the compared run (`against`); null when not compared or not graded there. */
  previousGrade: number | null;
  previousScore: number | null;
}

export interface MigrationCell {
  from: number;
  to: number;
  count: number;
}

export interface WhatIf {
  asOf: string;
  ladders: { before: Grade[]; after: Grade[] };
  migration: number[][];
  before: { code: string; name: Localised; count: number; share: number }[];
  after: { code: string; name: Localised; count: number; share: number }[];
  moved: number;
  movers: { customerId: number; code: string; name: string; from: string | null; to: string | null }[];
}

export type GradeStatus = 'computed' | 'held' | 'override';

export interface CustomerGrade {
  modelId: number;
  modelKey: string;
  modelName: Localised;
  ladder: Grade[];
  grade: string | null;
  gradeIndex: number | null;
  score: number | null;
  rfmCode: number | null;
  status: GradeStatus | null;
  cause: string | null;
  since: string | null;
  override: { grade: string; reason: string; expiresOn: string | null } | null;
}

export interface GradeChange {
  id: number;
  modelId: number;
  at: string;
  fromGrade: number | null;
  toGrade: number | null;
  score: number | null;
  cause: 'run' | 'instant' | 'override' | 'override_expired';
  runId: number | null;
  asOf: string | null;
}

export interface Suggestion {
  path: string;
  metric: string;
  from: number | string | null;
  to: number | string;
  change: number;
  text: Localised;
}

export interface Explanation {
  customerId: number;
  grade: { code: string; name: Localised };
  score: number;
  factors: {
    path: string;
    depth: number;
    name: Localised;
    metric?: string;
    unit?: Metric['unit'];
    raw?: number | string | null;
    score: number | null;
    weight: number;
    contribution: number | null;
  }[];
  boundaries: { code: string; name: Localised; minScore: number | null }[];
  nextGrade: {
    code: string;
    name: Localised;
    score: number;
    suggestions: Suggestion[];
    best: Suggestion | null;
    text: Localised;
  } | null;
  asOf: string;
  runId: number;
}

export interface OverrideInput {
  grade: string;
  reason: string;
  expiresOn?: string | null;
}

export const gradingApi = {
  models: () => api.get<ItemList<GradingModel>>('/grading/models'),
  model: (id: number) => api.get<GradingModel>(`/grading/models/${id}`),
  metrics: () => api.get<ItemList<Metric>>('/grading/metrics'),
  addVersion: (id: number, definition: ModelDefinition, note?: string) =>
    api.post<GradingModel>(`/grading/models/${id}/versions`, { definition, note: note || null }),
  changeModel: (
    id: number,
    change: { active?: boolean; schedule?: string | null; currentVersion?: number },
  ) => api.patch<GradingModel>(`/grading/models/${id}`, change),
  whatIf: (id: number, definition: ModelDefinition) =>
    api.post<WhatIf>(`/grading/models/${id}/what-if`, { definition }),
  previewFactor: (request: FactorPreviewRequest) =>
    api.post<FactorPreview>('/grading/models/preview-factor', request),
  startRun: (modelId: number, asOf?: string) =>
    api.post<RunSummary>(`/grading/models/${modelId}/runs`, asOf ? { asOf } : {}),
  runs: (modelId?: number) => api.get<ItemList<Run>>(`/grading/runs${buildQuery({ modelId, limit: 100 })}`),
  run: (id: number) => api.get<Run>(`/grading/runs/${id}`),
  /** The run's results the filter keeps in the caller's scope, each factor's score beside the grade. */
  runExportUrl: (id: number, format: ExportFormat, filter: RunResultsFilter = {}) =>
    `/api/exports/runs/${id}${runResultsQuery(filter, { format })}`,
  historyExportUrl: (query: { customerId?: number; modelId?: number }, format: ExportFormat) =>
    `/api/exports/grade-history${buildQuery({ ...query, format })}`,
  results: (id: number, filter: RunResultsFilter, page: { cursor?: string; limit: number }) =>
    api.get<Page<RunResult>>(`/grading/runs/${id}/results${runResultsQuery(filter, page)}`),
  verify: (id: number) =>
    api.post<{ identical: boolean; differences: number; sample: unknown[] }>(`/grading/runs/${id}/verify`),
  customerGrades: (customerId: number) => api.get<ItemList<CustomerGrade>>(`/customers/${customerId}/grades`),
  gradeHistory: (customerId: number) =>
    api.get<ItemList<GradeChange>>(`/customers/${customerId}/grades/history`),
  explanation: (customerId: number, modelId: number) =>
    api.get<Explanation>(`/customers/${customerId}/grades/${modelId}/explanation`),
  setOverride: (customerId: number, modelId: number, input: OverrideInput) =>
    api.put<unknown>(`/customers/${customerId}/grades/${modelId}/override`, input),
  removeOverride: (customerId: number, modelId: number) =>
    api.delete(`/customers/${customerId}/grades/${modelId}/override`),
};
