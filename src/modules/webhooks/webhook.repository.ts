import { sql, type Insertable, type Updateable } from 'kysely';
import type { WebhookTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { PING_EVENT } from './webhook.events.js';

/** Every column but the secret: what reads and audit images of a webhook carry. */
const publicColumns = [
  'id',
  'name',
  'url',
  'events',
  'active',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export function listWebhookRows(db: Db) {
  return db.selectFrom('webhooks').select(publicColumns).orderBy('id').execute();
}

export function findWebhookRow(db: Db, id: number) {
  return db.selectFrom('webhooks').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export function insertWebhook(db: Db, values: Insertable<WebhookTable>) {
  return db.insertInto('webhooks').values(values).returning(publicColumns).executeTakeFirstOrThrow();
}

export function updateWebhook(db: Db, id: number, values: Updateable<WebhookTable>) {
  return db
    .updateTable('webhooks')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returning(publicColumns)
    .executeTakeFirst();
}

export function deleteWebhook(db: Db, id: number) {
  return db.deleteFrom('webhooks').where('id', '=', id).returning(publicColumns).executeTakeFirst();
}

/** run.completed for every active webhook subscribed to it, with the run's distribution and migration. */
export async function enqueueRunCompleted(db: Db, runId: number): Promise<number> {
  const result = await sql`
    INSERT INTO webhook_deliveries (webhook_id, event, payload)
    SELECT w.id, 'run.completed', jsonb_build_object(
      'run', jsonb_build_object('id', r.id, 'version', r.version, 'asOf', r.as_of, 'trigger', r.trigger,
                                'startedAt', r.started_at, 'population', r.population,
                                'distribution', r.distribution, 'migration', r.migration,
                                'changed', (SELECT count(*) FROM grade_changes gc WHERE gc.run_id = r.id)),
      'model', jsonb_build_object('id', m.id, 'key', m.key,
                                  'name', jsonb_build_object('zh-CN', m.name_zh, 'en-US', m.name_en)))
    FROM grading_runs r
    JOIN grading_models m ON m.id = r.model_id
    JOIN webhooks w ON w.active AND 'run.completed' = ANY(w.events)
    WHERE r.id = ${runId}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function enqueuePing(db: Db, webhookId: number, at: Date) {
  return db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: webhookId,
      event: PING_EVENT,
      payload: JSON.stringify({ webhookId, at: at.toISOString() }),
      next_attempt_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const deliveryColumns = [
  'id',
  'webhook_id',
  'event',
  'payload',
  'status',
  'attempts',
  'next_attempt_at',
  'last_status_code',
  'last_error',
  'delivered_at',
  'created_at',
] as const;

export function listDeliveryRows(db: Db, webhookId: number, limit: number, beforeId?: number) {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.execute();
}

export async function countDeliveries(db: Db, webhookId: number): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findDeliveryRow(db: Db, id: number) {
  return db.selectFrom('webhook_deliveries').select(deliveryColumns).where('id', '=', id).executeTakeFirst();
}

export function listAttemptRows(db: Db, deliveryIds: readonly number[]) {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('webhook_delivery_attempts')
    .select(['delivery_id', 'at', 'status_code', 'error', 'duration_ms'])
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('id')
    .execute();
}

/** A retry by hand gives the delivery a fresh budget of attempts; the attempts made so far stay in the log. */
export function rescheduleDelivery(db: Db, id: number, at: Date) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at })
    .where('id', '=', id)
    .returning(deliveryColumns)
    .executeTakeFirst();
}
