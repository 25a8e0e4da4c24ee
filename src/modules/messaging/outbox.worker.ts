import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WebhookSettings } from '../../config.js';
import type { Database } from '../../db/database.js';
import { insertActivity } from '../activities/activity.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { regradeCustomers } from '../grading/instant.service.js';
import { afterFailure } from '../webhooks/backoff.js';
import { createPollingWorker, type PollingWorker } from '../webhooks/polling.js';
import {
  claimDueMessages,
  recordOutcome,
  releaseExpiredLeases,
  tables,
  type DueMessage,
} from './messaging.repository.js';
import { deliverMessage } from './transports.js';

export interface OutboxReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  /** Messages found 'sending' past their lease (a worker died mid-send) and put back in the queue. */
  readonly released: number;
}

export type OutboxWorker = PollingWorker<OutboxReport>;

export interface OutboxWorkerOptions {
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  /** The webhook outbox's retry settings (STRATUM_WEBHOOK_*) apply to messages too. */
  readonly settings: WebhookSettings;
  readonly now?: () => Date;
  readonly batchSize?: number;
}

/**
 * Sends the message outbox: claims due messages with a lease, delivers each through its channel outside any
 * transaction, then records the outcome. A sent message becomes an activity on its customer (kind email or sms,
 * by the person who sent the batch) in the same transaction that marks it sent; a failure is retried with the
 * webhooks' backoff until the attempts are spent, then marked failed and left visible for a manual retry.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, logger, settings } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;

  async function markSent(message: DueMessage, at: Date): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const first = await recordOutcome(trx, message.id, ['sending', 'queued'], {
        status: 'sent',
        attempts: message.attempts + 1,
        sent_at: at,
        last_error: null,
      });
      if (!first) return;
      const activity = await insertActivity(trx, {
        customer_id: message.customer_id,
        contact_id: message.contact_id,
        user_id: message.queued_by,
        kind: message.channel,
        at,
        subject: message.subject || message.recipient_name,
        note: message.body,
      });
      await tables(trx)
        .updateTable('messages')
        .set({ activity_id: activity.id })
        .where('id', '=', message.id)
        .execute();
      await recordAudit(trx, {
        actorId: message.queued_by,
        entity: 'activity',
        entityId: activity.id,
        action: 'create',
        after: { ...activity, messageId: message.id },
      });
      await regradeCustomers(trx, [message.customer_id], 'activity', at);
    });
  }

  async function deliver(message: DueMessage): Promise<'sent' | 'retrying' | 'failed'> {
    const error = await deliverMessage(message, settings.timeoutSeconds);
    const at = now();
    if (error === null) {
      await markSent(message, at);
      return 'sent';
    }
    const attempts = message.attempts + 1;
    const next = afterFailure(attempts, at, settings);
    await recordOutcome(
      db,
      message.id,
      ['sending'],
      next.status === 'failed'
        ? { status: 'failed', attempts, last_error: error }
        : { status: 'queued', attempts, last_error: error, next_attempt_at: next.at },
    );
    const fields = { messageId: message.id, batchId: message.batch_id, attempts, error };
    if (next.status === 'failed') logger.warn(fields, 'message delivery failed for good');
    else logger.info(fields, 'message delivery failed; will retry');
    return next.status === 'failed' ? 'failed' : 'retrying';
  }

  async function sendDue(): Promise<OutboxReport> {
    const at = now();
    const released = await releaseExpiredLeases(db, at);
    if (released) logger.warn({ released }, 'messages left sending past their lease returned to the queue');
    const leaseUntil = new Date(at.getTime() + (settings.timeoutSeconds * 3 + 60) * 1000);
    const due = await claimDueMessages(db, at, leaseUntil, batchSize);
    const outcomes = await Promise.all(due.map(deliver));
    const count = (kind: string) => outcomes.filter((outcome) => outcome === kind).length;
    return { sent: count('sent'), retrying: count('retrying'), failed: count('failed'), released };
  }

  return createPollingWorker(sendDue, {
    pollSeconds: settings.pollSeconds,
    logger,
    failureMessage: 'message outbox tick failed',
  });
}
