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
let eastOrder: number;
let east2Order: number;
let east2Payment: number;

beforeAll(async () => {
  w = await openRecordWorld();
  const order = async (client: typeof w.admin, customerId: number, orderNo: string) =>
    (
      await created(
        await client('POST', '/api/orders', { customerId, orderNo, orderDate: '2024-05-10', amount: 5000 }),
      )
    ).id;
  eastOrder = await order(w.repEast1, w.customers.east1, 'PO-E1');
  east2Order = await order(w.repEast2, w.customers.east2, 'PO-E2');
  east2Payment = (
    await created(
      await w.repEast2('POST', '/api/payments', {
        customerId: w.customers.east2,
        orderId: east2Order,
        dueDate: '2024-06-10',
        amount: 5000,
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

describe('payment round trip', () => {
  it('creates, reads, settles and deletes a payment, with days late and an audit entry per step; a paid date still to come is refused', async () => {
    const payment = await created(
      await w.repEast1('POST', '/api/payments', {
        customerId: w.customers.east1,
        orderId: eastOrder,
        dueDate: '2024-06-09',
        amount: '2500.50',
      }),
    );
    expect(payment).toMatchObject({ orderNo: 'PO-E1', paidDate: null, amount: '2500.50' });
    expect(payment.daysLate as number).toBeGreaterThan(300);
    await expectRefused(
      await w.repEast1('PATCH', `/api/payments/${payment.id}`, { paidDate: '2999-01-01' }),
      400,
      'paidDate',
      'after_today',
    );
    expect(await json(await w.repEast1('GET', `/api/payments/${payment.id}`))).toMatchObject({
      paidDate: null,
    });
    const paid = await json(
      await w.repEast1('PATCH', `/api/payments/${payment.id}`, { paidDate: '2024-06-19' }),
    );
    expect(paid).toMatchObject({ paidDate: '2024-06-19', daysLate: 10 });
    const overdue = await json(await w.repEast1('GET', '/api/payments?overdue=true'));
    expect(overdue.items!.map((p) => p.id)).not.toContain(payment.id);
    expect((await w.repEast1('DELETE', `/api/payments/${payment.id}`)).status).toBe(204);
    expect((await w.repEast1('GET', `/api/payments/${payment.id}`)).status).toBe(404);
    expect(await auditActions(w.t, 'payment', payment.id)).toEqual(['create', 'update', 'delete']);
  });

  it('a payment paid on time is 0 days late; an unpaid past-due payment is listed as overdue', async () => {
    const onTime = await created(
      await w.repEast1('POST', '/api/payments', {
        customerId: w.customers.east1,
        dueDate: '2024-07-01',
        paidDate: '2024-06-30',
        amount: 1,
      }),
    );
    expect(onTime.daysLate).toBe(0);
    const late = await created(
      await w.repEast1('POST', '/api/payments', {
        customerId: w.customers.east1,
        dueDate: '2024-07-01',
        amount: 2,
      }),
    );
    const overdue = await json(
      await w.repEast1(`GET`, `/api/customers/${w.customers.east1}/payments?overdue=true`),
    );
    expect(overdue.items!.map((p) => p.id)).toEqual([late.id]);
  });
});

describe('payment validation', () => {
  const base = () => ({
    customerId: w.customers.east1,
    orderId: eastOrder,
    dueDate: '2024-06-01',
    amount: 100,
  });
  const cases: Array<[string, () => Record<string, unknown>, string, string | undefined]> = [
    ['missing due date', () => ({ ...base(), dueDate: undefined }), 'dueDate', 'required'],
    ['negative amount', () => ({ ...base(), amount: -1 }), 'amount', 'negative'],
    [
      'due date before the order date',
      () => ({ ...base(), dueDate: '2024-05-09' }),
      'dueDate',
      'due_before_order',
    ],
    [
      'paid date before the order date',
      () => ({ ...base(), paidDate: '2024-05-01' }),
      'paidDate',
      'paid_before_order',
    ],
    ['a paid date still to come', () => ({ ...base(), paidDate: '2999-01-01' }), 'paidDate', 'after_today'],
    [
      'an order of another customer',
      () => ({ ...base(), orderId: east2Order }),
      'orderId',
      'unknown_reference',
    ],
    [
      "another rep's customer",
      () => ({ ...base(), customerId: w.customers.east2, orderId: undefined }),
      'customerId',
      'unknown_customer',
    ],
    ['an unknown field', () => ({ ...base(), colour: 'red' }), 'colour', 'unrecognized_keys'],
  ];
  it.each(cases)(
    '%s is refused naming the field, and nothing is written',
    async (_label, body, path, reason) => {
      const before = await rowCount(w.t, 'payments');
      await expectRefused(await w.repEast1('POST', '/api/payments', body()), 400, path, reason);
      expect(await rowCount(w.t, 'payments')).toBe(before);
    },
  );

  it('moving a due date before the order date is refused and leaves the payment as it was', async () => {
    await expectRefused(
      await w.repEast2('PATCH', `/api/payments/${east2Payment}`, { dueDate: '2024-01-01' }),
      400,
      'dueDate',
    );
    expect((await json(await w.repEast2('GET', `/api/payments/${east2Payment}`))).dueDate).toBe('2024-06-10');
  });

  it('an order date may not move past the dates of its payments', async () => {
    await expectRefused(
      await w.repEast2('PATCH', `/api/orders/${east2Order}`, { orderDate: '2024-07-01' }),
      400,
      'orderDate',
      'after_payments',
    );
  });
});

describe('payment data scope', () => {
  it("a rep gets 404 for another rep's payment and that customer's payment list; counts exclude it", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { note: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      expect((await w.repEast1(method, `/api/payments/${east2Payment}`, body)).status).toBe(404);
    }
    expect((await w.repEast1('GET', `/api/customers/${w.customers.east2}/payments`)).status).toBe(404);
    const totals = await Promise.all(
      [w.repEast1, w.repEast2, w.managerEast, w.managerSouth, w.admin].map(
        async (client) => (await json(await client('GET', '/api/payments'))).total,
      ),
    );
    const [rep1 = -1, rep2 = -1, manager, south, admin] = totals;
    expect(rep2).toBe(1);
    expect(manager).toBe(rep1 + rep2);
    expect(south).toBe(0);
    expect(admin).toBe(rep1 + rep2);
    expect(await json(await w.admin('GET', `/api/payments/${east2Payment}`))).toMatchObject({ note: null });
  });
});

describe('money received against a payment', () => {
  let owed: number;
  const receive = (id: number, body: Record<string, unknown>, client = w.repEast1) =>
    client('POST', `/api/payments/${id}/receipts`, body);

  beforeAll(async () => {
    owed = (
      await created(
        await w.repEast1('POST', '/api/payments', {
          customerId: w.customers.east1,
          orderId: eastOrder,
          dueDate: '2024-06-09',
          amount: '1000.10',
        }),
      )
    ).id;
  });

  it('a part received splits off a payment paid that day; the rest stays owed, due as before, to the cent', async () => {
    const result = await json(
      await receive(owed, { amount: '300.05', paidDate: '2024-06-20', note: '第一期' }),
    );
    expect(result.paid).toMatchObject({
      amount: '300.05',
      paidDate: '2024-06-20',
      dueDate: '2024-06-09',
      daysLate: 11,
      note: '第一期',
      orderNo: 'PO-E1',
    });
    expect(result.remaining).toMatchObject({
      id: owed,
      amount: '700.05',
      paidDate: null,
      dueDate: '2024-06-09',
      splitFromId: null,
    });
    expect(result.paid).toMatchObject({ splitFromId: owed });
    const paidId = (result.paid as { id: number }).id;
    expect(await auditActions(w.t, 'payment', owed)).toEqual(['create', 'update']);
    expect(await auditActions(w.t, 'payment', paidId)).toEqual(['create']);
  });

  it('the rest received settles the payment itself', async () => {
    const result = await json(await receive(owed, { amount: 700.05, paidDate: '2024-06-25' }));
    expect(result.remaining).toBeNull();
    expect(result.paid).toMatchObject({ id: owed, amount: '700.05', paidDate: '2024-06-25', daysLate: 16 });
  });

  it('refuses a paid payment, more than is owed, nothing, a day to come, a day before the order, and changes nothing', async () => {
    await expectRefused(
      await receive(owed, { amount: '1.00', paidDate: '2024-06-26' }),
      400,
      'paidDate',
      'already_paid',
    );
    const open = (
      await created(
        await w.repEast1('POST', '/api/payments', {
          customerId: w.customers.east1,
          orderId: eastOrder,
          dueDate: '2024-07-01',
          amount: '50.00',
        }),
      )
    ).id;
    const refusals: [amount: string, paidDate: string, path: string, reason: string][] = [
      ['50.01', '2024-07-01', 'amount', 'exceeds_payment'],
      ['0', '2024-07-01', 'amount', 'too_small'],
      ['10', '2999-01-01', 'paidDate', 'after_today'],
      ['10', '2024-05-01', 'paidDate', 'paid_before_order'],
    ];
    for (const [amount, paidDate, path, reason] of refusals) {
      await expectRefused(await receive(open, { amount, paidDate }), 400, path, reason);
    }
    expect(await json(await w.repEast1('GET', `/api/payments/${open}`))).toMatchObject({
      amount: '50.00',
      paidDate: null,
    });
    expect(await auditActions(w.t, 'payment', open)).toEqual(['create']);
  });

  it("a rep cannot record money against another rep's payment", async () => {
    expect((await receive(east2Payment, { amount: '1.00', paidDate: '2024-07-01' })).status).toBe(404);
    expect(await json(await w.repEast2('GET', `/api/payments/${east2Payment}`))).toMatchObject({
      paidDate: null,
    });
  });
});
