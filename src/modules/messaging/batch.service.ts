import type { Insertable } from 'kysely';
import { parseModel } from '../../engine/index.js';
import { AppError } from '../../server/errors.js';
import type { Locale } from '../../server/messages.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { label } from '../exports/labels.js';
import type { ExportTable } from '../exports/table-output.js';
import { businessDay } from '../grading/instant.service.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { recipientValues } from './merge-values.js';
import {
  activeChannelKinds,
  batchMessageRows,
  defaultModelId,
  findBatchRow,
  findMessageRow,
  findTemplateRow,
  insertBatch,
  insertMessages,
  listBatchRows,
  countMessageRows,
  listMessageRows,
  modelDefinition,
  moveMessages,
  segmentCounts,
  segmentRecipients,
  statusCounts,
  type BatchRow,
  type MessageViewRow,
  type TemplateRow,
} from './messaging.repository.js';
import type {
  BatchCreateInput,
  BatchView,
  MessageListFilter,
  MessageView,
  SegmentInput,
} from './messaging.schema.js';
import { kindOfChannel, messageStatuses, type MessageTable } from './messaging.tables.js';
import { renderMessage } from './render.js';

/** A batch larger than this is a mass mailing, not care: split the segment. */
export const MAX_RECIPIENTS = 5000;
const SAMPLE_SIZE = 5;

