import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { enqueueRunCompleted } from '../webhooks/webhook.repository.js';
import { alertMessage, type GradeEventPayload } from './alert.messages.js';
import { alertKinds } from './alert.rules.js';
import {
  countAlerts,
  listAlertRows,
  markAllRead,
  markRead,
  unreadByKind,
  type AlertRow,
} from './alert.repository.js';
import {
  ALERT_COUNT_LIMIT,
  type AlertListQueryInput,
  type AlertSummaryView,
  type AlertView,
} from './alert.schema.js';
import {
  changesById,
  changesOfRun,
  insertGradeEvents,
  type GradeEventCounts,
} from './grade-events.repository.js';

export type AlertSource =
  | { readonly modelId: number; readonly runId: number }
  | { readonly modelId: number; readonly changeIds: readonly number[] };

export interface RaisedAlerts extends GradeEventCounts {
  /** run.completed deliveries enqueued (0 for instant re-grades). */
  readonly runDeliveries: number;
}

/**
 * Raises the alerts and webhook events of a set of grade changes, in the caller's transaction. A model's first run
 * only sets the baseline: every customer "enters" it, so it raises no grade alerts (its run.completed is still sent).
 */
export async function raiseGradeAlerts(db: Db, source: AlertSource): Promise<RaisedAlerts> {
  if ('changeIds' in source) {
    const counts = source.changeIds.length
      ? await insertGradeEvents(db, changesById(source.modelId, source.changeIds))
      : { events: 0, alerts: 0, deliveries: 0 };
    return { ...counts, runDeliveries: 0 };
  }
  const run = await db
    .selectFrom('grading_runs')
    .select('previous_run_id')
    .where('id', '=', source.runId)
    .executeTakeFirst();
  if (!run) throw AppError.notFound();
  const counts =
    run.previous_run_id === null
      ? { events: 0, alerts: 0, deliveries: 0 }
      : await insertGradeEvents(db, changesOfRun(source.modelId, source.runId));
  return { ...counts, runDeliveries: await enqueueRunCompleted(db, source.runId) };
}

const toAlertView = (row: AlertRow): AlertView => {
  const payload = row.payload as GradeEventPayload;
  return {
    id: row.id,
    kind: row.kind,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    message: alertMessage(row.kind, payload),
    model: payload.model,
    customer: payload.customer,
    from: payload.from,
    to: payload.to,
    score: payload.score,
    cause: payload.cause,
    runId: payload.runId,
    changeId: row.change_id,
  };
};

export async function listAlerts(
  db: Db,
  actor: Actor,
  query: AlertListQueryInput,
): Promise<Page<AlertView> & { capped: boolean }> {
  const cursor = decodeCursor(query.cursor);
  const filter = { unread: query.unread ?? false };
  const rows = await listAlertRows(db, actor, { ...filter, limit: query.limit + 1, beforeId: cursor?.id });
  const total = await countAlerts(db, actor, filter, ALERT_COUNT_LIMIT + 1);
  return {
    ...toPage(rows.map(toAlertView), query.limit, total, () => null),
    capped: total > ALERT_COUNT_LIMIT,
  };
}

export async function readAlert(db: Db, actor: Actor, id: number, at: Date): Promise<AlertView> {
  const row = await markRead(db, actor, id, at);
  if (!row) throw AppError.notFound();
  return toAlertView(row);
}

export async function readAllAlerts(db: Db, actor: Actor, at: Date): Promise<{ updated: number }> {
  return { updated: await markAllRead(db, actor, at) };
}

export async function alertSummary(db: Db, actor: Actor): Promise<AlertSummaryView> {
  const rows = await unreadByKind(db, actor, ALERT_COUNT_LIMIT + 1);
  const counts = new Map(rows.map((row) => [row.kind, Number(row.n)]));
  const byKind = Object.fromEntries(alertKinds.map((kind) => [kind, counts.get(kind) ?? 0]));
  const unread = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return {
    unread,
    capped: unread > ALERT_COUNT_LIMIT,
    unreadByKind: byKind as AlertSummaryView['unreadByKind'],
  };
}
