import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage } from '../audit/owned-records.js';
import { modelsWithCurrentVersion } from '../grading/model.repository.js';
import type { Actor } from '../auth/actor.js';
import { filteredCustomerIds } from '../customers/customer.repository.js';
import type { Cursor } from '../shared/pagination.js';
import { visibleCustomerIds } from '../shared/scope.js';
import type { MessageListFilter, SegmentInput, TemplateListFilter } from './messaging.schema.js';
import {
  kindOfChannel,
  type ChannelKind,
  type MessageChannel,
  type MessageChannelTable,
  type MessageStatus,
  type MessageTable,
  type MessageTemplateTable,
  type MessagingTables,
  type RecipientChoice,
} from './messaging.tables.js';

export const tables = (db: Db) => db.withTables<MessagingTables>();

// ── templates ─────────────────────────────────────────────────────────────────────────────────────────────────

export function listTemplateRows(db: Db, filter: TemplateListFilter) {
  let query = tables(db).selectFrom('message_templates').selectAll();
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.locale) query = query.where('locale', '=', filter.locale);
  if (filter.active) query = query.where('active', '=', filter.active === 'true');
  return query.orderBy('purpose').orderBy('locale').orderBy('id').execute();
}

export function findTemplateRow(db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = tables(db).selectFrom('message_templates').selectAll().where('id', '=', id);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplateRow>>>;

export function insertTemplate(db: Db, values: Insertable<MessageTemplateTable>) {
  return tables(db).insertInto('message_templates').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTemplate(db: Db, id: number, values: Updateable<MessageTemplateTable>) {
  return tables(db)
    .updateTable('message_templates')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTemplate(db: Db, id: number): Promise<void> {
  await tables(db).deleteFrom('message_templates').where('id', '=', id).execute();
}

export async function templateInUse(db: Db, id: number): Promise<boolean> {
  const row = await tables(db)
    .selectFrom('message_batches')
    .select('id')
    .where('template_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

// ── channels ──────────────────────────────────────────────────────────────────────────────────────────────────

export function listChannelRows(db: Db) {
  return tables(db).selectFrom('message_channels').selectAll().orderBy('id').execute();
}

export function findChannelRow(db: Db, id: number) {
  return tables(db)
    .selectFrom('message_channels')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type ChannelRow = NonNullable<Awaited<ReturnType<typeof findChannelRow>>>;

export function insertChannel(db: Db, values: Insertable<MessageChannelTable>) {
  return tables(db).insertInto('message_channels').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateChannel(db: Db, id: number, values: Updateable<MessageChannelTable>) {
  return tables(db)
    .updateTable('message_channels')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteChannel(db: Db, id: number): Promise<void> {
  await tables(db).deleteFrom('message_channels').where('id', '=', id).execute();
}

export async function activeChannelKinds(db: Db): Promise<Set<ChannelKind>> {
  const rows = await tables(db)
    .selectFrom('message_channels')
    .select('kind')
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((row) => row.kind));
}

// ── segments and batches ──────────────────────────────────────────────────────────────────────────────────────

/** The customers of a segment, within the actor's scope, selected by the customer list's own filter code. */
export const segmentCustomerIds = (db: Db, actor: Actor, segment: SegmentInput) =>
  filteredCustomerIds(db, actor, segment);

function reachable(channel: MessageChannel, recipients: RecipientChoice) {
  const address = channel === 'email' ? sql`ct.email` : sql`ct.phone`;
  const role =
    recipients === 'decision_makers'
      ? sql`AND ct.buying_role = 'decision_maker'`
      : recipients === 'key_contacts'
        ? sql`AND ct.is_key`
        : sql``;
  return {
    address: sql<string>`btrim(${address})`,
    condition: sql`coalesce(btrim(${address}), '') <> '' ${role}`,
  };
}

export interface RecipientRow {
  readonly customer_id: number;
  readonly customer_name: string;
  readonly short_name: string | null;
  readonly contact_id: number;
  readonly contact_name: string;
  readonly contact_title: string | null;
  readonly address: string;
  readonly owner_name: string | null;
  readonly owner_phone: string | null;
  readonly owner_email: string | null;
  readonly grade_code: string | null;
  readonly last_product: string | null;
}

/**
 * One row per reachable contact of the segment's customers: the values the merge fields need, the grade in the
 * chosen model and the product of the latest order line (cancelled orders aside). At most `limit + 1` rows, so
 * the caller can tell that a segment is too large.
 */
export async function segmentRecipients(
  db: Db,
  actor: Actor,
  options: {
    readonly segment: SegmentInput;
    readonly channel: MessageChannel;
    readonly recipients: RecipientChoice;
    readonly modelId: number | null;
    readonly limit: number;
  },
): Promise<RecipientRow[]> {
  const { address, condition } = reachable(options.channel, options.recipients);
  const { rows } = await sql<RecipientRow>`
    SELECT c.id AS customer_id, c.name AS customer_name, c.short_name, ct.id AS contact_id,
      ct.name AS contact_name, ct.title AS contact_title, ${address} AS address,
      o.name AS owner_name, o.phone AS owner_phone, o.email AS owner_email, g.grade_code,
      (SELECT ol.product FROM order_lines ol JOIN orders od ON od.id = ol.order_id
        WHERE od.customer_id = c.id AND od.status <> 'cancelled'
        ORDER BY od.order_date DESC, od.id DESC, ol.id LIMIT 1) AS last_product
    FROM customers c
    JOIN contacts ct ON ct.customer_id = c.id AND ${condition}
    LEFT JOIN users o ON o.id = c.owner_id
    LEFT JOIN customer_grades g ON g.customer_id = c.id AND g.model_id = ${options.modelId}
    WHERE c.id IN (${segmentCustomerIds(db, actor, options.segment)})
    ORDER BY c.id, ct.id
    LIMIT ${options.limit + 1}`.execute(db);
  return rows;
}

/** How many customers the segment holds, and how many of them have no contact reachable on the channel. */
export async function segmentCounts(
  db: Db,
  actor: Actor,
  options: {
    readonly segment: SegmentInput;
    readonly channel: MessageChannel;
    readonly recipients: RecipientChoice;
  },
): Promise<{ customers: number; unreachable: number }> {
  const { condition } = reachable(options.channel, options.recipients);
  const { rows } = await sql<{ customers: string; unreachable: string }>`
    SELECT count(*) AS customers,
      count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND ${condition})) AS unreachable
    FROM customers c
    WHERE c.id IN (${segmentCustomerIds(db, actor, options.segment)})`.execute(db);
  return { customers: Number(rows[0]?.customers ?? 0), unreachable: Number(rows[0]?.unreachable ?? 0) };
}

/** The active model with the lowest id: whose grade {{grade}} names when a segment picks no model. */
export async function defaultModelId(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('grading_models')
    .select('id')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export function modelDefinition(db: Db, modelId: number) {
  return modelsWithCurrentVersion(db).select('v.definition').where('m.id', '=', modelId).executeTakeFirst();
}

export function insertBatch(db: Db, values: Insertable<MessagingTables['message_batches']>) {
  return tables(db).insertInto('message_batches').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Parameters per row × rows stays far below PostgreSQL's 65 535 bind parameters. */
const INSERT_CHUNK = 500;

export async function insertMessages(db: Db, rows: readonly Insertable<MessageTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tables(db)
      .insertInto('messages')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
}

/**
 * Batches a user may see: their own; a manager also those of the people in their team; an admin all. Drafts are
 * a person's work in progress, so the customer scope alone is not enough.
 */
function visibleBatches(db: Db, actor: Actor) {
  let query = tables(db)
    .selectFrom('message_batches as b')
    .innerJoin('message_templates as t', 't.id', 'b.template_id')
    .innerJoin('users as creator', 'creator.id', 'b.created_by');
  if (actor.role === 'manager' && actor.teamId !== null) {
    const teamId = actor.teamId;
    query = query.where((eb) =>
      eb.or([eb('b.created_by', '=', actor.id), eb('creator.team_id', '=', teamId)]),
    );
  } else if (actor.role !== 'admin') {
    query = query.where('b.created_by', '=', actor.id);
  }
  return query
    .selectAll('b')
    .select(['t.name as template_name', 't.purpose', 'creator.name as created_by_name']);
}

export type BatchRow = Awaited<ReturnType<ReturnType<typeof visibleBatches>['executeTakeFirstOrThrow']>>;

export function listBatchRows(db: Db, actor: Actor) {
  return visibleBatches(db, actor).orderBy('b.id', 'desc').limit(200).execute();
}

export function findBatchRow(db: Db, actor: Actor, id: number) {
  return visibleBatches(db, actor).where('b.id', '=', id).executeTakeFirst();
}

/** The messages of visible batches whose customers are visible too: a customer moved away takes its drafts along. */
function visibleMessages(db: Db, actor: Actor) {
  return tables(db)
    .selectFrom('messages as m')
    .innerJoin('customers', 'customers.id', 'm.customer_id')
    .where('m.batch_id', 'in', visibleBatches(db, actor).clearSelect().select('b.id'))
    .where('m.customer_id', 'in', visibleCustomerIds(db, actor));
}

export async function statusCounts(db: Db, actor: Actor, batchIds: readonly number[]) {
  if (batchIds.length === 0) return [];
  return visibleMessages(db, actor)
    .where('m.batch_id', 'in', batchIds)
    .select(['m.batch_id', 'm.status', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy(['m.batch_id', 'm.status'])
    .execute();
}

function messageViews(db: Db, actor: Actor, filter: Omit<MessageListFilter, 'limit' | 'cursor'>) {
  let query = visibleMessages(db, actor).selectAll('m').select('customers.name as customer_name');
  if (filter.batchId !== undefined) query = query.where('m.batch_id', '=', filter.batchId);
  if (filter.customerId !== undefined) query = query.where('m.customer_id', '=', filter.customerId);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  return query;
}

export type MessageViewRow = Awaited<ReturnType<ReturnType<typeof messageViews>['executeTakeFirstOrThrow']>>;

const byId = { key: sql`m.id`, type: sql`integer`, id: sql`m.id`, direction: 'asc' } as const;

export function listMessageRows(db: Db, actor: Actor, filter: MessageListFilter, cursor?: Cursor) {
  return keysetPage(messageViews(db, actor, filter), byId, cursor, filter.limit).execute();
}

export function countMessageRows(db: Db, actor: Actor, filter: MessageListFilter) {
  return countRows(messageViews(db, actor, filter));
}

/** Every message of a batch in the given states, oldest first, for an export. */
export function batchMessageRows(db: Db, actor: Actor, batchId: number, statuses: readonly MessageStatus[]) {
  return messageViews(db, actor, { batchId })
    .where('m.status', 'in', [...statuses])
    .orderBy('m.id')
    .execute() as Promise<MessageViewRow[]>;
}

/** Moves visible messages of a batch from one state to another; returns the ids moved. */
export async function moveMessages(
  db: Db,
  actor: Actor,
  where: { readonly batchId?: number; readonly id?: number; readonly from: MessageStatus },
  set: Updateable<MessageTable>,
): Promise<number[]> {
  let ids = visibleMessages(db, actor).select('m.id');
  if (where.batchId !== undefined) ids = ids.where('m.batch_id', '=', where.batchId);
  if (where.id !== undefined) ids = ids.where('m.id', '=', where.id);
  const rows = await tables(db)
    .updateTable('messages')
    .set({ ...set, updated_at: new Date() })
    .where('status', '=', where.from)
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export function findMessageRow(db: Db, actor: Actor, id: number) {
  return messageViews(db, actor, {}).where('m.id', '=', id).executeTakeFirst();
}

// ── the outbox (the worker's side: no actor, the batch's sender was checked when queueing) ────────────────────

/** Messages left 'sending' by a worker that died return to the queue once their lease is over. */
export async function releaseExpiredLeases(db: Db, now: Date): Promise<number> {
  const rows = await tables(db)
    .updateTable('messages')
    .set({ status: 'queued', lease_until: null, updated_at: now })
    .where('status', '=', 'sending')
    .where('lease_until', '<=', now)
    .returning('id')
    .execute();
  return rows.length;
}

export interface DueMessage {
  readonly id: number;
  readonly batch_id: number;
  readonly customer_id: number;
  readonly contact_id: number | null;
  readonly channel: MessageChannel;
  readonly recipient: string;
  readonly recipient_name: string;
  readonly subject: string;
  readonly body: string;
  readonly body_html: string | null;
  readonly attempts: number;
  readonly queued_by: number | null;
  readonly channel_id: number;
  readonly smtp_host: string | null;
  readonly smtp_port: number | null;
  readonly smtp_secure: boolean;
  readonly smtp_user: string | null;
  readonly smtp_password: string | null;
  readonly from_address: string | null;
  readonly webhook_url: string | null;
  readonly webhook_secret: string | null;
}

const channelKindOf = (message: string) =>
  sql`CASE ${sql.ref(`${message}.channel`)} WHEN 'email' THEN ${kindOfChannel.email} ELSE ${kindOfChannel.sms} END`;

/**
 * Takes up to `limit` queued messages that are due and whose channel is configured, marks them 'sending' with a
 * lease until `leaseUntil`, and returns them with their channel's settings. No transaction stays open while a
 * message is being delivered; a message whose channel is missing simply stays queued.
 */
export async function claimDueMessages(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<DueMessage[]> {
  const { rows } = await sql<DueMessage>`
    UPDATE messages m SET status = 'sending', lease_until = ${leaseUntil}, updated_at = ${now}
    FROM message_channels ch
    WHERE ch.active AND ch.kind = ${channelKindOf('m')}
      AND m.id IN (
        SELECT due.id FROM messages due
        WHERE due.status = 'queued' AND due.next_attempt_at <= ${now}
          AND EXISTS (SELECT 1 FROM message_channels c WHERE c.active AND c.kind = ${channelKindOf('due')})
        ORDER BY due.next_attempt_at, due.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.batch_id, m.customer_id, m.contact_id, m.channel, m.recipient, m.recipient_name,
      m.subject, m.body, m.body_html, m.attempts, m.queued_by, ch.id AS channel_id, ch.smtp_host, ch.smtp_port,
      ch.smtp_secure, ch.smtp_user, ch.smtp_password, ch.from_address, ch.webhook_url, ch.webhook_secret`.execute(
    db,
  );
  return rows;
}

/**
 * Records the outcome of one attempt if the message is still in one of the `from` states: a failure only while
 * this worker holds it ('sending'); a success also after its lease ran out, since it did go out. False when
 * someone else recorded it first, so a message is logged as sent at most once.
 */
export async function recordOutcome(
  db: Db,
  id: number,
  from: readonly MessageStatus[],
  values: Updateable<MessageTable>,
): Promise<boolean> {
  const rows = await tables(db)
    .updateTable('messages')
    .set({ ...values, lease_until: null, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returning('id')
    .execute();
  return rows.length > 0;
}
