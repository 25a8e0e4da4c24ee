import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../db/connect.js';
import type { Bilingual } from '../../server/messages.js';
import type { Actor } from '../auth/actor.js';
import { ImportCancelled, runImport, type ImportRequest, type ImportResult } from './pipeline.js';
import { SheetNotFound, SourceError } from './source.js';
import { fieldsOf, type ImportEntity } from './fields.js';
import { MappingError } from './mapping.js';
import { UPLOAD_TTL_MS } from './uploads.js';

export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ImportJob {
  readonly id: string;
  readonly ownerId: number;
  readonly request: ImportRequest;
  readonly startedAt: number;
  state: JobState;
  rows: number;
  fraction: number;
  finishedAt: number | null;
  result: ImportResult | null;
  /** Why a failed job failed, for the person who started it. */
  error: Bilingual | null;
  readonly controller: AbortController;
  /** Settles when the job ends, whatever its state. */
  readonly done: Promise<void>;
}

const jobs = new Map<string, ImportJob>();

/**
 * Runs an import in the background of this process. Progress is polled; a cancel aborts the transaction, so a
 * cancelled job has written nothing.
 */
export function startImportJob(
  handle: DatabaseHandle,
  actor: Actor,
  request: ImportRequest,
  now: () => Date = () => new Date(),
): ImportJob {
  forgetFinished();
  const controller = new AbortController();
  const job = {
    id: randomUUID(),
    ownerId: actor.id,
    request,
    startedAt: Date.now(),
    state: 'running' as JobState,
    rows: 0,
    fraction: 0,
    finishedAt: null as number | null,
    result: null as ImportResult | null,
    error: null as Bilingual | null,
    controller,
  };
  const done = runImport(handle, actor, request, {
    signal: controller.signal,
    now,
    onProgress: (progress) => {
      job.rows = progress.rows;
      job.fraction = progress.fraction;
    },
  })
    .then(
      (result) => {
        Object.assign(job, { state: 'succeeded', result, fraction: 1, rows: result.rows });
      },
      (error: unknown) => {
        Object.assign(job, {
          state: error instanceof ImportCancelled ? 'cancelled' : 'failed',
          error: error instanceof ImportCancelled ? null : failureMessage(error, request.entity),
        });
      },
    )
    .finally(() => {
      job.finishedAt = Date.now();
    });
  const registered: ImportJob = Object.assign(job, { done });
  jobs.set(registered.id, registered);
  return registered;
}

/** A failure caused by the file or the mapping given, not by Stratum: the person can act on its reason. */
export const isInputFailure = (error: unknown) =>
  error instanceof MappingError || error instanceof SourceError;

/** A failed job's reason in both languages; the technical detail of an unreadable file is kept in brackets. */
export function failureMessage(error: unknown, entity: ImportEntity): Bilingual {
  if (error instanceof MappingError) {
    const field = fieldsOf(entity).find((spec) => spec.key === error.field)?.label ?? {
      'zh-CN': error.field,
      'en-US': error.field,
    };
    return {
      'zh-CN': `字段“${field['zh-CN']}”对应的列“${error.column}”不在文件中`,
      'en-US': `the column “${error.column}” mapped to the field “${field['en-US']}” is not in the file`,
    };
  }
  if (error instanceof SheetNotFound)
    return {
      'zh-CN': `文件中没有名为“${error.sheet}”的工作表`,
      'en-US': `the workbook has no sheet named “${error.sheet}”`,
    };
  const detail = (error as Error).message;
  if (error instanceof SourceError)
    return { 'zh-CN': `文件无法读取（${detail}）`, 'en-US': `the file cannot be read (${detail})` };
  return { 'zh-CN': `导入失败（${detail}）`, 'en-US': `the import failed (${detail})` };
}

export function findJob(id: string, actor: Actor): ImportJob | undefined {
  const job = jobs.get(id);
  if (!job || (job.ownerId !== actor.id && actor.role !== 'admin')) return undefined;
  return job;
}

export function cancelJob(job: ImportJob): void {
  if (job.state === 'running') job.controller.abort();
}

/** Rows per second and the seconds left, from the rows and the share of the file read so far. */
export function jobProgress(job: ImportJob, now = Date.now()) {
  const seconds = Math.max(0.001, ((job.finishedAt ?? now) - job.startedAt) / 1000);
  const rowsPerSecond = Math.round(job.rows / seconds);
  const etaSeconds =
    job.state !== 'running'
      ? 0
      : job.fraction > 0
        ? Math.round((seconds * (1 - job.fraction)) / job.fraction)
        : null;
  return { rows: job.rows, fraction: job.fraction, rowsPerSecond, etaSeconds };
}

function forgetFinished(): void {
  const cutoff = Date.now() - UPLOAD_TTL_MS;
  for (const [id, job] of jobs) if (job.finishedAt !== null && job.finishedAt < cutoff) jobs.delete(id);
}
