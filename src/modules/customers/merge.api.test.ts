import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { systemActor } from '../auth/actor.js';
import { findModelByKey } from '../grading/model.repository.js';
import { executeRun } from '../grading/run.service.js';
import { runImport } from '../imports/pipeline.js';
import { mergeCustomers } from './merge.service.js';

const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');
let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let compositeId: number;
const id: Record<'survivor' | 'duplicate' | 'southCopy' | 'samePhone' | 'partner' | 'target', number> = {
  survivor: 0,
  duplicate: 0,
  southCopy: 0,
  samePhone: 0,
  partner: 0,
  target: 0,
};

interface Group {
  reasons: string[];
  customers: { id: number; code: string; orderCount: number; amount: string; ownerName: string | null }[];
}

async function body<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

const groupsOf = async (client: Client) =>
  (await body<{ items: Group[]; total: number }>(await client('GET', '/api/customers/duplicates'))).items.map(
    (group) => ({ reasons: group.reasons, ids: group.customers.map((c) => c.id) }),
  );

const order = (customerId: number, orderNo: string, amount: number, date = '2024-06-01') => ({
  customer_id: customerId,
  order_no: orderNo,
  order_date: date,
  amount: amount.toFixed(2),
  gross_profit: (amount / 4).toFixed(2),
});

const stateOf = async (customerId: number) =>
  (
    await sql<{ order_count: number; amount: string }>`
      SELECT order_count, amount FROM customer_state WHERE customer_id = ${customerId}`.execute(t.handle.db)
  ).rows[0];

