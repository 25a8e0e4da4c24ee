import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';
import type { ActivitySummaryView as Summary } from './activity-summary.schema.js';

/**
 * Hand-logged follow-ups (times in Beijing):
 *   rep east 1 on east1: visit 03-01 10:00, call 03-02 09:00, visit 03-31 23:30, email 04-01 00:10 (still 03-31 in UTC)
 *   manager east on east1: visit 03-10 15:00
 *   rep east 2 on east2: call 03-05 11:00, meeting 03-06 14:00
 *   rep south 1 on south1: visit 03-07 16:00
 */
let w: RecordWorld;

type Tally = Summary['total'];

const kinds = (tally: Tally) =>
  Object.fromEntries(tally.byKind.filter((k) => k.count > 0).map((k) => [k.kind, k.count]));

beforeAll(async () => {
  w = await openRecordWorld();
  const log = async (client: RecordWorld['admin'], customerId: number, kind: string, at: string) =>
    created(await client('POST', '/api/activities', { customerId, kind, at, subject: `${kind} ${at}` }));
  await log(w.repEast1, w.customers.east1, 'visit', '2025-03-01T10:00:00+08:00');
  await log(w.repEast1, w.customers.east1, 'call', '2025-03-02T09:00:00+08:00');
  await log(w.repEast1, w.customers.east1, 'visit', '2025-03-31T23:30:00+08:00');
  await log(w.repEast1, w.customers.east1, 'email', '2025-04-01T00:10:00+08:00');
  await log(w.managerEast, w.customers.east1, 'visit', '2025-03-10T15:00:00+08:00');
  await log(w.repEast2, w.customers.east2, 'call', '2025-03-05T11:00:00+08:00');
  await log(w.repEast2, w.customers.east2, 'meeting', '2025-03-06T14:00:00+08:00');
  await log(w.repSouth1, w.customers.south1, 'visit', '2025-03-07T16:00:00+08:00');
});

afterAll(async () => w.t.close());

const MARCH = 'from=2025-03-01&to=2025-03-31';
const summary = async (client: RecordWorld['admin'], query: string) =>
  (await json(await client('GET', `/api/activity-summary?${query}`))) as unknown as Summary;

describe('follow-up summary', () => {
  it('counts a month of follow-ups per person, by kind and customers reached, on Beijing business days', async () => {
    const report = await summary(w.admin, MARCH);
    expect(report.total).toMatchObject({ count: 7, customers: 3 });
    expect(kinds(report.total)).toEqual({ visit: 4, call: 2, meeting: 1 });
    const { repEast1, repEast2, managerEast, repSouth1 } = w.t.people;
    expect(report.users.slice(0, 2).map((u) => [u.userId, u.count])).toEqual([
      [repEast1, 3],
      [repEast2, 2],
    ]);
    expect(new Set(report.users.slice(2).map((u) => u.userId))).toEqual(new Set([managerEast, repSouth1]));
    expect(kinds(report.users[0]!)).toEqual({ visit: 2, call: 1 });
    expect(report.users[0]).toMatchObject({ userName: '张三', customers: 1 });
    const april = await summary(w.admin, 'from=2025-04-01&to=2025-04-01');
    expect(kinds(april.total)).toEqual({ email: 1 });
  });

  it("a rep counts the follow-ups on their own customers (a manager's visit among them), never a colleague's", async () => {
    const mine = await summary(w.repEast1, MARCH);
    expect(mine.total).toMatchObject({ count: 4, customers: 1 });
    expect(new Set(mine.users.map((u) => u.userId))).toEqual(
      new Set([w.t.people.repEast1, w.t.people.managerEast]),
    );
    const team = await summary(w.managerEast, MARCH);
    expect(team.total).toMatchObject({ count: 6, customers: 2 });
    expect(team.users.map((u) => u.userId)).not.toContain(w.t.people.repSouth1);
  });

  it('narrows by team, person and kind, and reports an empty period as zeros', async () => {
    expect((await summary(w.admin, `${MARCH}&teamId=${w.t.people.teamSouth}`)).total.count).toBe(1);
    expect((await summary(w.admin, `${MARCH}&userId=${w.t.people.repEast2}`)).total.count).toBe(2);
    expect((await summary(w.admin, `${MARCH}&kind=visit,meeting`)).total.count).toBe(5);
    const empty = await summary(w.admin, 'from=2030-01-01&to=2030-12-31');
    expect(empty.total.count).toBe(0);
    expect(empty.total.byKind.every((k) => k.count === 0)).toBe(true);
    expect(empty.users).toEqual([]);
  });

  it('refuses a kind it does not know, naming the field', async () => {
    const response = await w.admin('GET', '/api/activity-summary?kind=fax');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('kind');
  });
});

describe('the follow-up list and its export', () => {
  it('lists a team’s follow-ups, and exports the rep’s own with the kinds named in the reader’s language', async () => {
    const south = (await json(
      await w.admin('GET', `/api/activities?${MARCH}&teamId=${w.t.people.teamSouth}`),
    )) as unknown as { items: { customerId: number }[]; total: number };
    expect(south.total).toBe(1);
    expect(south.items[0]!.customerId).toBe(w.customers.south1);
    const rows = await csvRows(await w.repEast1('GET', `/api/exports/activities?format=csv&${MARCH}`));
    expect(rows[0]!.slice(0, 3)).toEqual(['跟进时间', '客户名称', '跟进方式']);
    expect(rows.slice(1).map((row) => row[2])).toEqual(['拜访', '拜访', '电话', '拜访']);
    expect(rows.slice(1).every((row) => row[1] === '江苏恒瑞机械制造有限公司')).toBe(true);
  });
});
