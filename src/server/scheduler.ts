import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { executeRun, type RunSummary } from '../modules/grading/run.service.js';
import { createDeliveryWorker } from '../modules/webhooks/delivery.worker.js';
import { createOutboxWorker } from '../modules/messaging/outbox.worker.js';
import { startPoolRecallJob } from '../modules/pool/pool.job.js';
import type { AppDeps } from './app-env.js';
import { AppError } from './errors.js';

/** The calendar date at an instant in a time zone, 'YYYY-MM-DD': the asOf of a scheduled run. */
export function asOfInTimeZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first instant after `from` at which the cron pattern fires in the time zone; null if it never does. */
export function nextFireTime(pattern: string, timeZone: string, from: Date): Date | null {
  return new Cron(pattern, { timezone: timeZone, paused: true }).nextRun(from);
}

export interface ScheduledModel {
  readonly modelId: number;
  readonly pattern: string;
  readonly timeZone: string;
}

export type FireOutcome =
  | { readonly status: 'ran'; readonly summary: RunSummary }
  | { readonly status: 'already_done' | 'busy' | 'inactive' | 'failed' };

export interface Scheduler {
  /** Re-reads the active models' schedules: new ones start, changed ones restart, removed ones stop. */
  reload(): Promise<readonly ScheduledModel[]>;
  /** What a cron tick does for a model (the jobs call it; tests call it with their own clock). */
  fire(modelId: number): Promise<FireOutcome>;
  start(): Promise<void>;
  stop(): void;
}

export interface SchedulerOptions {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly reloadSeconds?: number;
}

function scheduledModels(db: Kysely<Database>) {
  return db
    .selectFrom('grading_models')
    .select(['id', 'schedule', 'schedule_timezone'])
    .where('active', '=', true)
    .where('schedule', 'is not', null)
    .orderBy('id')
    .execute();
}

/**
 * Runs each active model on its cron schedule, in its time zone, as of that zone's date. A model already run for
 * that date is not run again (a restart at 02:00:30 does not repeat the night's run); a run under way elsewhere is
 * logged and skipped; nothing a job does can throw into the timer.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const jobs = new Map<number, { job: Cron; spec: ScheduledModel }>();
  let reloadTimer: NodeJS.Timeout | undefined;

  async function fire(modelId: number): Promise<FireOutcome> {
    const log = logger.child({ modelId, trigger: 'schedule' });
    try {
      const model = await db
        .selectFrom('grading_models')
        .select(['active', 'schedule_timezone'])
        .where('id', '=', modelId)
        .executeTakeFirst();
      if (!model?.active) return { status: 'inactive' };
      const asOf = asOfInTimeZone(now(), model.schedule_timezone);
      const done = await db
        .selectFrom('grading_runs')
        .select('id')
        .where('model_id', '=', modelId)
        .where('as_of', '=', asOf)
        .executeTakeFirst();
      if (done) {
        log.info({ asOf, runId: done.id }, 'scheduled run skipped: already run for this date');
        return { status: 'already_done' };
      }
      const summary = await executeRun(db, { modelId, asOf, trigger: 'schedule', startedBy: null });
      log.info(
        { asOf, runId: summary.runId, population: summary.population, changed: summary.changed },
        'scheduled run done',
      );
      return { status: 'ran', summary };
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        log.warn('scheduled run skipped: a run of this model is under way');
        return { status: 'busy' };
      }
      log.error({ err: error }, 'scheduled run failed');
      return { status: 'failed' };
    }
  }

  function schedule(spec: ScheduledModel): Cron | undefined {
    try {
      return new Cron(
        spec.pattern,
        { timezone: spec.timeZone, protect: true, unref: true, name: `grading-model-${spec.modelId}` },
        () => fire(spec.modelId).then(() => undefined),
      );
    } catch (error) {
      logger.error({ err: error, ...spec }, 'invalid schedule: model not scheduled');
      return undefined;
    }
  }

  async function reload(): Promise<readonly ScheduledModel[]> {
    const wanted = new Map(
      (await scheduledModels(db)).map((row) => [
        row.id,
        { modelId: row.id, pattern: row.schedule!, timeZone: row.schedule_timezone },
      ]),
    );
    for (const [modelId, { job, spec }] of jobs) {
      const next = wanted.get(modelId);
      if (next && next.pattern === spec.pattern && next.timeZone === spec.timeZone) continue;
      job.stop();
      jobs.delete(modelId);
    }
    for (const [modelId, spec] of wanted) {
      if (jobs.has(modelId)) continue;
      const job = schedule(spec);
      if (job) jobs.set(modelId, { job, spec });
    }
    return [...jobs.values()].map((entry) => entry.spec);
  }

  return {
    reload,
    fire,
    async start() {
      await reload();
      reloadTimer = setInterval(
        () => {
          reload().catch((error: unknown) => logger.error({ err: error }, 'schedule reload failed'));
        },
        (options.reloadSeconds ?? 60) * 1000,
      );
      reloadTimer.unref();
    },
    stop() {
      clearInterval(reloadTimer);
      for (const { job } of jobs.values()) job.stop();
      jobs.clear();
    },
  };
}

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** What the server runs besides answering requests: the models' schedules, the webhook and message outboxes. */
export async function startBackgroundJobs(deps: AppDeps): Promise<BackgroundJobs> {
  const worker = createDeliveryWorker({
    db: deps.db,
    logger: deps.logger,
    settings: deps.config.webhooks,
    now: deps.now,
  });
  worker.start();
  const outbox = createOutboxWorker({
    db: deps.db,
    logger: deps.logger,
    settings: deps.config.webhooks,
    now: deps.now,
  });
  outbox.start();
  const scheduler = deps.config.scheduler
    ? createScheduler({ db: deps.db, logger: deps.logger, now: deps.now })
    : undefined;
  await scheduler?.start();
  const poolRecall = deps.config.scheduler ? startPoolRecallJob(deps) : undefined;
  return {
    async stop() {
      await poolRecall?.stop();
      scheduler?.stop();
      await worker.stop();
      await outbox.stop();
    },
  };
}