beforeAll(async () => {
  t = await createTestApp({}, () => RUN_DAY);
  [admin, managerEast, repEast1] = await Promise.all([t.as('admin'), t.as('managerEast'), t.as('repEast1')]);
  const { people } = t;
  const db = t.handle.db;
  const customer = async (values: Record<string, unknown>) =>
    (
      await db
        .insertInto('customers')
        .values(values as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const east = { team_id: people.teamEast };
  id.survivor = await customer({
    ...east,
    code: 'M-S',
    name: '苏州精工阀门有限公司',
    owner_id: people.repEast1,
    tags: ['重点'],
    custom: JSON.stringify({ erp: 'S-1' }),
  });
  id.duplicate = await customer({
    ...east,
    code: 'M-D',
    name: '苏州精工阀门 有限责任公司',
    owner_id: people.repEast2,
    phone: '+86 138-0000-1111',
    province: '江苏',
    tags: ['老客户', '重点'],
    custom: JSON.stringify({ erp: 'D-9', channel: '代理' }),
  });
  id.southCopy = await customer({
    code: 'M-SOUTH',
    name: '苏州精工阀门（有限公司）',
    owner_id: people.repSouth1,
    team_id: people.teamSouth,
  });
  id.samePhone = await customer({
    ...east,
    code: 'M-P',
    name: '精工采购部',
    owner_id: people.repEast1,
    phone: '13800001111',
  });
  id.partner = await customer({
    ...east,
    code: 'M-X',
    name: '无锡伙伴贸易有限公司',
    owner_id: people.repEast1,
  });
  id.target = await customer({ ...east, code: 'M-T', name: '常州终端有限公司', owner_id: people.repEast1 });
  await db
    .updateTable('customers')
    .set({ referred_by_id: id.duplicate })
    .where('id', '=', id.partner)
    .execute();
  for (let c = 1; c <= 12; c++) {
    const filler = await customer({
      ...east,
      code: `M-F${c}`,
      name: `填充客户${c}`,
      owner_id: people.repEast1,
    });
    await db
      .insertInto('orders')
      .values(order(filler, `F-${c}`, c * 10_000))
      .execute();
  }
  await db
    .insertInto('orders')
    .values([
      order(id.survivor, 'S-1', 1000.1),
      order(id.duplicate, 'D-1', 400_000.2),
      order(id.duplicate, 'D-2', 250_000.35, '2024-09-15'),
    ])
    .execute();
  const d1 = await db
    .selectFrom('orders')
    .select('id')
    .where('order_no', '=', 'D-1')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('payments')
    .values({ customer_id: id.duplicate, order_id: d1.id, due_date: '2024-07-01', amount: '400000.20' })
    .execute();
  await db
    .insertInto('activities')
    .values({
      customer_id: id.duplicate,
      kind: 'visit',
      at: new Date('2024-10-01T10:00:00+08:00'),
      subject: '拜访',
    })
    .execute();
  await db
    .insertInto('contacts')
    .values({ customer_id: id.duplicate, name: '周采购', phone: '13900001111' })
    .execute();
  await sql`INSERT INTO opportunities (customer_id, name, amount, stage) VALUES (${id.duplicate}, '阀门改造', 80000, 'lead')`.execute(
    db,
  );
  await db
    .insertInto('customer_relationships')
    .values([
      { customer_id: id.duplicate, related_customer_id: id.partner, kind: 'peer' },
      { customer_id: id.survivor, related_customer_id: id.duplicate, kind: 'peer' },
    ])
    .execute();
  compositeId = (await findModelByKey(db, 'composite'))!.id;
  await executeRun(db, { modelId: compositeId, asOf: '2025-01-01', trigger: 'cli', startedBy: null });
});
afterAll(async () => t.close());

describe('finding duplicates', () => {
  it('a manager sees the team customers that share a normalised name or a phone number, never another team’s', async () => {
    expect(await groupsOf(managerEast)).toEqual([
      { reasons: ['same_name'], ids: [id.survivor, id.duplicate] },
      { reasons: ['same_phone'], ids: [id.duplicate, id.samePhone] },
    ]);
  });

  it('the admin also sees the south team’s copy in the same group', async () => {
    const groups = await groupsOf(admin);
    expect(groups).toContainEqual({ reasons: ['same_name'], ids: [id.survivor, id.duplicate, id.southCopy] });
  });

  it('a rep compares only their own customers: another rep’s copy is not revealed', async () => {
    expect(await groupsOf(repEast1)).toEqual([]);
  });

  it('each member shows its business, to decide which one survives', async () => {
    const page = await body<{ items: Group[] }>(await managerEast('GET', '/api/customers/duplicates'));
    const duplicate = page.items[0]!.customers.find((c) => c.id === id.duplicate)!;
    expect(duplicate).toMatchObject({ code: 'M-D', orderCount: 2, amount: '650000.55' });
  });
});

describe('refused merges change nothing', () => {
  it('a rep may not merge', async () => {
    await body(
      await repEast1('POST', `/api/customers/${id.survivor}/merge`, { duplicateIds: [id.samePhone] }),
      403,
    );
  });

  it('a manager cannot merge a customer outside the team, and learns nothing about it', async () => {
    const error = await body<{ error: { fields: { path: string; reason: string }[] } }>(
      await managerEast('POST', `/api/customers/${id.survivor}/merge`, { duplicateIds: [id.southCopy] }),
      400,
    );
    expect(error.error.fields).toMatchObject([{ path: 'duplicateIds', reason: 'unknown_customer' }]);
  });

  it('a customer is not merged into itself', async () => {
    const error = await body<{ error: { fields: { reason: string }[] } }>(
      await managerEast('POST', `/api/customers/${id.survivor}/merge`, { duplicateIds: [id.survivor] }),
      400,
    );
    expect(error.error.fields[0]!.reason).toBe('self_reference');
  });

  it('a field can only be taken from a customer being merged', async () => {
    const error = await body<{ error: { fields: { path: string; reason: string }[] } }>(
      await managerEast('POST', `/api/customers/${id.survivor}/merge`, {
        duplicateIds: [id.duplicate],
        take: { phone: id.partner },
      }),
      400,
    );
    expect(error.error.fields).toMatchObject([{ path: 'take.phone', reason: 'not_in_merge' }]);
    expect(await stateOf(id.duplicate)).toMatchObject({ order_count: 2 });
  });
});

describe('a merge', () => {
  let result: {
    customer: { ownerId: number; phone: string | null; tags: string[]; custom: Record<string, unknown> };
    moved: Record<string, number>;
  };

  beforeAll(async () => {
    const before = await t.handle.db
      .selectFrom('customer_grades')
      .select('grade_code')
      .where('customer_id', '=', id.survivor)
      .executeTakeFirstOrThrow();
    expect(before.grade_code).toBe('D');
    result = await body(
      await managerEast('POST', `/api/customers/${id.survivor}/merge`, {
        duplicateIds: [id.duplicate],
        take: { ownerId: id.duplicate },
      }),
    );
  });

  it('keeps the survivor’s values, fills its empty fields from the duplicate, and takes the chosen ones', async () => {
    expect(result.customer).toMatchObject({
      ownerId: t.people.repEast2,
      phone: '+86 138-0000-1111',
      tags: ['重点', '老客户'],
      custom: { erp: 'S-1', channel: '代理' },
    });
  });

  it('moves every record and says how many', async () => {
    expect(result.moved).toEqual({
      orders: 2,
      payments: 1,
      activities: 1,
      contacts: 1,
      opportunities: 1,
      relationships: 1,
      referrals: 1,
      messages: 0,
      poolMoves: 0,
    });
  });

  it('the survivor’s state counts all the orders, to the cent', async () => {
    expect(await stateOf(id.survivor)).toEqual({ order_count: 3, amount: '651000.65' });
    expect(await stateOf(id.duplicate)).toBeUndefined();
  });

  it('re-grades the survivor at once, recording the merge as the cause', async () => {
    const grade = await t.handle.db
      .selectFrom('customer_grades')
      .select(['grade_code', 'cause'])
      .where('customer_id', '=', id.survivor)
      .where('model_id', '=', compositeId)
      .executeTakeFirstOrThrow();
    expect(grade).toEqual({ grade_code: 'A', cause: 'instant' });
    const change = await t.handle.db
      .selectFrom('grade_changes')
      .select('detail')
      .where('customer_id', '=', id.survivor)
      .where('cause', '=', 'instant')
      .executeTakeFirstOrThrow();
    expect(change.detail).toMatchObject({ trigger: 'merge' });
    const left = await t.handle.db
      .selectFrom('customer_grades')
      .select('model_id')
      .where('customer_id', '=', id.duplicate)
      .execute();
    expect(left).toEqual([]);
  });

  it('the duplicate is gone from every list and its page, and the duplicates report no longer pairs them', async () => {
    await body(await admin('GET', `/api/customers/${id.duplicate}`), 404);
    const list = await body<{ items: { id: number }[] }>(await admin('GET', '/api/customers?q=精工阀门'));
    expect(list.items.map((c) => c.id).sort((a, b) => a - b)).toEqual([id.survivor, id.southCopy]);
    expect(await groupsOf(managerEast)).toEqual([
      { reasons: ['same_phone'], ids: [id.survivor, id.samePhone] },
    ]);
  });

  it('an old link to the duplicate leads to the survivor, for those who see the survivor only', async () => {
    const mergedInto = (client: Client, customerId: number) =>
      client('GET', `/api/customers/${customerId}/merged-into`).then((r) => body<{ survivor: unknown }>(r));
    expect(await mergedInto(managerEast, id.duplicate)).toEqual({
      survivor: { id: id.survivor, code: 'M-S', name: '苏州精工阀门有限公司' },
    });
    expect(await mergedInto(repEast1, id.duplicate)).toEqual({ survivor: null });
    expect(await mergedInto(managerEast, id.partner)).toEqual({ survivor: null });
  });

  it('relationships and referrals point at the survivor, and the pair’s own link is dropped', async () => {
    const links = await t.handle.db
      .selectFrom('customer_relationships')
      .select(['customer_id', 'related_customer_id', 'kind'])
      .where((eb) =>
        eb.or([eb('customer_id', '=', id.survivor), eb('related_customer_id', '=', id.survivor)]),
      )
      .execute();
    expect(links).toEqual([{ customer_id: id.survivor, related_customer_id: id.partner, kind: 'peer' }]);
    const partner = await t.handle.db
      .selectFrom('customers')
      .select('referred_by_id')
      .where('id', '=', id.partner)
      .executeTakeFirstOrThrow();
    expect(partner.referred_by_id).toBe(id.survivor);
  });

  it('is audited on both customers', async () => {
    const entries = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('action', 'in', ['merge', 'merged_into'])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { entity_id: String(id.survivor), action: 'merge' },
      { entity_id: String(id.duplicate), action: 'merged_into' },
    ]);
  });
});

