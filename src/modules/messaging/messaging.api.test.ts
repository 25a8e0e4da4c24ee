import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  created,
  expectRefused,
  json,
  openRecordWorld,
  type Body,
  type RecordWorld,
} from '../audit/api-fixtures.js';
import type { Client } from '../../testing/test-app.js';

let w: RecordWorld;
let birthdayZh: number;
let repurchaseEn: number;

type Batch = Body & { id: number; counts: Record<string, number>; total: number; channelReady: boolean };

const contact = (client: Client, customerId: number, body: Record<string, unknown>) =>
  client('POST', '/api/contacts', { customerId, ...body }).then(created);

beforeAll(async () => {
  w = await openRecordWorld();
  const { east1, east2, south1, unowned } = w.customers;
  await contact(w.repEast1, east1, {
    name: '王芳',
    email: 'wang@hengrui.example',
    phone: '13800000001',
    buyingRole: 'decision_maker',
    isKey: true,
  });
  await contact(w.repEast1, east1, { name: '刘强', email: 'liu@hengrui.example', buyingRole: 'user' });
  await contact(w.repEast2, east2, {
    name: '陈静',
    email: 'chen@dongfang.example',
    buyingRole: 'decision_maker',
  });
  await contact(w.repSouth1, south1, {
    name: '黄伟',
    email: 'huang@nanfang.example',
    buyingRole: 'decision_maker',
  });
  await contact(w.admin, unowned, { name: '无邮箱', phone: '13900000000', buyingRole: 'decision_maker' });
  await created(
    await w.repEast1('POST', '/api/orders', {
      customerId: east1,
      orderNo: 'SO-1',
      orderDate: '2025-03-01',
      lines: [{ product: '高压柱塞泵', quantity: '2', unitPrice: '5000' }],
    }),
  );
  const templates = (await json(await w.repEast1('GET', '/api/messages/templates'))).items!;
  birthdayZh = templates.find((t) => t.purpose === 'birthday' && t.locale === 'zh-CN')!.id;
  repurchaseEn = templates.find((t) => t.purpose === 'repurchase' && t.locale === 'en-US')!.id;
});

afterAll(() => w.t.close());

const batchBody = (extra: Record<string, unknown> = {}) => ({
  name: '生日关怀',
  templateId: birthdayZh,
  channel: 'email',
  recipients: 'decision_makers',
  segment: {},
  ...extra,
});

