import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  created,
  expectRefused,
  listedNames,
  openRecordWorld,
  type RecordWorld,
} from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';

/**
 * Rep east 1's payments, seen on 2024-09-01, with ties and blanks where sorting goes wrong:
 *   P1 due 2024-06-01, paid 2024-06-21,   300.00 → 20 days late
 *   P2 due 2024-07-01, unpaid,           1,000.00 → 62 days late (1,300.00 until P5 was received from it)
 *   P3 due 2024-08-01, paid 2024-07-30,   300.00 → on time
 *   P4 due 2024-10-01, unpaid,              50.00 → not due
 *   P5 due 2024-07-01, paid 2024-06-25,   300.00 → a part received of P2, on time
 * and rep east 2's PX, 9,999.00, which rep east 1 never sees.
 */
let w: RecordWorld;
const ids: Record<string, number> = {};
const AS_OF = '2024-09-01';

beforeAll(async () => {
  w = await openRecordWorld();
  const payments: [string, RecordWorld['admin'], number, string, string | undefined, string][] = [
    ['P1', w.repEast1, w.customers.east1, '2024-06-01', '2024-06-21', '300.00'],
    ['P2', w.repEast1, w.customers.east1, '2024-07-01', undefined, '1300.00'],
    ['P3', w.repEast1, w.customers.east1, '2024-08-01', '2024-07-30', '300.00'],
    ['P4', w.repEast1, w.customers.east1, '2024-10-01', undefined, '50.00'],
    ['PX', w.repEast2, w.customers.east2, '2024-05-01', undefined, '9999.00'],
  ];
  for (const [name, client, customerId, dueDate, paidDate, amount] of payments) {
    ids[name] = (
      await created(await client('POST', '/api/payments', { customerId, dueDate, paidDate, amount }))
    ).id;
  }
  const receipt = await w.repEast1('POST', `/api/payments/${ids.P2}/receipts`, {
    amount: '300.00',
    paidDate: '2024-06-25',
  });
  expect(receipt.status, await receipt.clone().text()).toBe(200);
  ids.P5 = ((await receipt.json()) as { paid: { id: number } }).paid.id;
});

afterAll(async () => w.t.close());

const walk = (client: RecordWorld['admin'], query: string, asOf = AS_OF) =>
  listedNames(client, `/api/payments?asOf=${asOf}&${query}`, ids);

describe('sorting the payment list', () => {
  it('latest due first by default, payments due the same day by id, newest first', async () => {
    expect(await walk(w.repEast1, '')).toEqual(['P4', 'P3', 'P5', 'P2', 'P1']);
    expect(await walk(w.repEast1, 'sort=dueDate&order=asc')).toEqual(['P1', 'P2', 'P5', 'P3', 'P4']);
  });

  it('by paid date, the unpaid last either way', async () => {
    expect(await walk(w.repEast1, 'sort=paidDate&order=desc')).toEqual(['P3', 'P5', 'P1', 'P4', 'P2']);
    expect(await walk(w.repEast1, 'sort=paidDate&order=asc')).toEqual(['P1', 'P5', 'P3', 'P2', 'P4']);
  });

  it('by amount, a tie broken by id in the same direction, across pages', async () => {
    expect(await walk(w.repEast1, 'sort=amount&order=desc')).toEqual(['P2', 'P5', 'P3', 'P1', 'P4']);
  });

  it('by days late, counted on the day the list is seen on', async () => {
    expect(await walk(w.repEast1, 'sort=daysLate&order=desc')).toEqual(['P2', 'P1', 'P5', 'P4', 'P3']);
    // On 15 July P2 was 14 days late, fewer than P1's 20; P3, paid after that day, was not yet due.
    expect(await walk(w.repEast1, 'sort=daysLate&order=desc', '2024-07-15')).toEqual([
      'P1',
      'P2',
      'P5',
      'P4',
      'P3',
    ]);
  });

  it('with a filter: the outstanding ones, longest overdue first', async () => {
    expect(await walk(w.repEast1, 'status=outstanding&sort=daysLate&order=desc')).toEqual(['P2', 'P4']);
  });

  it('on a customer’s page as on the receivables page', async () => {
    const path = `/api/customers/${w.customers.east1}/payments?asOf=${AS_OF}&sort=amount&order=asc`;
    expect(await listedNames(w.repEast1, path, ids)).toEqual(['P4', 'P1', 'P3', 'P5', 'P2']);
  });

  it('keeps the scope: the manager sees the other rep’s payment in its place, the rep never', async () => {
    expect(await walk(w.managerEast, 'sort=amount&order=desc')).toEqual(['PX', 'P2', 'P5', 'P3', 'P1', 'P4']);
    expect(await walk(w.repEast1, 'sort=daysLate&order=desc')).not.toContain('PX');
    expect(await walk(w.repSouth1, 'sort=amount&order=desc')).toEqual([]);
  });

  it('exports in the order asked for, a part received marked as one', async () => {
    const rows = await csvRows(
      await w.repEast1('GET', `/api/exports/payments?format=csv&asOf=${AS_OF}&sort=amount&order=desc`),
    );
    const header = rows[0]!;
    const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
    expect(column('金额')).toEqual(['1000.00', '300.00', '300.00', '300.00', '50.00']);
    expect(column('部分回款')).toEqual(['否', '是', '否', '否', '否']);
    expect(column('逾期天数')).toEqual(['62', '0', '0', '20', '0']);
  });

  it('refuses a sort it does not know, naming the field', async () => {
    await expectRefused(await w.repEast1('GET', '/api/payments?sort=colour'), 400, 'sort');
    await expectRefused(await w.repEast1('GET', '/api/payments?order=due_asc'), 400, 'order');
  });
});