const toMessageView = (row: MessageViewRow): MessageView => ({
  id: row.id,
  batchId: row.batch_id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  contactId: row.contact_id,
  channel: row.channel,
  recipient: row.recipient,
  recipientName: row.recipient_name,
  subject: row.subject,
  body: row.body,
  warnings: row.warnings,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'queued' ? (row.next_attempt_at?.toISOString() ?? null) : null,
  lastError: row.last_error,
  sentAt: row.sent_at?.toISOString() ?? null,
  exportedAt: row.exported_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

async function requireTemplate(db: Db, id: number): Promise<TemplateRow> {
  const template = await findTemplateRow(db, id);
  if (!template || !template.active) throw AppError.invalid('templateId', 'unknown_reference');
  return template;
}

/** Grade code → its name in the template's language, for the model the segment grades by. */
async function gradeNames(db: Db, modelId: number | null, locale: Locale): Promise<Map<string, string>> {
  const row = modelId === null ? undefined : await modelDefinition(db, modelId);
  if (!row) return new Map();
  return new Map(parseModel(row.definition).ladder.map((grade) => [grade.code, grade.name[locale]]));
}

interface Drafts {
  readonly counts: { customers: number; unreachable: number };
  readonly drafts: Omit<Insertable<MessageTable>, 'batch_id'>[];
  readonly customerNames: ReadonlyMap<number, string>;
}

/** Renders one draft per reachable contact of the segment, in the actor's scope; nothing is stored. */
async function renderDrafts(
  db: Db,
  actor: Actor,
  input: Omit<BatchCreateInput, 'name'>,
  now: Date,
): Promise<Drafts> {
  const template = await requireTemplate(db, input.templateId);
  if (input.segment.gradeModelId !== undefined && !(await modelDefinition(db, input.segment.gradeModelId)))
    throw AppError.invalid('segment.gradeModelId', 'unknown_reference');
  const modelId = input.segment.gradeModelId ?? (await defaultModelId(db));
  const [names, rows, counts] = await Promise.all([
    gradeNames(db, modelId, template.locale),
    segmentRecipients(db, actor, { ...input, modelId, limit: MAX_RECIPIENTS }),
    segmentCounts(db, actor, input),
  ]);
  if (rows.length > MAX_RECIPIENTS) throw AppError.invalid('segment', 'too_big');
  const context = { holiday: input.holiday || null, today: businessDay(now) };
  const drafts = rows.map((row) => {
    const gradeName = row.grade_code === null ? null : (names.get(row.grade_code) ?? row.grade_code);
    const rendered = renderMessage(template, recipientValues(row, { ...context, gradeName }), {
      html: input.channel === 'email',
    });
    return {
      customer_id: row.customer_id,
      contact_id: row.contact_id,
      channel: input.channel,
      recipient: row.address,
      recipient_name: row.contact_name,
      subject: rendered.subject,
      body: rendered.body,
      body_html: rendered.bodyHtml,
      warnings: JSON.stringify(rendered.warnings),
    };
  });
  return { counts, drafts, customerNames: new Map(rows.map((row) => [row.customer_id, row.customer_name])) };
}

const warningsOf = (draft: Drafts['drafts'][number]) => JSON.parse(draft.warnings as string) as string[];

/** What a batch would hold: counts, how many drafts carry warnings, and the first few drafts as rendered. */
export async function previewBatch(db: Db, actor: Actor, input: Omit<BatchCreateInput, 'name'>, now: Date) {
  const { counts, drafts, customerNames } = await renderDrafts(db, actor, input, now);
  return {
    customers: counts.customers,
    recipients: drafts.length,
    customersWithoutRecipient: counts.unreachable,
    withWarnings: drafts.filter((draft) => warningsOf(draft).length > 0).length,
    sample: drafts.slice(0, SAMPLE_SIZE).map((draft) => ({
      customerId: draft.customer_id,
      customerName: customerNames.get(draft.customer_id) ?? '',
      recipient: draft.recipient,
      recipientName: draft.recipient_name,
      subject: draft.subject,
      body: draft.body,
      warnings: warningsOf(draft),
    })),
  };
}

async function toBatchViews(db: Db, actor: Actor, rows: readonly BatchRow[]): Promise<BatchView[]> {
  const [counts, kinds] = await Promise.all([
    statusCounts(
      db,
      actor,
      rows.map((row) => row.id),
    ),
    activeChannelKinds(db),
  ]);
  return rows.map((row) => {
    const mine = counts.filter((count) => count.batch_id === row.id);
    const byStatus = Object.fromEntries(
      messageStatuses.map((status) => [status, Number(mine.find((c) => c.status === status)?.count ?? 0)]),
    ) as BatchView['counts'];
    return {
      id: row.id,
      name: row.name,
      templateId: row.template_id,
      templateName: row.template_name,
      purpose: row.purpose,
      channel: row.channel,
      recipients: row.recipients,
      segment: row.segment as SegmentInput,
      holiday: row.holiday,
      createdBy: row.created_by,
      createdByName: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      counts: byStatus,
      channelReady: kinds.has(kindOfChannel[row.channel]),
    };
  });
}

async function requireBatch(db: Db, actor: Actor, id: number): Promise<BatchRow> {
  const row = await findBatchRow(db, actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function getBatch(db: Db, actor: Actor, id: number): Promise<BatchView> {
  const [view] = await toBatchViews(db, actor, [await requireBatch(db, actor, id)]);
  return view!;
}

export async function listBatches(db: Db, actor: Actor) {
  return { items: await toBatchViews(db, actor, await listBatchRows(db, actor)) };
}

const batchAudit = (db: Db, actor: Actor, id: number, action: string, after: unknown) =>
  recordAudit(db, {
    actorId: authorId(actor),
    entity: 'message_batch',
    entityId: id,
    action,
    before: null,
    after,
  });

/** Renders and stores the drafts of a batch; nothing is sent until the batch is sent. */
export async function createBatch(
  db: Db,
  actor: Actor,
  input: BatchCreateInput,
  now: Date,
): Promise<BatchView> {
  const { counts, drafts } = await renderDrafts(db, actor, input, now);
  const batch = await insertBatch(db, {
    name: input.name,
    template_id: input.templateId,
    channel: input.channel,
    recipients: input.recipients,
    segment: JSON.stringify(input.segment),
    holiday: input.holiday || null,
    created_by: actor.id,
  });
  await insertMessages(
    db,
    drafts.map((draft) => ({ ...draft, batch_id: batch.id })),
  );
  await batchAudit(db, actor, batch.id, 'create', { ...input, drafts: drafts.length });
  return { ...(await getBatch(db, actor, batch.id)), customersWithoutRecipient: counts.unreachable };
}

export async function listMessages(
  db: Db,
  actor: Actor,
  filter: MessageListFilter,
): Promise<Page<MessageView>> {
  const [rows, total] = await Promise.all([
    listMessageRows(db, actor, filter, decodeCursor(filter.cursor)),
    countMessageRows(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => String(row.id));
  return { ...page, items: page.items.map(toMessageView) };
}

async function requireChannelFor(db: Db, batch: BatchRow): Promise<void> {
  if (!(await activeChannelKinds(db)).has(kindOfChannel[batch.channel]))
    throw new AppError('CONFLICT', [{ path: 'channel', reason: 'no_channel' }]);
}

const requeue = (actor: Actor, now: Date) => ({
  status: 'queued' as const,
  attempts: 0,
  next_attempt_at: now,
  last_error: null,
  queued_by: authorId(actor),
});

/** Puts every draft of the batch into the outbox; refused while no channel can carry it (export instead). */
export async function sendBatch(db: Db, actor: Actor, id: number, now: Date) {
  const batch = await requireBatch(db, actor, id);
  await requireChannelFor(db, batch);
  const queued = await moveMessages(db, actor, { batchId: id, from: 'draft' }, requeue(actor, now));
  await batchAudit(db, actor, id, 'send', { queued: queued.length });
  return { queued: queued.length };
}

/** Failed messages of a batch go back to the outbox with their attempts reset. */
export async function retryFailedOfBatch(db: Db, actor: Actor, id: number, now: Date) {
  const batch = await requireBatch(db, actor, id);
  await requireChannelFor(db, batch);
  const queued = await moveMessages(db, actor, { batchId: id, from: 'failed' }, requeue(actor, now));
  await batchAudit(db, actor, id, 'retry', { queued: queued.length });
  return { queued: queued.length };
}

export async function retryMessage(db: Db, actor: Actor, id: number, now: Date): Promise<MessageView> {
  const message = await findMessageRow(db, actor, id);
  if (!message) throw AppError.notFound();
  if (message.status !== 'failed') throw AppError.invalid('status', 'invalid_value');
  await requireChannelFor(db, await requireBatch(db, actor, message.batch_id));
  await moveMessages(db, actor, { id, from: 'failed' }, requeue(actor, now));
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'message',
    entityId: id,
    action: 'retry',
    before: { status: 'failed', lastError: message.last_error },
    after: { status: 'queued' },
  });
  return toMessageView((await findMessageRow(db, actor, id))!);
}

const exportColumns = [
  [label('客户', 'Customer'), (m: MessageViewRow) => m.customer_name],
  [label('联系人', 'Contact'), (m: MessageViewRow) => m.recipient_name],
  [label('收件地址/手机号', 'Email / phone'), (m: MessageViewRow) => m.recipient],
  [label('主题', 'Subject'), (m: MessageViewRow) => m.subject],
  [label('正文', 'Body'), (m: MessageViewRow) => m.body],
  [label('缺少的合并字段', 'Missing merge fields'), (m: MessageViewRow) => m.warnings.join(', ')],
] as const;

/**
 * The batch's drafts (and those exported before, so a lost download can be repeated) as a table; the drafts are
 * marked exported in the caller's transaction, so what was handed over is never also sent.
 */
export async function exportBatch(
  db: Db,
  actor: Actor,
  id: number,
  locale: Locale,
  now: Date,
): Promise<{ filename: string; table: ExportTable }> {
  const batch = await requireBatch(db, actor, id);
  const rows = await batchMessageRows(db, actor, id, ['draft', 'exported']);
  const exported = await moveMessages(
    db,
    actor,
    { batchId: id, from: 'draft' },
    { status: 'exported', exported_at: now },
  );
  await batchAudit(db, actor, id, 'export', { exported: exported.length, rows: rows.length });
  async function* cells() {
    for (const row of rows) yield exportColumns.map(([, cell]) => cell(row));
  }
  return {
    filename: `messages-${batch.id}`,
    table: {
      sheet: locale === 'zh-CN' ? '消息草稿' : 'Message drafts',
      header: exportColumns.map(([heading]) => heading[locale]),
      rows: cells(),
    },
  };
}
