import { api, apiUpload, buildQuery } from '../../../shared/api/client';
import type { ImportEntity } from '../../../shared/enums';

export interface ImportField {
  key: string;
  type: string;
  required?: boolean;
  label: { 'zh-CN': string; 'en-US': string };
  /** For enum fields: code → the labels accepted besides the code (zh-CN first). */
  values?: Record<string, string[]>;
}

/** Where a field's value comes from (a column, a constant or a text composed of columns) and how it is changed. */
export interface FieldMapping {
  column?: string;
  constant?: string;
  template?: string;
  values?: Record<string, string>;
  part?: 'date' | 'time';
  multiply?: number;
}

export type ImportMapping = Record<string, FieldMapping>;

export interface ImportPreview {
  format: 'text' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  sheets: string[] | null;
  headers: string[];
  rows: string[][];
  mapping: ImportMapping;
}

export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export interface ImportProblem {
  file: string;
  row: number;
  column: string;
  field: string;
  value: string;
  reason: string;
  message: { 'zh-CN': string; 'en-US': string };
}

export interface ImportJob {
  id: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  entity: ImportEntity;
  dryRun: boolean;
  progress: { rows: number; fraction: number; rowsPerSecond: number; etaSeconds: number | null };
  error: string | null;
  result: {
    rows: number;
    badRows: number;
    skippedRows: number;
    problemCount: number;
    problems: ImportProblem[];
    inserted: number;
    updated: number;
    unchanged: number;
    gradeChanges: number;
    committed: boolean;
  } | null;
}

/** What only an order import reads: customers created on the fly, cancellations, a margin where cost is missing. */
export interface EntityOptions {
  createCustomers?: boolean;
  cancelledPrefix?: string;
  skipOrderPrefix?: string;
  assumedMargin?: number;
}

export interface JobRequest extends ReadOptions, EntityOptions {
  entity: ImportEntity;
  uploadIds: string[];
  mapping: ImportMapping;
  dryRun: boolean;
  skipBadRows: boolean;
}

export interface ImportTemplate {
  /** null: shipped with Stratum, read-only. */
  id: number | null;
  name: string;
  entity: ImportEntity;
  mapping: ImportMapping;
  options: ReadOptions & EntityOptions;
}

export const importsApi = {
  upload: (file: File) =>
    apiUpload<{ id: string; name: string; size: number }>(
      `/imports/uploads${buildQuery({ filename: file.name })}`,
      file,
    ),
  preview: (uploadId: string, body: ReadOptions & { entity: ImportEntity }) =>
    api.post<ImportPreview>(`/imports/uploads/${uploadId}/preview`, body),
  fields: (entity: ImportEntity) => api.get<{ items: ImportField[] }>(`/imports/fields/${entity}`),
  start: (request: JobRequest) => api.post<ImportJob>('/imports/jobs', request),
  job: (id: string) => api.get<ImportJob>(`/imports/jobs/${id}`),
  cancel: (id: string) => api.post<ImportJob>(`/imports/jobs/${id}/cancel`),
  problemsUrl: (id: string, format: 'xlsx' | 'csv') => `/api/imports/jobs/${id}/problems?format=${format}`,
  blankUrl: (entity: ImportEntity) => `/api/imports/blank/${entity}`,
  templates: () => api.get<{ items: ImportTemplate[] }>('/imports/templates'),
  saveTemplate: (template: Omit<ImportTemplate, 'id'>) =>
    api.post<{ id: number }>('/imports/templates', template),
  deleteTemplate: (id: number) => api.delete(`/imports/templates/${id}`),
};
