import { randomBytes } from 'node:crypto';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { requireAdmin } from '../users/user.service.js';
import {
  countDeliveries,
  deleteWebhook,
  enqueuePing,
  findDeliveryRow,
  findWebhookRow,
  insertWebhook,
  listAttemptRows,
  listDeliveryRows,
  listWebhookRows,
  rescheduleDelivery,
  updateWebhook,
} from './webhook.repository.js';
import type {
  DeliveryListQueryInput,
  DeliveryView,
  WebhookCreateInput,
  WebhookUpdateInput,
  WebhookView,
} from './webhook.schema.js';

type WebhookRow = NonNullable<Awaited<ReturnType<typeof findWebhookRow>>>;
type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDeliveryRow>>>;
type AttemptRow = Awaited<ReturnType<typeof listAttemptRows>>[number];

const newSecret = () => randomBytes(32).toString('hex');

const toWebhookView = (row: WebhookRow): WebhookView => ({
  id: row.id,
  name: row.name,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toDeliveryView = (row: DeliveryRow, attempts: readonly AttemptRow[]): DeliveryView => ({
  id: row.id,
  webhookId: row.webhook_id,
  event: row.event,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  deliveredAt: row.delivered_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  log: attempts.map((a) => ({
    at: a.at.toISOString(),
    statusCode: a.status_code,
    error: a.error,
    durationMs: a.duration_ms,
  })),
});

/** The audit image of a webhook never holds its secret, only whether it changed. */
const audit = (db: Db, actor: Actor, id: number, action: string, before?: unknown, after?: unknown) =>
  recordAudit(db, { actorId: authorId(actor), entity: 'webhook', entityId: id, action, before, after });

async function existing(db: Db, id: number): Promise<WebhookRow> {
  const row = await findWebhookRow(db, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function listWebhooks(db: Db, actor: Actor) {
  requireAdmin(actor);
  return { items: (await listWebhookRows(db)).map(toWebhookView) };
}

export async function getWebhook(db: Db, actor: Actor, id: number): Promise<WebhookView> {
  requireAdmin(actor);
  return toWebhookView(await existing(db, id));
}

export async function createWebhook(db: Db, actor: Actor, input: WebhookCreateInput) {
  requireAdmin(actor);
  const secret = input.secret ?? newSecret();
  const row = await insertWebhook(db, {
    name: input.name,
    url: input.url,
    events: [...new Set(input.events)],
    active: input.active ?? true,
    secret,
    created_by: authorId(actor),
  });
  await audit(db, actor, row.id, 'create', undefined, row);
  return { ...toWebhookView(row), secret };
}

export async function updateWebhookById(db: Db, actor: Actor, id: number, input: WebhookUpdateInput) {
  requireAdmin(actor);
  const before = await existing(db, id);
  const secret = input.rotateSecret ? newSecret() : undefined;
  const after = await updateWebhook(db, id, {
    name: input.name,
    url: input.url,
    events: input.events ? [...new Set(input.events)] : undefined,
    active: input.active,
    secret,
  });
  if (!after) throw AppError.notFound();
  await audit(db, actor, id, 'update', before, { ...after, secretRotated: secret !== undefined });
  return { ...toWebhookView(after), ...(secret ? { secret } : {}) };
}

export async function deleteWebhookById(db: Db, actor: Actor, id: number): Promise<void> {
  requireAdmin(actor);
  const before = await deleteWebhook(db, id);
  if (!before) throw AppError.notFound();
  await audit(db, actor, id, 'delete', before);
}

async function withLog(db: Db, rows: readonly DeliveryRow[]): Promise<DeliveryView[]> {
  const attempts = await listAttemptRows(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toDeliveryView(
      row,
      attempts.filter((a) => a.delivery_id === row.id),
    ),
  );
}

export async function listDeliveries(
  db: Db,
  actor: Actor,
  webhookId: number,
  query: DeliveryListQueryInput,
): Promise<Page<DeliveryView>> {
  requireAdmin(actor);
  await existing(db, webhookId);
  const cursor = decodeCursor(query.cursor);
  const rows = await listDeliveryRows(db, webhookId, query.limit + 1, cursor?.id);
  const page = toPage(rows, query.limit, await countDeliveries(db, webhookId), () => null);
  return { ...page, items: await withLog(db, page.items) };
}

/** A ping to one webhook, sent by the worker like any event: it proves the URL, the secret and the log. */
export async function testWebhook(db: Db, actor: Actor, id: number, at: Date): Promise<DeliveryView> {
  requireAdmin(actor);
  await existing(db, id);
  const { id: deliveryId } = await enqueuePing(db, id, at);
  const row = await findDeliveryRow(db, deliveryId);
  return toDeliveryView(row!, []);
}

export async function retryDelivery(db: Db, actor: Actor, id: number, at: Date): Promise<DeliveryView> {
  requireAdmin(actor);
  const row = await findDeliveryRow(db, id);
  if (!row) throw AppError.notFound();
  if (row.status === 'delivered') throw new AppError('CONFLICT', [{ path: 'id', reason: 'invalid' }]);
  const rescheduled = await rescheduleDelivery(db, id, at);
  await audit(db, actor, row.webhook_id, 'retry_delivery', { deliveryId: id, status: row.status });
  const [view] = await withLog(db, [rescheduled!]);
  return view!;
}
