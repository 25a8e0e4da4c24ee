import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import { BUSINESS_TIME_ZONE, businessDay } from '../worklist/business-day.js';
import { runRecall } from './pool.service.js';

/** Just after midnight in the company's zone: the day's recall sees the previous day's activities complete. */
export const RECALL_PATTERN = '5 0 * * *';

export interface PoolRecallJob {
  /** One recall as of today (the job calls it; tests call it with their own clock). */
  fire(): Promise<void>;
  /** Stops the schedule and waits for a recall under way, so the database is not closed under it. */
  stop(): Promise<void>;
}

/**
 * The daily public-pool recall. It also runs once at start, so a server that was down at 00:05 catches up; a
 * second run on the same day finds nothing new (warnings are unique, recalled customers have no owner left).
 */
export function startPoolRecallJob(options: {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
}): PoolRecallJob {
  const log = options.logger.child({ job: 'pool-recall' });
  let running: Promise<void> = Promise.resolve();
  async function recall(): Promise<void> {
    const asOf = businessDay(options.now());
    try {
      const result = await options.db.transaction().execute((trx) => runRecall(trx, asOf));
      log.info({ asOf, recalled: result.recalled, warned: result.warned }, 'pool recall done');
    } catch (error) {
      log.error({ err: error, asOf }, 'pool recall failed');
    }
  }
  const fire = () => (running = running.then(recall));
  const job = new Cron(
    RECALL_PATTERN,
    { timezone: BUSINESS_TIME_ZONE, protect: true, unref: true, name: 'pool-recall' },
    () => fire(),
  );
  void fire();
  return {
    fire,
    async stop() {
      job.stop();
      await running;
    },
  };
}
