import { api, apiUpload, buildQuery } from '../../../shared/api/client';
import type { ImportEntity } from '../../../shared/enums';

export interface ImportField {
  key: string;
  type: string;
  required?: boolean;
  label: { 'zh-CN': string; 'en-US': string };
}

export interface ColumnMapping {
  column?: string;
}

export type ImportMapping = Record<string, ColumnMapping>;

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
    committed: boolean;
  } | null;
}

export interface JobRequest extends ReadOptions {
  entity: ImportEntity;
  uploadIds: string[];
  mapping: ImportMapping;
  dryRun: boolean;
  skipBadRows: boolean;
  createCustomers?: boolean;
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
};
