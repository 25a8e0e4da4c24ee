import { randomBytes } from 'node:crypto';
import type { Updateable } from 'kysely';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { requireAdmin } from '../users/user.service.js';
import {
  deleteChannel,
  findChannelRow,
  insertChannel,
  listChannelRows,
  tables,
  updateChannel,
  type ChannelRow,
} from './messaging.repository.js';
import type { ChannelCreateInput, ChannelUpdateInput, ChannelView } from './messaging.schema.js';
import type { ChannelKind, MessageChannelTable } from './messaging.tables.js';

/** The password and the signing secret are write-only: no response and no audit row ever holds them. */
export const toChannelView = (row: ChannelRow): ChannelView => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  active: row.active,
  smtpHost: row.smtp_host,
  smtpPort: row.smtp_port,
  smtpSecure: row.smtp_secure,
  smtpUser: row.smtp_user,
  hasPassword: row.smtp_password !== null && row.smtp_password !== '',
  fromAddress: row.from_address,
  webhookUrl: row.webhook_url,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const audit = (db: Db, actor: Actor, row: ChannelRow, action: string, before: ChannelRow | null) =>
  recordAudit(db, {
    actorId: authorId(actor),
    entity: 'message_channel',
    entityId: row.id,
    action,
    before: before && toChannelView(before),
    after: action === 'delete' ? null : toChannelView(row),
  });

function columnsOf(input: ChannelUpdateInput): Updateable<MessageChannelTable> {
  return {
    name: input.name,
    active: input.active,
    smtp_host: input.smtpHost,
    smtp_port: input.smtpPort,
    smtp_secure: input.smtpSecure,
    smtp_user: input.smtpUser,
    smtp_password: input.smtpPassword,
    from_address: input.fromAddress,
    webhook_url: input.webhookUrl,
    webhook_secret: input.webhookSecret,
  };
}

/** A channel must say where to send: host, port and sender for SMTP; a URL for a webhook. */
function requireSettings(kind: ChannelKind, row: Updateable<MessageChannelTable>): void {
  const required =
    kind === 'smtp'
      ? ([
          ['smtpHost', row.smtp_host],
          ['smtpPort', row.smtp_port],
          ['fromAddress', row.from_address],
        ] as const)
      : ([['webhookUrl', row.webhook_url]] as const);
  for (const [field, value] of required)
    if (value === null || value === undefined) throw AppError.invalid(field, 'required');
}

/** One active channel per kind: activating one retires the other, so the worker never has to choose. */
async function retireOthers(db: Db, kind: ChannelKind, keepId: number | null): Promise<void> {
  let query = tables(db)
    .updateTable('message_channels')
    .set({ active: false, updated_at: new Date() })
    .where('kind', '=', kind)
    .where('active', '=', true);
  if (keepId !== null) query = query.where('id', '<>', keepId);
  await query.execute();
}

export async function listChannels(db: Db, actor: Actor) {
  requireAdmin(actor);
  return { items: (await listChannelRows(db)).map(toChannelView) };
}

export async function createChannel(db: Db, actor: Actor, input: ChannelCreateInput) {
  requireAdmin(actor);
  const generated =
    input.kind === 'webhook' && !input.webhookSecret ? randomBytes(32).toString('hex') : undefined;
  const columns = { ...columnsOf(input), webhook_secret: input.webhookSecret ?? generated ?? null };
  requireSettings(input.kind, columns);
  if (input.active !== false) await retireOthers(db, input.kind, null);
  const row = await insertChannel(db, { ...columns, kind: input.kind, name: input.name });
  await audit(db, actor, row, 'create', null);
  return { ...toChannelView(row), ...(generated ? { webhookSecret: generated } : {}) };
}

export async function updateChannelById(db: Db, actor: Actor, id: number, input: ChannelUpdateInput) {
  requireAdmin(actor);
  const before = await findChannelRow(db, id);
  if (!before) throw AppError.notFound();
  const columns = columnsOf(input);
  requireSettings(before.kind, {
    ...before,
    ...Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)),
  });
  if (input.active === true) await retireOthers(db, before.kind, id);
  const row = await updateChannel(db, id, columns);
  await audit(db, actor, row, 'update', before);
  return toChannelView(row);
}

export async function deleteChannelById(db: Db, actor: Actor, id: number): Promise<void> {
  requireAdmin(actor);
  const before = await findChannelRow(db, id);
  if (!before) throw AppError.notFound();
  await deleteChannel(db, id);
  await audit(db, actor, before, 'delete', before);
}
