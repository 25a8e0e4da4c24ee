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
let east1Contact: number;
let east2Contact: number;
let east2Activity: number;

beforeAll(async () => {
  w = await openRecordWorld();
  east1Contact = (
    await created(await w.repEast1('POST', '/api/contacts', { customerId: w.customers.east1, name: '刘总' }))
  ).id;
  east2Contact = (
    await created(
      await w.repEast2('POST', '/api/contacts', { customerId: w.customers.east2, name: '周采购' }),
    )
  ).id;
  east2Activity = (
    await created(
      await w.repEast2('POST', '/api/activities', {
        customerId: w.customers.east2,
        kind: 'call',
        at: '2024-06-01T02:00:00Z',
        subject: '询价跟进',
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

describe('activity round trip', () => {
  it('a rep logs their own visit with a contact, changes and deletes it, audited', async () => {
    const activity = await created(
      await w.repEast1('POST', '/api/activities', {
        customerId: w.customers.east1,
        contactId: east1Contact,
        kind: 'visit',
        at: '2024-06-03T09:00:00+08:00',
        subject: '上门拜访',
        nextActionAt: '2024-06-10T09:00:00+08:00',
      }),
    );
    expect(activity).toMatchObject({
      userId: w.t.people.repEast1,
      userName: '张三',
      contactName: '刘总',
      at: '2024-06-03T01:00:00.000Z',
      nextActionAt: '2024-06-10T01:00:00.000Z',
    });
    expect(
      await json(
        await w.repEast1('PATCH', `/api/activities/${activity.id}`, { kind: 'meeting', note: '技术交流' }),
      ),
    ).toMatchObject({
      kind: 'meeting',
      note: '技术交流',
    });
    expect((await w.repEast1('DELETE', `/api/activities/${activity.id}`)).status).toBe(204);
    expect(await auditActions(w.t, 'activity', activity.id)).toEqual(['create', 'update', 'delete']);
  });

  it('a manager may log for a rep of the team, not for a rep of another team; a rep only for themselves', async () => {
    const body = {
      customerId: w.customers.east1,
      kind: 'call',
      at: '2024-06-04T01:00:00Z',
      subject: '电话回访',
    };
    const forRep = await created(
      await w.managerEast('POST', '/api/activities', { ...body, userId: w.t.people.repEast1 }),
    );
    expect(forRep.userId).toBe(w.t.people.repEast1);
    await expectRefused(
      await w.managerEast('POST', '/api/activities', { ...body, userId: w.t.people.repSouth1 }),
      400,
      'userId',
      'unknown_reference',
    );
    await expectRefused(
      await w.repEast1('POST', '/api/activities', { ...body, userId: w.t.people.repEast2 }),
      400,
      'userId',
      'not_in_team',
    );
  });

  it('filters by kind, user and business-day range (Beijing time)', async () => {
    const late = await created(
      await w.repEast1('POST', '/api/activities', {
        customerId: w.customers.east1,
        kind: 'wechat',
        at: '2024-06-30T17:00:00Z',
        subject: '微信',
      }),
    );
    const july = await json(await w.repEast1('GET', '/api/activities?from=2024-07-01&to=2024-07-01'));
    expect(july.items!.map((a) => a.id)).toEqual([late.id]);
    const byKind = await json(
      await w.managerEast('GET', `/api/activities?kind=call&userId=${w.t.people.repEast2}`),
    );
    expect(byKind.items!.map((a) => a.id)).toEqual([east2Activity]);
  });
});

describe('activity validation', () => {
  const base = () => ({
    customerId: w.customers.east1,
    kind: 'call',
    at: '2024-06-01T08:00:00Z',
    subject: '电话',
  });
  const cases: Array<[string, () => Record<string, unknown>, string, string | undefined]> = [
    ['missing subject', () => ({ ...base(), subject: undefined }), 'subject', 'required'],
    ['unknown kind', () => ({ ...base(), kind: 'fax' }), 'kind', 'invalid_value'],
    ['a timestamp without a zone', () => ({ ...base(), at: '2024-06-01 08:00' }), 'at', 'invalid_format'],
    ['overlong subject', () => ({ ...base(), subject: 's'.repeat(201) }), 'subject', 'too_long'],
    [
      "another customer's contact",
      () => ({ ...base(), contactId: east2Contact }),
      'contactId',
      'unknown_reference',
    ],
    [
      "another rep's customer",
      () => ({ ...base(), customerId: w.customers.east2 }),
      'customerId',
      'unknown_customer',
    ],
  ];
  it.each(cases)(
    '%s is refused naming the field, and nothing is written',
    async (_label, body, path, reason) => {
      const before = await rowCount(w.t, 'activities');
      await expectRefused(await w.repEast1('POST', '/api/activities', body()), 400, path, reason);
      expect(await rowCount(w.t, 'activities')).toBe(before);
    },
  );
});

describe('activity data scope', () => {
  it("a rep gets 404 for another rep's activity and that customer's list; lists and counts exclude it", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { subject: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      expect((await w.repEast1(method, `/api/activities/${east2Activity}`, body)).status).toBe(404);
    }
    expect((await w.repEast1('GET', `/api/customers/${w.customers.east2}/activities`)).status).toBe(404);
    const ids = async (client: typeof w.admin) =>
      (await json(await client('GET', '/api/activities'))).items!.map((a) => a.id);
    expect(await ids(w.repEast1)).not.toContain(east2Activity);
    expect(await ids(w.managerEast)).toContain(east2Activity);
    expect(await ids(w.managerSouth)).toEqual([]);
    expect(await ids(w.admin)).toContain(east2Activity);
    expect((await json(await w.admin('GET', `/api/activities/${east2Activity}`))).subject).toBe('询价跟进');
  });
});
