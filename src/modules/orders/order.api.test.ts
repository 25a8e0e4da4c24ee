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
let east2Order: number;

beforeAll(async () => {
  w = await openRecordWorld();
  east2Order = (
    await created(
      await w.repEast2('POST', '/api/orders', {
        customerId: w.customers.east2,
        orderNo: 'SO-E2-001',
        orderDate: '2024-05-10',
        amount: 8000,
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

const stats = async (customerId: number) =>
  (await json(await w.admin('GET', `/api/customers/${customerId}`))).stats as Record<string, unknown>;

describe('order figures', () => {
  it('derives line amounts from quantity × unit price exactly, and the order amount from the lines', async () => {
    const order = await created(
      await w.repEast1('POST', '/api/orders', {
        customerId: w.customers.east1,
        orderNo: 'SO-LINES-1',
        orderDate: '2024-03-01',
        lines: [
          { product: '离心泵 IS80', quantity: 3, unitPrice: '19.99' },
          { product: '机械密封', quantity: '0.1', unitPrice: '0.3', cost: '0.01' },
          { product: '安装服务', quantity: 1, unitPrice: 100.1, amount: '100.10' },
        ],
      }),
    );
    expect((order.lines as Array<{ amount: string }>).map((line) => line.amount)).toEqual([
      '59.97',
      '0.03',
      '100.10',
    ]);
    expect(order.amount).toBe('160.10');
    expect(order.cost).toBeNull();
    expect(order.grossProfit).toBeNull();
  });

  it('derives gross profit from cost, and the cost from the lines when every line has one', async () => {
    const fromCost = await created(
      await w.repEast1('POST', '/api/orders', {
        customerId: w.customers.east1,
        orderNo: 'SO-COST-1',
        orderDate: '2024-03-02',
        amount: '12800.00',
        cost: 9600.5,
      }),
    );
    expect(fromCost).toMatchObject({ amount: '12800.00', cost: '9600.50', grossProfit: '3199.50' });
    const fromLines = await created(
      await w.repEast1('POST', '/api/orders', {
        customerId: w.customers.east1,
        orderNo: 'SO-COST-2',
        orderDate: '2024-03-03',
        lines: [
          { product: 'A', quantity: 2, unitPrice: 50, cost: 30 },
          { product: 'B', quantity: 1, unitPrice: 10, cost: '2.5' },
        ],
      }),
    );
    expect(fromLines).toMatchObject({ amount: '110.00', cost: '32.50', grossProfit: '77.50' });
  });

  it('refuses an amount that differs from the sum of the lines, and a profit that differs from amount − cost', async () => {
    const base = { customerId: w.customers.east1, orderDate: '2024-03-04' };
    await expectRefused(
      await w.repEast1('POST', '/api/orders', {
        ...base,
        orderNo: 'SO-BAD-1',
        amount: 100,
        lines: [{ product: 'A', quantity: 1, unitPrice: 99 }],
      }),
      400,
      'amount',
      'lines_mismatch',
    );
    await expectRefused(
      await w.repEast1('POST', '/api/orders', {
        ...base,
        orderNo: 'SO-BAD-2',
        amount: 100,
        cost: 60,
        grossProfit: 50,
      }),
      400,
      'grossProfit',
      'profit_mismatch',
    );
  });

  it('a change of amount recomputes gross profit from the stored cost; new lines replace the old ones', async () => {
    const order = await created(
      await w.repEast1('POST', '/api/orders', {
        customerId: w.customers.east1,
        orderNo: 'SO-PATCH-1',
        orderDate: '2024-04-01',
        amount: 1000,
        cost: 700,
      }),
    );
    const patched = await json(
      await w.repEast1('PATCH', `/api/orders/${order.id}`, { amount: 1200, note: '补货' }),
    );
    expect(patched).toMatchObject({ amount: '1200.00', cost: '700.00', grossProfit: '500.00', note: '补货' });
    const relined = await json(
      await w.repEast1('PATCH', `/api/orders/${order.id}`, {
        lines: [{ product: 'C', quantity: 4, unitPrice: 250, cost: 150 }],
      }),
    );
    expect(relined).toMatchObject({ amount: '1000.00', cost: '150.00', grossProfit: '850.00' });
    expect(relined.lines).toHaveLength(1);
    await expectRefused(
      await w.repEast1('PATCH', `/api/orders/${order.id}`, { amount: 5 }),
      400,
      'amount',
      'lines_mismatch',
    );
    expect(await auditActions(w.t, 'order', order.id)).toEqual(['create', 'update', 'update']);
  });
});

describe('order validation', () => {
  const valid = () => ({
    customerId: w.customers.east1,
    orderNo: `SO-V-${Math.random()}`,
    orderDate: '2024-06-01',
    amount: 10,
  });
  const cases: Array<[string, () => Record<string, unknown>, number, string, string | undefined]> = [
    ['missing order date', () => ({ ...valid(), orderDate: undefined }), 400, 'orderDate', 'required'],
    ['missing amount without lines', () => ({ ...valid(), amount: undefined }), 400, 'amount', 'required'],
    ['wrong type', () => ({ ...valid(), amount: true }), 400, 'amount', undefined],
    ['unknown status', () => ({ ...valid(), status: 'lost' }), 400, 'status', 'invalid_value'],
    ['overlong order number', () => ({ ...valid(), orderNo: 'N'.repeat(51) }), 400, 'orderNo', 'too_long'],
    ['negative amount', () => ({ ...valid(), amount: -10 }), 400, 'amount', 'negative'],
    [
      'negative quantity',
      () => ({ ...valid(), amount: undefined, lines: [{ product: 'A', quantity: -1, unitPrice: 1 }] }),
      400,
      'lines.0.quantity',
      'negative',
    ],
    ['unknown customer', () => ({ ...valid(), customerId: 999999 }), 400, 'customerId', 'unknown_customer'],
    [
      "another rep's customer",
      () => ({ ...valid(), customerId: w.customers.east2 }),
      400,
      'customerId',
      'unknown_customer',
    ],
    ['duplicate order number', () => ({ ...valid(), orderNo: 'SO-E2-001' }), 409, 'orderNo', 'duplicate'],
  ];
  it.each(cases)(
    '%s is refused naming the field, and nothing changes',
    async (_label, body, status, path, reason) => {
      const [orders, lines] = [await rowCount(w.t, 'orders'), await rowCount(w.t, 'order_lines')];
      const statsBefore = await stats(w.customers.east1);
      await expectRefused(await w.repEast1('POST', '/api/orders', body()), status, path, reason);
      expect([await rowCount(w.t, 'orders'), await rowCount(w.t, 'order_lines')]).toEqual([orders, lines]);
      expect(await stats(w.customers.east1)).toEqual(statsBefore);
    },
  );

  it("an order's customer cannot change", async () => {
    await expectRefused(
      await w.admin('PATCH', `/api/orders/${east2Order}`, { customerId: w.customers.east1 }),
      400,
      'customerId',
      'immutable',
    );
  });

  it('an oversized body is a 413 and writes nothing', async () => {
    const before = await rowCount(w.t, 'orders');
    const response = await w.repEast1('POST', '/api/orders', {
      ...valid(),
      note: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await rowCount(w.t, 'orders')).toBe(before);
  });
});

describe('order data scope', () => {
  it("a rep gets 404 for another rep's order on read, change and delete, and for that customer's order list", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { note: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await w.repEast1(method, `/api/orders/${east2Order}`, body);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SO-E2-001');
    }
    expect((await w.repEast1('GET', `/api/customers/${w.customers.east2}/orders`)).status).toBe(404);
    expect((await w.managerSouth('GET', `/api/orders/${east2Order}`)).status).toBe(404);
    expect(await json(await w.admin('GET', `/api/orders/${east2Order}`))).toMatchObject({ note: null });
  });

  it('lists, counts and searches only orders in scope: rep, manager, admin', async () => {
    const search = async (client: typeof w.admin, query: string): Promise<number> =>
      (await json(await client('GET', `/api/orders?${query}`))).total ?? -1;
    expect(await search(w.repEast1, 'q=SO-E2')).toBe(0);
    expect(await search(w.managerEast, 'q=SO-E2')).toBe(1);
    expect(await search(w.managerSouth, 'q=SO')).toBe(0);
    const all = await search(w.admin, '');
    const mine = await search(w.repEast1, '');
    expect(await search(w.managerEast, '')).toBe(mine + 1);
    expect(all).toBe(mine + 1);
  });

  it('filters by date range and status, newest first', async () => {
    const body = await json(
      await w.repEast1('GET', '/api/orders?from=2024-03-01&to=2024-03-03&status=completed'),
    );
    expect(body.items!.map((o) => o.orderDate)).toEqual(['2024-03-03', '2024-03-02', '2024-03-01']);
  });
});

describe('per-customer state follows the orders, payments and activities written through the API', () => {
  it('shows order count, amount, profit, unpaid amount, last order and last contact after each change', async () => {
    const c = w.customers.south1;
    const rep = w.repSouth1;
    const order = async (
      orderNo: string,
      orderDate: string,
      amount: number,
      extra: Record<string, unknown> = {},
    ) =>
      (
        await created(
          await rep('POST', '/api/orders', { customerId: c, orderNo, orderDate, amount, ...extra }),
        )
      ).id;
    const first = await order('SO-S-1', '2023-11-20', 1000.1, { grossProfit: 200 });
    const second = await order('SO-S-2', '2024-02-05', 2000.2, { cost: 1500 });
    await order('SO-S-3', '2024-02-06', 999, { status: 'cancelled' });
    expect(await stats(c)).toMatchObject({
      orderCount: 2,
      amount: '3000.30',
      profit: '700.20',
      firstOrder: '2023-11-20',
      lastOrder: '2024-02-05',
      unpaidAmount: '0.00',
      lastContact: null,
    });
    const payment = await created(
      await rep('POST', '/api/payments', {
        customerId: c,
        orderId: second,
        dueDate: '2024-03-05',
        amount: 2000.2,
      }),
    );
    expect((await stats(c)).unpaidAmount).toBe('2000.20');
    await rep('PATCH', `/api/payments/${payment.id}`, { paidDate: '2024-03-20' });
    expect((await stats(c)).unpaidAmount).toBe('0.00');
    await created(
      await rep('POST', '/api/activities', {
        customerId: c,
        kind: 'visit',
        at: '2024-03-31T17:30:00Z',
        subject: '回访',
      }),
    );
    expect((await stats(c)).lastContact).toBe('2024-04-01');
    await rep('PATCH', `/api/orders/${second}`, { status: 'cancelled' });
    expect(await stats(c)).toMatchObject({ orderCount: 1, amount: '1000.10', lastOrder: '2023-11-20' });
    expect((await rep('DELETE', `/api/orders/${first}`)).status).toBe(204);
    expect(await stats(c)).toMatchObject({ orderCount: 0, amount: '0.00', profit: '0.00', lastOrder: null });
  });
});

describe('customer history', () => {
  it("lists the customer's own changes and those of its orders and payments, newest first, only in scope", async () => {
    const body = await json(await w.repSouth1('GET', `/api/customers/${w.customers.south1}/history`));
    const entries = body.items!.map((e) => `${e.entity}:${e.action}`);
    expect(entries.at(-1)).toBe('customer:create');
    expect(entries[0]).toBe('order:delete');
    expect(entries).toEqual(expect.arrayContaining(['payment:create', 'payment:update', 'activity:create']));
    expect(entries.filter((e) => e.startsWith('order:create'))).toHaveLength(3);
    expect(body.items![0]!.userName).toBe('陈五');
    expect((await w.repEast1('GET', `/api/customers/${w.customers.south1}/history`)).status).toBe(404);
    const east2 = await json(await w.admin('GET', `/api/customers/${w.customers.east2}/history`));
    expect(east2.items!.every((e) => !String(JSON.stringify(e.after)).includes('SO-S-'))).toBe(true);
  });
});
