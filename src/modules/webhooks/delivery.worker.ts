import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WebhookSettings } from '../../config.js';
import type { Database } from '../../db/database.js';
import { afterFailure } from './backoff.js';
import { createPollingWorker, type PollingWorker } from './polling.js';
import { claimDueDeliveries, recordAttempt, type DueDelivery } from './delivery.repository.js';
import { postSigned, type PostOutcome } from './signed-post.js';

export interface DeliveryWorkerOptions {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly settings: WebhookSettings;
  readonly now?: () => Date;
  /** Deliveries sent per tick, concurrently. */
  readonly batchSize?: number;
}

export interface TickReport {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

/** `tick` sends every delivery due now (one batch). */
export type DeliveryWorker = PollingWorker<TickReport>;

/** The body is what is signed: built once, sent byte for byte. */
export function deliveryBody(delivery: Pick<DueDelivery, 'id' | 'event' | 'payload' | 'created_at'>): string {
  return JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: delivery.created_at.toISOString(),
    data: delivery.payload,
  });
}

function post(delivery: DueDelivery, timeoutSeconds: number): Promise<PostOutcome> {
  return postSigned(
    {
      url: delivery.url,
      secret: delivery.secret,
      body: deliveryBody(delivery),
      headers: { 'x-stratum-event': delivery.event, 'x-stratum-delivery': String(delivery.id) },
    },
    timeoutSeconds,
  );
}

/**
 * Sends the webhook outbox. Runs only ever enqueue, so a slow or failing endpoint costs the worker time, never a
 * run; each failure is retried with exponential backoff until the attempts are spent.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, logger, settings } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;

  async function deliver(delivery: DueDelivery): Promise<keyof TickReport> {
    const started = performance.now();
    const response = await post(delivery, settings.timeoutSeconds);
    const durationMs = performance.now() - started;
    const at = now();
    const attempts = delivery.attempts + 1;
    const next = response.error === null ? null : afterFailure(attempts, at, settings);
    const status = next === null ? 'delivered' : next.status;
    await db.transaction().execute((trx) =>
      recordAttempt(trx, {
        deliveryId: delivery.id,
        at,
        statusCode: response.statusCode,
        error: response.error,
        durationMs,
        status,
        attempts,
        nextAttemptAt: next?.status === 'pending' ? next.at : at,
      }),
    );
    const fields = {
      deliveryId: delivery.id,
      webhookId: delivery.webhook_id,
      event: delivery.event,
      attempts,
    };
    if (status === 'delivered') return 'delivered';
    if (status === 'failed') {
      logger.warn({ ...fields, error: response.error }, 'webhook delivery failed for good');
      return 'failed';
    }
    logger.info({ ...fields, error: response.error }, 'webhook delivery failed; will retry');
    return 'retrying';
  }

  async function sendDue(): Promise<TickReport> {
    const at = now();
    const leaseUntil = new Date(at.getTime() + (settings.timeoutSeconds + 60) * 1000);
    const due = await claimDueDeliveries(db, at, leaseUntil, batchSize);
    const outcomes = await Promise.all(due.map(deliver));
    const count = (kind: keyof TickReport) => outcomes.filter((o) => o === kind).length;
    return { delivered: count('delivered'), retrying: count('retrying'), failed: count('failed') };
  }

  return createPollingWorker(sendDue, {
    pollSeconds: settings.pollSeconds,
    logger,
    failureMessage: 'webhook delivery tick failed',
  });
}
