import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import type { Client } from '../../testing/test-app.js';

/**
 * The five lists of records a customer owns read the user's scope through the customer row they join for its name
 * (`isVisibleCustomer`), not through a second look-up: the same people must see the same records as before, and a
 * deleted customer's records must leave every list, the admin's included.
 */
const lists = ['orders', 'payments', 'activities', 'contacts', 'opportunities'] as const;
type List = (typeof lists)[number];

let w: RecordWorld;
/** Which customer each listed record belongs to, by list and record id. */
const customerOf: Record<List, Map<number, keyof RecordWorld['customers']>> = {
  orders: new Map(),
  payments: new Map(),
  activities: new Map(),
  contacts: new Map(),
  opportunities: new Map(),
};

async function recordsOf(client: Client, name: keyof RecordWorld['customers']) {
  const customerId = w.customers[name];
  const order = await created(
    await client('POST', '/api/orders', {
      customerId,
      orderNo: `SO-${name}`,
      orderDate: '2025-03-01',
      amount: 1000,
    }),
  );
  const bodies: Record<List, Record<string, unknown>> = {
    orders: {},
    payments: { customerId, orderId: order.id, dueDate: '2025-04-01', amount: 1000 },
    activities: { customerId, kind: 'visit', at: '2025-03-02T10:00:00+08:00', subject: `visit ${name}` },
    contacts: { customerId, name: `联系人 ${name}` },
    opportunities: { customerId, name: `商机 ${name}`, amount: 5000 },
  };
  customerOf.orders.set(order.id, name);
  for (const list of lists.filter((l) => l !== 'orders')) {
    const record = await created(await client('POST', `/api/${list}`, bodies[list]));
    customerOf[list].set(record.id, name);
  }
}

/** The customers whose records a list shows the client, by the names the world gave them. */
async function listedCustomers(client: Client, list: List) {
  const page = await json(await client('GET', `/api/${list}?limit=100`));
  expect(page.total).toBe(page.items!.length);
  return [...new Set(page.items!.map((item) => customerOf[list].get(item.id)))].sort();
}

beforeAll(async () => {
  w = await openRecordWorld();
  await recordsOf(w.repEast1, 'east1');
  await recordsOf(w.repEast2, 'east2');
  await recordsOf(w.repSouth1, 'south1');
  await recordsOf(w.admin, 'unowned');
});

afterAll(() => w.t.close());

describe.each(lists)('the %s list', (list) => {
  it('shows a rep only their own customers’ records', async () => {
    expect(await listedCustomers(w.repEast1, list)).toEqual(['east1']);
    expect(await listedCustomers(w.repSouth1, list)).toEqual(['south1']);
  });

  it('shows a manager their team’s records and no other team’s', async () => {
    expect(await listedCustomers(w.managerEast, list)).toEqual(['east1', 'east2']);
    expect(await listedCustomers(w.managerSouth, list)).toEqual(['south1']);
  });

  it('shows an admin every customer’s records', async () => {
    expect(await listedCustomers(w.admin, list)).toEqual(['east1', 'east2', 'south1', 'unowned']);
  });
});

describe('a deleted customer', () => {
  beforeAll(async () => {
    expect((await w.admin('DELETE', `/api/customers/${w.customers.east2}`)).status).toBe(204);
  });

  it.each(lists)('leaves the %s list for its owner, its manager and the admin', async (list) => {
    expect(await listedCustomers(w.repEast2, list)).toEqual([]);
    expect(await listedCustomers(w.managerEast, list)).toEqual(['east1']);
    expect(await listedCustomers(w.admin, list)).toEqual(['east1', 'south1', 'unowned']);
  });
});