describe('templates', () => {
  it('ship presets for every purpose in both languages, with the merge fields listed', async () => {
    const body = await json(await w.repEast1('GET', '/api/messages/templates'));
    const pairs = new Set(body.items!.map((t) => `${String(t.purpose)}/${String(t.locale)}`));
    for (const purpose of ['birthday', 'holiday', 'repurchase', 'new_products', 'policy_change'])
      for (const locale of ['zh-CN', 'en-US']) expect(pairs).toContain(`${purpose}/${locale}`);
    expect(body.items!.every((t) => t.builtin === true)).toBe(true);
    expect(body.mergeFields).toEqual(expect.arrayContaining(['contact.name', 'customer.name', 'grade']));
  });

  it('a rep reads templates but may not write them', async () => {
    const response = await w.repEast1('POST', '/api/messages/templates', {
      purpose: 'birthday',
      locale: 'zh-CN',
      name: '代表的模板',
      subject: 'x',
      body: 'y',
    });
    expect(response.status).toBe(403);
  });

  it('an unknown merge field is refused at save time, naming the field', async () => {
    await expectRefused(
      await w.managerEast('POST', '/api/messages/templates', {
        purpose: 'new_products',
        locale: 'zh-CN',
        name: '拼错字段',
        subject: '{{customer.name}}',
        body: '您好 {{contact.nmae}}',
      }),
      400,
      'body.{{contact.nmae}}',
      'unknown_merge_field',
    );
    await expectRefused(
      await w.managerEast('PATCH', `/api/messages/templates/${birthdayZh}`, { subject: '{{grade}} {{vip}}' }),
      400,
      'subject.{{vip}}',
    );
  });

  it('a manager creates, edits and deletes a template, each change audited', async () => {
    const template = await created(
      await w.managerEast('POST', '/api/messages/templates', {
        purpose: 'new_products',
        locale: 'zh-CN',
        name: '新品试用邀请',
        subject: '{{customer.name}} 新品试用',
        body: '{{contact.name}}您好，{{owner.name}}邀请您试用新品。',
      }),
    );
    const edited = await json(
      await w.managerEast('PATCH', `/api/messages/templates/${template.id}`, { active: false }),
    );
    expect(edited.active).toBe(false);
    expect((await w.managerEast('DELETE', `/api/messages/templates/${template.id}`)).status).toBe(204);
    const actions = await w.t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'message_template')
      .where('entity_id', '=', String(template.id))
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('the live preview renders sample values as HTML and lists unknown fields instead of refusing', async () => {
    const body = await json(
      await w.repEast1('POST', '/api/messages/templates/preview', {
        subject: '{{holiday}}快乐',
        body: '{{contact.name}} <b> {{oops}}',
        locale: 'zh-CN',
        holiday: '中秋节',
      }),
    );
    expect(body.subject).toBe('中秋节快乐');
    expect(body.bodyHtml).toBe('王芳 &lt;b&gt; ');
    expect(body.unknownFields).toEqual(['oops']);
  });
});

describe('batches for a segment', () => {
  it('a rep’s batch holds only their own customers, one draft per decision maker, with missing values warned', async () => {
    const preview = await json(await w.repEast1('POST', '/api/messages/batches/preview', batchBody()));
    expect(preview).toMatchObject({ customers: 1, recipients: 1, customersWithoutRecipient: 0 });
    const batch = (await created(await w.repEast1('POST', '/api/messages/batches', batchBody()))) as Batch;
    expect(batch.counts.draft).toBe(1);
    const drafts = (await json(await w.repEast1('GET', `/api/messages?batchId=${batch.id}`))).items!;
    expect(drafts.map((d) => d.customerId)).toEqual([w.customers.east1]);
    expect(drafts[0]).toMatchObject({
      recipient: 'wang@hengrui.example',
      recipientName: '王芳',
      subject: '王芳，生日快乐！',
      status: 'draft',
    });
    expect(String(drafts[0]!.body)).toContain('张三');
  });

  it('the merge values come from the customer: latest product, owner; an ungraded customer warns on {{grade}}', async () => {
    const body = await json(
      await w.repEast1('POST', '/api/messages/batches/preview', {
        templateId: repurchaseEn,
        channel: 'email',
        recipients: 'all',
        segment: {},
      }),
    );
    expect(body.recipients).toBe(2);
    const sample = (body.sample as Array<Record<string, unknown>>)[0]!;
    expect(sample.subject).toBe('Time to restock 高压柱塞泵?');
    const newProducts = await json(
      await w.repEast1('GET', '/api/messages/templates?purpose=new_products&locale=en-US'),
    );
    const graded = await json(
      await w.repEast1('POST', '/api/messages/batches/preview', {
        templateId: newProducts.items![0]!.id,
        channel: 'email',
        recipients: 'key_contacts',
        segment: {},
      }),
    );
    expect(graded.withWarnings).toBe(1);
    expect((graded.sample as Array<{ warnings: string[] }>)[0]!.warnings).toEqual(['grade']);
  });

  it('an admin’s segment covers every customer; one without an email is counted, not drafted', async () => {
    const preview = await json(await w.admin('POST', '/api/messages/batches/preview', batchBody()));
    expect(preview).toMatchObject({ customers: 4, recipients: 3, customersWithoutRecipient: 1 });
    const sms = await json(
      await w.admin('POST', '/api/messages/batches/preview', batchBody({ channel: 'sms' })),
    );
    expect(sms).toMatchObject({ recipients: 2, customersWithoutRecipient: 2 });
  });

  it('the segment filters like the customer list: by owner and team, within scope', async () => {
    const byOwner = await json(
      await w.managerEast(
        'POST',
        '/api/messages/batches/preview',
        batchBody({ segment: { ownerId: [w.t.people.repEast2] } }),
      ),
    );
    expect(byOwner).toMatchObject({ customers: 1, recipients: 1 });
    const otherTeam = await json(
      await w.managerEast(
        'POST',
        '/api/messages/batches/preview',
        batchBody({ segment: { teamId: [w.t.people.teamSouth] } }),
      ),
    );
    expect(otherTeam).toMatchObject({ customers: 0, recipients: 0 });
    const repAsksForOthers = await json(
      await w.repEast1(
        'POST',
        '/api/messages/batches/preview',
        batchBody({ segment: { ownerId: [w.t.people.repEast2, w.t.people.repSouth1] } }),
      ),
    );
    expect(repAsksForOthers).toMatchObject({ customers: 0, recipients: 0 });
  });

  it('a rep cannot see another rep’s batch or drafts; their manager can', async () => {
    const batch = (await created(await w.repEast2('POST', '/api/messages/batches', batchBody()))) as Batch;
    expect((await w.repEast1('GET', `/api/messages/batches/${batch.id}`)).status).toBe(404);
    expect((await w.repEast1('POST', `/api/messages/batches/${batch.id}/send`)).status).toBe(404);
    expect((await w.repEast1('POST', `/api/messages/batches/${batch.id}/export?format=csv`)).status).toBe(
      404,
    );
    const repList = await json(await w.repEast1('GET', '/api/messages/batches'));
    expect(repList.items!.map((b) => b.id)).not.toContain(batch.id);
    const repMessages = await json(await w.repEast1('GET', `/api/messages?batchId=${batch.id}`));
    expect(repMessages.total).toBe(0);
    const allOfRep1 = await json(await w.repEast1('GET', '/api/messages'));
    expect(allOfRep1.items!.every((m) => m.customerId === w.customers.east1)).toBe(true);
    expect((await w.managerEast('GET', `/api/messages/batches/${batch.id}`)).status).toBe(200);
    expect((await w.managerSouth('GET', `/api/messages/batches/${batch.id}`)).status).toBe(404);
  });

  it('an unknown template or grading model is refused, naming the field', async () => {
    await expectRefused(
      await w.repEast1('POST', '/api/messages/batches', batchBody({ templateId: 99999 })),
      400,
      'templateId',
    );
    await expectRefused(
      await w.repEast1('POST', '/api/messages/batches', batchBody({ segment: { gradeModelId: 99999 } })),
      400,
      'segment.gradeModelId',
    );
  });
});

describe('without a channel', () => {
  it('sending is refused naming the channel; export hands the drafts over and marks them exported, none sent', async () => {
    const batch = (await created(
      await w.managerEast('POST', '/api/messages/batches', batchBody({ recipients: 'all' })),
    )) as Batch;
    expect(batch.channelReady).toBe(false);
    await expectRefused(
      await w.managerEast('POST', `/api/messages/batches/${batch.id}/send`),
      409,
      'channel',
      'no_channel',
    );
    const file = await w.managerEast('POST', `/api/messages/batches/${batch.id}/export?format=csv`);
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('客户,联系人,收件地址/手机号,主题,正文')).toBe(true);
    expect(csv).toContain('wang@hengrui.example');
    expect(csv).toContain('chen@dongfang.example');
    const after = (await json(await w.managerEast('GET', `/api/messages/batches/${batch.id}`))) as Batch;
    expect(after.counts).toMatchObject({ draft: 0, exported: batch.total, sent: 0, queued: 0 });
    const again = await w.managerEast('POST', `/api/messages/batches/${batch.id}/export?format=xlsx`);
    expect(again.status).toBe(200);
    expect((await again.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });
});

describe('channels', () => {
  it('are admin-only; the password and secret are never returned nor audited', async () => {
    expect((await w.managerEast('GET', '/api/messages/channels')).status).toBe(403);
    const smtp = await created(
      await w.admin('POST', '/api/messages/channels', {
        kind: 'smtp',
        name: '公司邮箱',
        smtpHost: '127.0.0.1',
        smtpPort: 2525,
        smtpUser: 'crm',
        smtpPassword: 'very-secret-password',
        fromAddress: 'crm@example.com',
      }),
    );
    expect(smtp.hasPassword).toBe(true);
    expect(JSON.stringify(smtp)).not.toContain('very-secret-password');
    const hook = await created(
      await w.admin('POST', '/api/messages/channels', {
        kind: 'webhook',
        name: '短信网关',
        webhookUrl: 'http://127.0.0.1:9/sms',
      }),
    );
    expect(String(hook.webhookSecret)).toMatch(/^[0-9a-f]{64}$/);
    const listed = JSON.stringify(await json(await w.admin('GET', '/api/messages/channels')));
    expect(listed).not.toContain('very-secret-password');
    expect(listed).not.toContain(String(hook.webhookSecret));
    const audit = await w.t.handle.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'message_channel')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('very-secret-password');
    expect(JSON.stringify(audit)).not.toContain(String(hook.webhookSecret));
    await expectRefused(
      await w.admin('POST', '/api/messages/channels', {
        kind: 'smtp',
        name: '缺主机',
        fromAddress: 'a@b.cn',
      }),
      400,
      'smtpHost',
      'required',
    );
  });

  it('a second active channel of a kind retires the first, so batches see one ready channel', async () => {
    await created(
      await w.admin('POST', '/api/messages/channels', {
        kind: 'smtp',
        name: '备用邮箱',
        smtpHost: '127.0.0.1',
        smtpPort: 2526,
        fromAddress: 'crm2@example.com',
      }),
    );
    const channels = (await json(await w.admin('GET', '/api/messages/channels'))).items!;
    expect(channels.filter((c) => c.kind === 'smtp' && c.active).map((c) => c.name)).toEqual(['备用邮箱']);
    const batches = (await json(await w.managerEast('GET', '/api/messages/batches'))).items!;
    expect(batches.every((b) => b.channelReady === true)).toBe(true);
  });
});

describe('edge cases', () => {
  it('a template a batch was rendered from cannot be deleted (deactivate it instead)', async () => {
    await expectRefused(
      await w.managerEast('DELETE', `/api/messages/templates/${birthdayZh}`),
      409,
      'id',
      'in_use',
    );
    const kept = await json(await w.managerEast('GET', `/api/messages/templates/${birthdayZh}`));
    expect(kept.id).toBe(birthdayZh);
  });

  it('only a failed message can be retried', async () => {
    const drafts = await json(await w.repEast1('GET', '/api/messages?status=draft'));
    await expectRefused(
      await w.repEast1('POST', `/api/messages/${drafts.items![0]!.id}/retry`),
      400,
      'status',
      'invalid_value',
    );
  });

  it('an email draft escapes a contact name that looks like HTML, and the text draft keeps it as typed', async () => {
    const customer = await created(
      await w.repSouth1('POST', '/api/customers', { code: 'S2', name: 'A&B 贸易' }),
    );
    await contact(w.repSouth1, customer.id, {
      name: '<img src=x onerror=alert(1)>',
      email: 'xss@ab.example',
      buyingRole: 'decision_maker',
    });
    const batch = await created(
      await w.repSouth1('POST', '/api/messages/batches', batchBody({ recipients: 'all' })),
    );
    const row = await w.t.handle.db
      .withTables<{ messages: { batch_id: number; customer_id: number; body: string; body_html: string } }>()
      .selectFrom('messages')
      .select(['body', 'body_html'])
      .where('batch_id', '=', batch.id)
      .where('customer_id', '=', customer.id)
      .executeTakeFirstOrThrow();
    expect(row.body).toContain('尊敬的<img src=x onerror=alert(1)>：');
    expect(row.body_html).toContain('尊敬的&lt;img src=x onerror=alert(1)&gt;：<br>');
    expect(row.body_html).toContain('A&amp;B 贸易');
    expect(row.body_html).not.toContain('<img');
  });
});