describe('the merged code afterwards', () => {
  const system = systemActor;
  const dir = mkdtempSync(join(tmpdir(), 'stratum-merge-'));
  const importOrders = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['订单号,客户编号,成交日期,金额,毛利', ...rows].join('\n'));
    return runImport(t.handle, system, {
      entity: 'orders',
      files: [{ path }],
      mapping: {
        order_no: { column: '订单号' },
        customer_code: { column: '客户编号' },
        order_date: { column: '成交日期' },
        amount: { column: '金额' },
        gross_profit: { column: '毛利' },
      },
    });
  };

  const customerOfOrder = async (orderNo: string) =>
    (
      await t.handle.db
        .selectFrom('orders')
        .select('customer_id')
        .where('order_no', '=', orderNo)
        .executeTakeFirstOrThrow()
    ).customer_id;

  it('an ERP file still using the old code changes nothing it already holds and adds new orders to the survivor', async () => {
    const result = await importOrders('erp.csv', [
      'D-1,M-D,2024-06-01,400000.20,100000.05',
      'D-3,M-D,2024-11-02,99.90,',
    ]);
    expect(result.problems ?? []).toEqual([]);
    expect([result.inserted, result.updated]).toEqual([1, 0]);
    expect(await customerOfOrder('D-3')).toBe(id.survivor);
    expect(await stateOf(id.survivor)).toEqual({ order_count: 4, amount: '651100.55' });
  });

  it('merging the survivor on leaves the old code pointing at the last survivor', async () => {
    await body(await admin('POST', `/api/customers/${id.target}/merge`, { duplicateIds: [id.survivor] }));
    const rows = await t.handle.db
      .selectFrom('customers')
      .select(['id', 'merged_into_id'])
      .where('id', 'in', [id.survivor, id.duplicate])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.merged_into_id)).toEqual([id.target, id.target]);
    const result = await importOrders('erp-2.csv', ['D-4,M-D,2024-12-02,1.00,']);
    expect(result.inserted).toBe(1);
    expect(await customerOfOrder('D-4')).toBe(id.target);
  });
});

