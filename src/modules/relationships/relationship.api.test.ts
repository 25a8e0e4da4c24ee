import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditActions,
  created,
  expectRefused,
  json,
  openRecordWorld,
  rowCount,
  type RecordWorld,
} from '../audit/api-fixtures.js';

let w: RecordWorld;
let crossTeam: number;

beforeAll(async () => {
  w = await openRecordWorld();
  crossTeam = (
    await created(
      await w.admin('POST', '/api/relationships', {
        customerId: w.customers.east1,
        relatedCustomerId: w.customers.south1,
        kind: 'referred',
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

describe('relationships', () => {
  it('a link shows on both customers, outgoing and incoming, and is removed by the recording side', async () => {
    const link = await created(
      await w.managerEast('POST', '/api/relationships', {
        customerId: w.customers.east1,
        relatedCustomerId: w.customers.east2,
        kind: 'downstream',
        note: '二级经销',
      }),
    );
    expect(link).toMatchObject({ direction: 'outgoing', relatedCustomerName: '杭州东方泵业股份有限公司' });
    const incoming = await json(await w.repEast2('GET', `/api/customers/${w.customers.east2}/relationships`));
    expect(incoming.items).toEqual([
      expect.objectContaining({
        id: link.id,
        direction: 'incoming',
        relatedCustomerId: w.customers.east1,
        relatedCustomerName: null,
      }),
    ]);
    expect((await w.repEast2('DELETE', `/api/relationships/${link.id}`)).status).toBe(404);
    expect((await w.repEast1('DELETE', `/api/relationships/${link.id}`)).status).toBe(204);
    expect(await auditActions(w.t, 'relationship', link.id)).toEqual(['create', 'delete']);
  });

  it("a referred link makes the referrer the referred customer's 推荐客户 when it has none, and keeps one it has", async () => {
    const referrerOf = async (id: number) =>
      (await json(await w.admin('GET', `/api/customers/${id}`))).referredById as number | null;
    expect(await referrerOf(w.customers.south1)).toBe(w.customers.east1);
    await created(
      await w.admin('POST', '/api/relationships', {
        customerId: w.customers.unowned,
        relatedCustomerId: w.customers.south1,
        kind: 'referred',
      }),
    );
    expect(await referrerOf(w.customers.south1)).toBe(w.customers.east1);
    const referrals = await json(await w.admin('GET', `/api/customers/${w.customers.east1}/referrals`));
    expect(referrals.items!.map((item) => item.id)).toEqual([w.customers.south1]);
    expect(await auditActions(w.t, 'customer', w.customers.south1)).toEqual(['create', 'update']);
  });

  it('names the other end only for a user who may see it', async () => {
    const forRep = await json(await w.repEast1('GET', `/api/customers/${w.customers.east1}/relationships`));
    expect(forRep.items!.find((r) => r.id === crossTeam)).toMatchObject({
      relatedCustomerName: null,
      direction: 'outgoing',
    });
    const forAdmin = await json(await w.admin('GET', `/api/customers/${w.customers.east1}/relationships`));
    expect(forAdmin.items!.find((r) => r.id === crossTeam)).toMatchObject({
      relatedCustomerName: '广州南方电力设备有限公司',
    });
    expect((await w.repEast1('GET', `/api/customers/${w.customers.south1}/relationships`)).status).toBe(404);
  });

  it('refuses a self link, a duplicate, an unknown kind and a customer out of scope, writing nothing', async () => {
    const before = await rowCount(w.t, 'customer_relationships');
    const body = { customerId: w.customers.east1, relatedCustomerId: w.customers.south1, kind: 'referred' };
    await expectRefused(
      await w.repEast1('POST', '/api/relationships', body),
      400,
      'relatedCustomerId',
      'unknown_customer',
    );
    await expectRefused(
      await w.admin('POST', '/api/relationships', body),
      409,
      'relatedCustomerId',
      'duplicate',
    );
    await expectRefused(
      await w.admin('POST', '/api/relationships', { ...body, relatedCustomerId: w.customers.east1 }),
      400,
      'relatedCustomerId',
      'self_reference',
    );
    await expectRefused(
      await w.admin('POST', '/api/relationships', { ...body, kind: 'rival' }),
      400,
      'kind',
      'invalid_value',
    );
    await expectRefused(
      await w.repSouth1('POST', '/api/relationships', { ...body, customerId: w.customers.east2 }),
      400,
      'customerId',
      'unknown_customer',
    );
    expect(await rowCount(w.t, 'customer_relationships')).toBe(before);
  });
});
