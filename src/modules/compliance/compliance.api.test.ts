import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { insertGradedCustomer, modelIdOf } from '../policies/testing/graded-customers.js';

/**
 * A constructed company on 2025-06-30 (Asia/Shanghai) under the composite preset policy
 * (A dedicated senior, B 1:2 middle, C 1:5 junior with ¥200,000 credit and 30-day terms, D pool):
 *   east  C1  B  no owner                                       → no_owner
 *   east  C2  A  rep.east1 (junior)                              → level_below
 *   east  C3–C5 B  rep.east2 (middle): 3 × 1/2 = 1.5 managers     → over_capacity ×3
 *   east  C6  A  mgr.east (senior), last contact 2025-06-01 (7 d) → contact_overdue
 *   east  C10 A  rep.east3 (senior), contacted yesterday           compliant
 *   east  C11 D  no owner, pool mode                               compliant
 *   east  C12 –  ungraded, no owner                                not checked
 *   east  C13 B  no owner, deleted                                 gone
 *   east  C14 B  owner deactivated                                 → no_owner
 *   south C7  C  rep.south1, ¥250,000 overdue since 2025-05-01     → over_credit
 *   south C8  C  rep.south1, agreed terms 45 days                  → terms_exceeded
 *   south C9  C  rep.south1, ordered 03-01, due 05-15 (75 days)    → terms_exceeded
 */
let t: TestApp;
let admin: Client;
let managerEast: Client;
let managerSouth: Client;
let repEast1: Client;
let repSouth1: Client;
const ids: Record<string, number> = {};
const NOW = new Date('2025-06-30T04:00:00Z');

interface Item {
  id: number;
  code: string;
  kinds: string[];
  figures: Record<string, unknown>;
}
interface Page {
  items: Item[];
  total: number;
  nextCursor: number | null;
}

