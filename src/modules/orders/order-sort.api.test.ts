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
 * Rep east 1's orders, with ties, a loss and a blank where sorting goes wrong:
 *   SO-B 2024-03-01    500.00, cost 400 → profit 100
 *   SO-A 2024-03-05  1,200.00, no cost  → no profit
 *   SO-C 2024-03-05    500.00, cost 100 → profit 400
 *   SO-D 2024-02-10     80.00, cost 120 → profit −40
 * and rep east 2's SO-X 99,999.00, which rep east 1 never sees.
 */
let w: RecordWorld;
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await openRecordWorld();
  const orders: [RecordWorld['admin'], number, string, string, string, number | undefined][] = [
    [w.repEast1, w.customers.east1, 'SO-B', '2024-03-01', '500.00', 400],
    [w.repEast1, w.customers.east1, 'SO-A', '2024-03-05', '1200.00', undefined],
    [w.repEast1, w.customers.east1, 'SO-C', '2024-03-05', '500.00', 100],
    [w.repEast1, w.customers.east1, 'SO-D', '2024-02-10', '80.00', 120],
    [w.repEast2, w.customers.east2, 'SO-X', '2024-03-02', '99999.00', 1],
  ];
  for (const [client, customerId, orderNo, orderDate, amount, cost] of orders) {
    ids[orderNo] = (
      await created(await client('POST', '/api/orders', { customerId, orderNo, orderDate, amount, cost }))
    ).id;
  }
});

afterAll(async () => w.t.close());

const walk = (client: RecordWorld['admin'], pathAndQuery: string) => listedNames(client, pathAndQuery, ids);

describe('sorting the order list', () => {
  it('newest first by default, orders of one day by id, newest first', async () => {
    expect(await walk(w.repEast1, '/api/orders')).toEqual(['SO-C', 'SO-A', 'SO-B', 'SO-D']);
  });

  it('by amount either way, a tie broken by id in the same direction, across pages', async () => {
    expect(await walk(w.repEast1, '/api/orders?sort=amount&order=desc')).toEqual([
      'SO-A',
      'SO-C',
      'SO-B',
      'SO-D',
    ]);
    expect(await walk(w.repEast1, '/api/orders?sort=amount&order=asc')).toEqual([
      'SO-D',
      'SO-B',
      'SO-C',
      'SO-A',
    ]);
  });

  it('by gross profit, a loss below every profit and an order without one last either way', async () => {
    expect(await walk(w.repEast1, '/api/orders?sort=grossProfit&order=desc')).toEqual([
      'SO-C',
      'SO-B',
      'SO-D',
      'SO-A',
    ]);
    expect(await walk(w.repEast1, '/api/orders?sort=grossProfit&order=asc')).toEqual([
      'SO-D',
      'SO-B',
      'SO-C',
      'SO-A',
    ]);
  });

  it('by order number', async () => {
    expect(await walk(w.repEast1, '/api/orders?sort=orderNo&order=asc')).toEqual([
      'SO-A',
      'SO-B',
      'SO-C',
      'SO-D',
    ]);
  });

  it('on a customer’s page as on the sales page', async () => {
    expect(
      await walk(w.repEast1, `/api/customers/${w.customers.east1}/orders?sort=amount&order=asc`),
    ).toEqual(['SO-D', 'SO-B', 'SO-C', 'SO-A']);
  });

  it('keeps the scope: the manager sees the other rep’s order in its place, the rep never', async () => {
    expect(await walk(w.managerEast, '/api/orders?sort=amount&order=desc')).toEqual([
      'SO-X',
      'SO-A',
      'SO-C',
      'SO-B',
      'SO-D',
    ]);
    expect(await walk(w.repEast1, '/api/orders?sort=grossProfit&order=desc')).not.toContain('SO-X');
    expect(await walk(w.repSouth1, '/api/orders?sort=amount&order=desc')).toEqual([]);
  });

  it('exports in the order asked for', async () => {
    const rows = await csvRows(
      await w.repEast1('GET', '/api/exports/orders?format=csv&sort=grossProfit&order=asc'),
    );
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[header.indexOf('订单号')])).toEqual([
      'SO-D',
      'SO-B',
      'SO-C',
      'SO-A',
    ]);
  });

  it('refuses a sort or an order it does not know, naming the field', async () => {
    await expectRefused(await w.repEast1('GET', '/api/orders?sort=colour'), 400, 'sort');
    await expectRefused(await w.repEast1('GET', '/api/orders?order=sideways'), 400, 'order');
  });
});
