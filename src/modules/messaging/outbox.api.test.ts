import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookSettings } from '../../config.js';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { leadingClock } from '../../testing/leading-clock.js';
import { signBody } from '../webhooks/signature.js';
import { claimDueMessages, tables } from './messaging.repository.js';
import { createOutboxWorker, type OutboxWorker } from './outbox.worker.js';

/** What the local SMTP server received: envelope recipients and the raw RFC 5322 message. */
interface Received {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
  readonly user: string | undefined;
}

const settings: WebhookSettings = {
  pollSeconds: 1,
  timeoutSeconds: 5,
  maxAttempts: 3,
  backoffSeconds: 30,
  backoffMaxSeconds: 3600,
};

let w: RecordWorld;
let worker: OutboxWorker;
const clock = leadingClock();
const { advance } = clock;
let smtp: SMTPServer;
let smtpPort: number;
const mailbox: Received[] = [];
let hookServer: Server;
let hookUrl: string;
let hookSecret: string;
/** Status codes the webhook answers with, in turn; 200 once they run out. */
let hookReplies: number[] = [];
const hookCalls: { body: string; signature: string | undefined; event: string | undefined }[] = [];
let birthdayZh: number;
let smtpChannelId: number;
let hookChannelId: number;

/** Decodes RFC 2047 words in a header and the quoted-printable or base64 text/plain part of a message. */
function decodeMail(raw: string): { subject: string; text: string; html: string } {
  const header = (name: string) => {
    const match = new RegExp(`^${name}: ((?:.*)(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw);
    return (match?.[1] ?? '').replace(/\r\n[ \t]/g, ' ');
  };
  const words = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
        kind.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : qp(data.replace(/_/g, ' ')),
      );
  const qp = (value: string) => {
    const text = value.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text.slice(i + 1, i + 3);
      if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  };
  const part = (type: string) => {
    const match = new RegExp(
      `Content-Type: ${type}[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*?Content-Transfer-Encoding: (\\S+)\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([\\s\\S]*?)\\r\\n(?:--|$)`,
      'i',
    ).exec(raw);
    if (!match) return '';
    const [, encoding = '', data = ''] = match;
    if (encoding.toLowerCase() === 'base64')
      return Buffer.from(data.replace(/\s/g, ''), 'base64').toString('utf8');
    if (encoding.toLowerCase() === 'quoted-printable') return qp(data);
    return data;
  };
  return { subject: words(header('Subject')), text: part('text/plain'), html: part('text/html') };
}

beforeAll(async () => {
  w = await openRecordWorld();
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'crm' && auth.password === 'smtp-password')
        callback(null, { user: auth.username });
      else callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mailbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  hookServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      hookCalls.push({
        body,
        signature: request.headers['x-stratum-signature'] as string | undefined,
        event: request.headers['x-stratum-event'] as string | undefined,
      });
      response.statusCode = hookReplies.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/sms`;

  const { east1, east2 } = w.customers;
  for (const [client, customerId, name, email, phone] of [
    [w.repEast1, east1, '王芳', 'wang@hengrui.example', '13800000001'],
    [w.repEast2, east2, '陈静', 'chen@dongfang.example', '13800000002'],
  ] as const) {
    await created(
      await client('POST', '/api/contacts', { customerId, name, email, phone, buyingRole: 'decision_maker' }),
    );
  }
  const templates = (
    await json(await w.repEast1('GET', '/api/messages/templates?purpose=birthday&locale=zh-CN'))
  ).items!;
  birthdayZh = templates[0]!.id;
  smtpChannelId = (
    await created(
      await w.admin('POST', '/api/messages/channels', {
        kind: 'smtp',
        name: '测试邮件服务器',
        smtpHost: '127.0.0.1',
        smtpPort,
        smtpSecure: false,
        smtpUser: 'crm',
        smtpPassword: 'smtp-password',
        fromAddress: 'crm@stratum.example',
      }),
    )
  ).id;
  const hook = await created(
    await w.admin('POST', '/api/messages/channels', {
      kind: 'webhook',
      name: '短信网关',
      webhookUrl: hookUrl,
    }),
  );
  hookChannelId = hook.id;
  hookSecret = String(hook.webhookSecret);
  worker = createOutboxWorker({
    db: w.t.handle.db,
    logger: pino({ level: 'silent' }),
    settings,
    now: clock.now,
  });
});

afterAll(async () => {
  await worker.stop();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
  await w.t.close();
});

beforeEach(() => {
  mailbox.length = 0;
  hookCalls.length = 0;
  hookReplies = [];
});

async function sentBatch(channel: 'email' | 'sms', client = w.repEast1) {
  const batch = await created(
    await client('POST', '/api/messages/batches', {
      name: `关怀 ${channel}`,
      templateId: birthdayZh,
      channel,
      recipients: 'decision_makers',
      segment: {},
    }),
  );
  const sent = await json(await client('POST', `/api/messages/batches/${batch.id}/send`));
  expect(sent.queued).toBe(1);
  return batch.id;
}

const messagesOf = (batchId: number) =>
  tables(w.t.handle.db).selectFrom('messages').selectAll().where('batch_id', '=', batchId).execute();

const activitiesOf = (customerId: number) =>
  w.t.handle.db
    .selectFrom('activities')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();

describe('the outbox', () => {
  it('delivers an email to the SMTP server: recipient, subject, text and escaped HTML; logged as an activity', async () => {
    const before = (await activitiesOf(w.customers.east1)).length;
    const batchId = await sentBatch('email');
    expect(await worker.tick()).toEqual({ sent: 1, retrying: 0, failed: 0, released: 0 });
    expect(mailbox).toHaveLength(1);
    const mail = mailbox[0]!;
    expect(mail.to).toEqual(['wang@hengrui.example']);
    expect(mail.from).toBe('crm@stratum.example');
    expect(mail.user).toBe('crm');
    const decoded = decodeMail(mail.raw);
    expect(decoded.subject).toBe('王芳，生日快乐！');
    expect(decoded.text).toContain('尊敬的王芳：');
    expect(decoded.text).toContain('张三 敬上');
    expect(decoded.html).toContain('尊敬的王芳：<br>');
    const [message] = await messagesOf(batchId);
    expect(message).toMatchObject({ status: 'sent', attempts: 1 });
    const activities = await activitiesOf(w.customers.east1);
    expect(activities).toHaveLength(before + 1);
    expect(activities.at(-1)).toMatchObject({
      id: message!.activity_id,
      kind: 'email',
      subject: '王芳，生日快乐！',
      user_id: w.t.people.repEast1,
    });
    const history = await json(await w.repEast1('GET', `/api/customers/${w.customers.east1}/history`));
    expect(JSON.stringify(history)).toContain('王芳，生日快乐！');
  });

  it('posts a text message to the webhook, signed with the channel secret; logged as an sms activity', async () => {
    const batchId = await sentBatch('sms');
    expect((await worker.tick()).sent).toBe(1);
    expect(hookCalls).toHaveLength(1);
    const call = hookCalls[0]!;
    expect(call.signature).toBe(signBody(hookSecret, call.body));
    expect(call.event).toBe('message');
    const body = JSON.parse(call.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      channel: 'sms',
      to: '13800000001',
      name: '王芳',
      customerId: w.customers.east1,
    });
    const [message] = await messagesOf(batchId);
    const activity = (await activitiesOf(w.customers.east1)).find((a) => a.id === message!.activity_id);
    expect(activity?.kind).toBe('sms');
  });

  it('retries a failing endpoint with backoff (500, 500, then 200) and sends once', async () => {
    hookReplies = [500, 500];
    const batchId = await sentBatch('sms');
    expect(await worker.tick()).toMatchObject({ sent: 0, retrying: 1 });
    expect(await worker.tick()).toMatchObject({ sent: 0, retrying: 0 });
    let [message] = await messagesOf(batchId);
    expect(message).toMatchObject({ status: 'queued', attempts: 1, last_error: 'HTTP 500' });
    advance(settings.backoffSeconds);
    expect(await worker.tick()).toMatchObject({ retrying: 1 });
    advance(settings.backoffSeconds * 2);
    expect(await worker.tick()).toMatchObject({ sent: 1 });
    [message] = await messagesOf(batchId);
    expect(message).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(hookCalls).toHaveLength(3);
    expect(new Set(hookCalls.map((c) => c.body)).size).toBe(1);
  });

  it('marks a message failed after the last attempt, shows it in the outbox, and a retry sends it', async () => {
    hookReplies = [503, 503, 503];
    const batchId = await sentBatch('sms');
    for (let i = 0; i < settings.maxAttempts; i++) {
      await worker.tick();
      advance(settings.backoffMaxSeconds);
    }
    const failed = await json(await w.repEast1('GET', `/api/messages?batchId=${batchId}&status=failed`));
    expect(failed.total).toBe(1);
    expect(failed.items![0]).toMatchObject({ attempts: 3, lastError: 'HTTP 503' });
    const batch = await json(await w.repEast1('GET', `/api/messages/batches/${batchId}`));
    expect(batch.counts).toMatchObject({ failed: 1, sent: 0 });
    expect((await w.repEast2('POST', `/api/messages/${failed.items![0]!.id}/retry`)).status).toBe(404);
    const retried = await json(await w.repEast1('POST', `/api/messages/${failed.items![0]!.id}/retry`));
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await worker.tick()).sent).toBe(1);
  });

  it('never loses a message: one left sending by a crashed worker returns to the queue after its lease and goes out once', async () => {
    const batchId = await sentBatch('email');
    const leaseUntil = new Date(clock.now().getTime() + 120_000);
    const claimed = await claimDueMessages(w.t.handle.db, clock.now(), leaseUntil, 10);
    expect(claimed.map((m) => m.batch_id)).toEqual([batchId]);
    // The worker "dies" here: nothing delivered, the row stays 'sending'.
    expect(await worker.tick()).toEqual({ sent: 0, retrying: 0, failed: 0, released: 0 });
    expect((await messagesOf(batchId))[0]?.status).toBe('sending');
    advance(121);
    expect(await worker.tick()).toEqual({ sent: 1, retrying: 0, failed: 0, released: 1 });
    expect(mailbox).toHaveLength(1);
    const [message] = await messagesOf(batchId);
    expect(message?.status).toBe('sent');
    const logged = (await activitiesOf(w.customers.east1)).filter((a) => a.id === message!.activity_id);
    expect(logged).toHaveLength(1);
  });

  it('keeps messages queued while their channel is switched off, and sends them once it is back', async () => {
    await json(await w.admin('PATCH', `/api/messages/channels/${hookChannelId}`, { active: false }));
    const batch = await created(
      await w.repEast1('POST', '/api/messages/batches', {
        name: '渠道关闭',
        templateId: birthdayZh,
        channel: 'sms',
        recipients: 'all',
        segment: {},
      }),
    );
    expect(batch.channelReady).toBe(false);
    expect((await w.repEast1('POST', `/api/messages/batches/${batch.id}/send`)).status).toBe(409);
    await json(await w.admin('PATCH', `/api/messages/channels/${hookChannelId}`, { active: true }));
    expect((await json(await w.repEast1('POST', `/api/messages/batches/${batch.id}/send`))).queued).toBe(1);
    await json(await w.admin('PATCH', `/api/messages/channels/${hookChannelId}`, { active: false }));
    expect((await worker.tick()).sent).toBe(0);
    expect((await messagesOf(batch.id))[0]?.status).toBe('queued');
    await json(await w.admin('PATCH', `/api/messages/channels/${hookChannelId}`, { active: true }));
    expect((await worker.tick()).sent).toBe(1);
  });

  it('a manager’s batch over the team reaches each rep’s customer; an SMTP refusal is retried, not dropped', async () => {
    const batch = await created(
      await w.managerEast('POST', '/api/messages/batches', {
        name: '团队生日关怀',
        templateId: birthdayZh,
        channel: 'email',
        recipients: 'decision_makers',
        segment: {},
      }),
    );
    expect((await json(await w.managerEast('POST', `/api/messages/batches/${batch.id}/send`))).queued).toBe(
      2,
    );
    await json(await w.admin('PATCH', `/api/messages/channels/${smtpChannelId}`, { smtpPassword: 'wrong' }));
    expect(await worker.tick()).toMatchObject({ sent: 0, retrying: 2 });
    await json(
      await w.admin('PATCH', `/api/messages/channels/${smtpChannelId}`, { smtpPassword: 'smtp-password' }),
    );
    advance(settings.backoffSeconds);
    expect(await worker.tick()).toMatchObject({ sent: 2 });
    expect(mailbox.flatMap((m) => m.to).sort()).toEqual(['chen@dongfang.example', 'wang@hengrui.example']);
  });
});