beforeAll(async () => {
  t = await createTestApp({}, () => NOW);
  const db = t.handle.db;
  const p = t.people;
  await db.updateTable('users').set({ level: 'middle' }).where('id', '=', p.repEast2).execute();
  const user = async (login: string, level: 'senior' | 'junior', active: boolean) =>
    (
      await db
        .insertInto('users')
        .values({ login, name: login, role: 'rep', team_id: p.teamEast, level, active, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const repEast3 = await user('rep.east3', 'senior', true);
  const gone = await user('rep.gone', 'junior', false);
  const composite = await modelIdOf(db, 'composite');
  const specs: Array<[string, number, number | null, string | null, { terms?: number; deleted?: boolean }?]> =
    [
      ['C1', p.teamEast, null, 'B'],
      ['C2', p.teamEast, p.repEast1, 'A'],
      ['C3', p.teamEast, p.repEast2, 'B'],
      ['C4', p.teamEast, p.repEast2, 'B'],
      ['C5', p.teamEast, p.repEast2, 'B'],
      ['C6', p.teamEast, p.managerEast, 'A'],
      ['C10', p.teamEast, repEast3, 'A'],
      ['C11', p.teamEast, null, 'D'],
      ['C12', p.teamEast, null, null],
      ['C13', p.teamEast, null, 'B', { deleted: true }],
      ['C14', p.teamEast, gone, 'B'],
      ['C7', p.teamSouth, p.repSouth1, 'C'],
      ['C8', p.teamSouth, p.repSouth1, 'C', { terms: 45 }],
      ['C9', p.teamSouth, p.repSouth1, 'C'],
    ];
  for (const [code, teamId, ownerId, grade, extra] of specs) {
    const id = await insertGradedCustomer(db, composite, grade, {
      code,
      name: `客户 ${code}`,
      team_id: teamId,
      owner_id: ownerId,
      payment_terms_days: extra?.terms ?? null,
      created_at: '2025-01-01T00:00:00+08:00',
      deleted_at: extra?.deleted ? new Date() : null,
    });
    ids[code] = id;
    if (ownerId !== null)
      await db
        .insertInto('activities')
        .values({
          customer_id: id,
          user_id: ownerId,
          kind: 'call',
          subject: 'follow-up',
          at: code === 'C6' ? '2025-06-01T10:00:00+08:00' : '2025-06-29T10:00:00+08:00',
        })
        .execute();
  }
  await db
    .insertInto('payments')
    .values({ customer_id: ids.C7!, due_date: '2025-05-01', amount: '250000.00' })
    .execute();
  const order = await db
    .insertInto('orders')
    .values({ customer_id: ids.C9!, order_no: 'O-C9', order_date: '2025-03-01', amount: '1000.00' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('payments')
    .values({
      customer_id: ids.C9!,
      order_id: order.id,
      due_date: '2025-05-15',
      paid_date: '2025-05-15',
      amount: '1000.00',
    })
    .execute();
  [admin, managerEast, managerSouth, repEast1, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('managerSouth'),
    t.as('repEast1'),
    t.as('repSouth1'),
  ]);
});
afterAll(async () => t.close());

const page = async (client: Client, query = '') => {
  const response = await client('GET', `/api/compliance${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
};
const codesOf = (p: Page) => p.items.map((i) => i.code).sort();
const kindsOf = (p: Page) => Object.fromEntries(p.items.map((i) => [i.code, i.kinds]));

describe('compliance lists', () => {
  it('finds every kind of violation on the constructed company, and nothing else', async () => {
    expect(kindsOf(await page(admin))).toEqual({
      C1: ['no_owner'],
      C2: ['level_below'],
      C3: ['over_capacity'],
      C4: ['over_capacity'],
      C5: ['over_capacity'],
      C6: ['contact_overdue'],
      C14: ['no_owner'],
      C7: ['over_credit'],
      C8: ['terms_exceeded'],
      C9: ['terms_exceeded'],
    });
  });

  it('narrows to one kind and shows the figures behind it', async () => {
    const load = await page(admin, '?kind=over_capacity');
    expect(load.total).toBe(3);
    expect(load.items[0]!.figures).toMatchObject({ ownerLoad: 1.5, maxCustomersPerManager: 2 });
    const contact = await page(admin, '?kind=contact_overdue');
    expect(contact.items[0]!.figures).toMatchObject({ lastContact: '2025-06-01', contactCadenceDays: 7 });
    const credit = await page(admin, '?kind=over_credit');
    expect(credit.items[0]!.figures).toMatchObject({ overdueAmount: '250000.00', creditLimit: '200000.00' });
    const terms = await page(admin, '?kind=terms_exceeded');
    expect(
      terms.items.map((i) => [
        i.code,
        i.figures.termsDays,
        i.figures.termsAgreed,
        i.figures.allowedTermsDays,
      ]),
    ).toEqual([
      ['C8', 45, true, 30],
      ['C9', 75, false, 30],
    ]);
  });

  it('pages by customer id with a total', async () => {
    const first = await page(admin, '?limit=4');
    expect([first.items.length, first.total]).toEqual([4, 10]);
    const second = await page(admin, `?limit=4&cursor=${first.nextCursor}`);
    const third = await page(admin, `?limit=4&cursor=${second.nextCursor}`);
    expect([second.items.length, third.items.length, third.nextCursor]).toEqual([4, 2, null]);
    expect(new Set([...first.items, ...second.items, ...third.items].map((i) => i.id)).size).toBe(10);
  });

  it('shows a rep only their own customers and a manager only their team', async () => {
    expect(codesOf(await page(repEast1))).toEqual(['C2']);
    expect(codesOf(await page(repSouth1))).toEqual(['C7', 'C8', 'C9']);
    expect(codesOf(await page(managerEast))).toEqual(['C1', 'C14', 'C2', 'C3', 'C4', 'C5', 'C6']);
    expect(codesOf(await page(managerSouth))).toEqual(['C7', 'C8', 'C9']);
    expect((await repEast1('GET', `/api/compliance?ownerId=${t.people.repEast2}`)).status).toBe(400);
  });

  it('counts per kind, per team and per owner within the scope', async () => {
    const summary = (await (await admin('GET', '/api/compliance/summary')).json()) as {
      checked: number;
      violating: number;
      kinds: Record<string, number>;
      byTeam: Array<{ teamName: string; checked: number; violating: number }>;
      byOwner: Array<{ ownerName: string | null; violating: number; kinds: Record<string, number> }>;
    };
    expect(summary.kinds).toEqual({
      no_owner: 2,
      level_below: 1,
      over_capacity: 3,
      contact_overdue: 1,
      over_credit: 1,
      terms_exceeded: 2,
    });
    expect([summary.checked, summary.violating]).toEqual([12, 10]);
    expect(summary.byTeam.map((g) => [g.teamName, g.checked, g.violating])).toEqual([
      ['华东大区', 9, 7],
      ['华南大区', 3, 3],
    ]);
    expect(summary.byOwner.find((g) => g.ownerName === '赵四')).toMatchObject({
      violating: 3,
      kinds: { over_capacity: 3 },
    });
    const south = (await (await managerSouth('GET', '/api/compliance/summary')).json()) as typeof summary;
    expect([south.checked, south.violating, south.byTeam.length]).toEqual([3, 3, 1]);
  });

  it('exports a list as CSV with a BOM, only within the scope', async () => {
    const response = await managerEast(
      'GET',
      '/api/compliance/export?format=csv&kind=over_capacity',
      undefined,
      {
        'accept-language': 'en-US',
      },
    );
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8', 3);
    const lines = text.split('\r\n').filter(Boolean);
    expect(text.startsWith('Customer code,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['C3', 'C4', 'C5']);
    expect(lines[1]).toContain('Owner over capacity');
    const rep = await (await repSouth1('GET', '/api/compliance/export?format=csv')).text();
    expect(rep.split('\r\n').filter(Boolean).length).toBe(4);
  });

  it('exports an XLSX in Chinese with the money as numbers', async () => {
    const response = await admin('GET', '/api/compliance/export?kind=over_credit');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const input = new PassThrough();
    input.end(Buffer.from(await response.arrayBuffer()));
    const rows: unknown[][] = [];
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(input, {}))
      for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
    expect(rows[0]?.[0]).toBe('客户编号');
    expect(rows.slice(1).map((row) => [row[0], row[5], row[9], row[10]])).toEqual([
      ['C7', '逾期超信用额度', 250000, 200000],
    ]);
  });
});