describe('a merge by the CLI before any admin exists', () => {
  it('revokes the duplicate’s live override and writes its audit entry without naming a user that does not exist', async () => {
    const system = systemActor;
    const db = t.handle.db;
    const [kept, copy] = await Promise.all(
      ['M-SYS-A', 'M-SYS-B'].map(
        async (code) =>
          (
            await db
              .insertInto('customers')
              .values({ code, name: code })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    await db
      .insertInto('grade_overrides')
      .values({ model_id: compositeId, customer_id: copy!, grade_code: 'A', reason: '战略客户' })
      .execute();
    await db
      .transaction()
      .execute((trx) => mergeCustomers(trx, system, kept!, { duplicateIds: [copy!] }, RUN_DAY));
    const override = await db
      .selectFrom('grade_overrides')
      .select(['revoked_at', 'revoked_by'])
      .where('customer_id', '=', copy!)
      .executeTakeFirstOrThrow();
    expect(override.revoked_at).not.toBeNull();
    expect(override.revoked_by).toBeNull();
    const trail = await db
      .selectFrom('audit_log')
      .select(['user_id', 'action'])
      .where('entity', '=', 'customer')
      .where('entity_id', '=', String(kept))
      .execute();
    expect(trail).toEqual([{ user_id: null, action: 'merge' }]);
  });
});
