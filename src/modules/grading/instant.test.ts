import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { findModelByKey } from './model.repository.js';
import { executeRun } from './run.service.js';
import { regradeCustomers } from './instant.service.js';

const AS_OF = '2025-01-01';
/** Midnight in Beijing on the run's as-of date: an instant re-grade then sees exactly the run's data. */
const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');
let t: TestApp;
let admin: Client;
let compositeId: number;
let matrixId: number;
const customers: number[] = [];

beforeAll(async () => {
  t = await createTestApp({}, () => RUN_DAY);
  admin = await t.as('admin');
  for (let c = 1; c <= 20; c++) {
    const created = await admin('POST', '/api/customers', {
      code: `I${c}`,
      name: `即时客户${c}`,
      ownerId: t.people.repEast1,
    });
    const id = ((await created.json()) as { id: number }).id;
    customers.push(id);
    await t.handle.db
      .insertInto('orders')
      .values({
        customer_id: id,
        order_no: `I${c}-1`,
        order_date: '2024-05-01',
        amount: (c * 1000).toFixed(2),
        gross_profit: (c * 200).toFixed(2),
      })
      .execute();
  }
  compositeId = (await findModelByKey(t.handle.db, 'composite'))!.id;
  matrixId = (await findModelByKey(t.handle.db, 'matrix'))!.id;
  await t.handle.db.updateTable('grading_models').set({ active: true }).where('id', '=', matrixId).execute();
  for (const modelId of [compositeId, matrixId])
    await executeRun(t.handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
});
afterAll(async () => t.close());

const gradeOf = (customerId: number, modelId = compositeId) =>
  t.handle.db
    .selectFrom('customer_grades')
    .select(['grade', 'grade_code', 'cause'])
    .where('model_id', '=', modelId)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();

describe('instant re-grade against the last run', () => {
  it('with unchanged data, re-grading changes nothing', async () => {
    const before = await Promise.all(customers.map((id) => gradeOf(id)));
    const changes = await t.handle.db
      .transaction()
      .execute((trx) => regradeCustomers(trx, customers, 'order', RUN_DAY));
    expect(changes).toEqual([]);
    expect((await Promise.all(customers.map((id) => gradeOf(id)))).map((g) => g.grade)).toEqual(
      before.map((g) => g.grade),
    );
  });

  it('an order that lifts a customer over the stored boundary changes its grade in the same request', async () => {
    const lowest = customers[0]!;
    expect((await gradeOf(lowest)).grade_code).toBe('D');
    const response = await admin('POST', '/api/orders', {
      customerId: lowest,
      orderNo: 'BIG-1',
      orderDate: '2024-12-20',
      amount: '900000.00',
      grossProfit: '300000.00',
    });
    expect(response.status).toBe(201);
    const after = await gradeOf(lowest);
    expect(after.grade_code).toBe('A');
    expect(after.cause).toBe('instant');
    const change = await t.handle.db
      .selectFrom('grade_changes')
      .selectAll()
      .where('customer_id', '=', lowest)
      .where('cause', '=', 'instant')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_grade: 3, to_grade: 0 });
    expect(change.detail).toMatchObject({ trigger: 'order' });
    const owner = await t.as('repEast1');
    const alerts = (await (await owner('GET', '/api/alerts')).json()) as {
      items: { kind: string; customer: { id: number } }[];
    };
    expect(
      alerts.items
        .filter((a) => a.customer.id === lowest)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['entered_top', 'upgrade']);
  });

  it('deleting that order moves the customer back down at once', async () => {
    const lowest = customers[0]!;
    const order = await t.handle.db
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', 'BIG-1')
      .executeTakeFirstOrThrow();
    expect((await admin('DELETE', `/api/orders/${order.id}`)).status).toBe(204);
    expect((await gradeOf(lowest)).grade_code).toBe('D');
  });

  it('a write that fails validation re-grades nothing', async () => {
    const lowest = customers[0]!;
    const count = async () =>
      (await t.handle.db.selectFrom('grade_changes').select('id').where('customer_id', '=', lowest).execute())
        .length;
    const before = await count();
    const response = await admin('POST', '/api/orders', {
      customerId: lowest,
      orderNo: 'BAD',
      orderDate: '2024-12-20',
      amount: '-5',
    });
    expect(response.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('editing the attributes a model reads re-grades the customer in the same request', async () => {
    const customer = customers[5]!;
    expect((await gradeOf(customer, matrixId)).grade_code).toBe('acquire_or_abandon');
    const response = await admin('PATCH', `/api/customers/${customer}`, {
      shareOfWallet: 0.8,
      upcomingPurchaseVolume: '2000000',
    });
    expect(response.status).toBe(200);
    expect(await gradeOf(customer, matrixId)).toMatchObject({ grade_code: 'keep', cause: 'instant' });
    const change = await t.handle.db
      .selectFrom('grade_changes')
      .select(['from_grade', 'to_grade', 'detail'])
      .where('customer_id', '=', customer)
      .where('model_id', '=', matrixId)
      .where('cause', '=', 'instant')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_grade: 3, to_grade: 0, detail: { trigger: 'attributes' } });
    expect((await gradeOf(customer)).grade_code).toBe('C');
  });

  it('an edit that fails re-grades nothing and changes nothing', async () => {
    const customer = customers[6]!;
    const response = await admin('PATCH', `/api/customers/${customer}`, {
      shareOfWallet: 0.9,
      upcomingPurchaseVolume: '3000000',
      referredById: customer,
    });
    expect(response.status).toBe(400);
    expect((await gradeOf(customer, matrixId)).grade_code).toBe('acquire_or_abandon');
  });

  it("re-grading most customers at once reads everyone's state and changes only theirs", async () => {
    const [inList, leftOut] = [customers[10]!, customers[11]!];
    await t.handle.db
      .insertInto('orders')
      .values(
        [inList, leftOut].map((id) => ({
          customer_id: id,
          order_no: `MOST-${id}`,
          order_date: '2024-12-20',
          amount: '900000.00',
          gross_profit: '300000.00',
        })),
      )
      .execute();
    const before = await gradeOf(leftOut);
    const changes = await t.handle.db
      .transaction()
      .execute((trx) => regradeCustomers(trx, customers.slice(0, 11), 'import', RUN_DAY));
    expect(changes).toHaveLength(1);
    expect((await gradeOf(inList)).grade_code).toBe('A');
    expect(await gradeOf(leftOut)).toEqual(before);
    await t.handle.db.transaction().execute((trx) => regradeCustomers(trx, [leftOut], 'import', RUN_DAY));
    expect((await gradeOf(leftOut)).grade_code).toBe('A');
  });
});
