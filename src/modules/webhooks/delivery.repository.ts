import { sql } from 'kysely';
import type { DeliveryStatus } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';

export interface DueDelivery {
  readonly id: number;
  readonly webhook_id: number;
  readonly event: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly created_at: Date;
  readonly url: string;
  readonly secret: string;
}

/**
 * Takes up to `limit` due deliveries of active webhooks and leases them until `leaseUntil`: another worker (or
 * this one after a crash) only picks them up again once the lease has run out, and no transaction stays open
 * while the endpoint is being called.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<DueDelivery[]> {
  const { rows } = await sql<DueDelivery>`
    UPDATE webhook_deliveries d SET next_attempt_at = ${leaseUntil}
    FROM webhooks w
    WHERE w.id = d.webhook_id
      AND d.id IN (
        SELECT due.id FROM webhook_deliveries due
        JOIN webhooks hook ON hook.id = due.webhook_id AND hook.active
        WHERE due.status = 'pending' AND due.next_attempt_at <= ${now}
        ORDER BY due.next_attempt_at, due.id
        LIMIT ${limit}
        FOR UPDATE OF due SKIP LOCKED)
    RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret`.execute(db);
  return rows;
}

export interface AttemptOutcome {
  readonly deliveryId: number;
  readonly at: Date;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
}

export async function recordAttempt(db: Db, outcome: AttemptOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      delivered_at: outcome.status === 'delivered' ? outcome.at : null,
    })
    .where('id', '=', outcome.deliveryId)
    .execute();
  await db
    .insertInto('webhook_delivery_attempts')
    .values({
      delivery_id: outcome.deliveryId,
      at: outcome.at,
      status_code: outcome.statusCode,
      error: outcome.error,
      duration_ms: Math.round(outcome.durationMs),
    })
    .execute();
}
