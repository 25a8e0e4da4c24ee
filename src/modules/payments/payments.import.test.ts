import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { systemActor } from '../auth/actor.js';
import type { Mapping } from '../imports/mapping.js';
import { runImport } from '../imports/pipeline.js';

/**
 * Payments from the ERP's files. The ERP exports a payment as one row, whole; Stratum records the money as it
 * arrives, in parts. Importing the ERP's file again must leave what was received where it is and set what is still
 * owed — never the whole again. And a file is held to the API's rules on dates.
 */
let w: RecordWorld;
const dir = mkdtempSync(join(tmpdir(), 'stratum-payment-parts-'));

const mapping: Mapping = {
  ref: { column: '单据号' },
  customer_code: { column: '客户编号' },
  due_date: { column: '应收日期' },
  paid_date: { column: '回款日期' },
  amount: { column: '金额' },
};

function importPayments(
  name: string,
  rows: string[],
  header = '单据号,客户编号,应收日期,回款日期,金额',
  fields = mapping,
) {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].join('\n'));
  return runImport(w.t.handle, systemActor, { entity: 'payments', files: [{ path }], mapping: fields });
}

async function paymentsOfE1() {
  return w.t.handle.db
    .selectFrom('payments')
    .select(['amount', 'paid_date', 'split_from_id'])
    .where('customer_id', '=', w.customers.east1)
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  w = await openRecordWorld();
});

afterAll(async () => {
  await w.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a payment received in parts, then imported again from the ERP', () => {
  let invoice: number;

  beforeAll(async () => {
    const first = await importPayments('erp-1.csv', ['AR-001,E1,2024-06-09,,"10,000.00"']);
    expect(first).toMatchObject({ committed: true, inserted: 1, problemCount: 0 });
    invoice = (await w.t.handle.db.selectFrom('payments').select('id').executeTakeFirstOrThrow()).id;
    const receipt = await w.repEast1('POST', `/api/payments/${invoice}/receipts`, {
      amount: '3000.10',
      paidDate: '2024-06-20',
    });
    expect(receipt.status).toBe(200);
  });

  it('the same file again changes nothing: the part received stays, the rest stays owed', async () => {
    const again = await importPayments('erp-1-again.csv', ['AR-001,E1,2024-06-09,,"10,000.00"']);
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, problemCount: 0 });
    expect(await paymentsOfE1()).toEqual([
      { amount: '6999.90', paid_date: null, split_from_id: null },
      { amount: '3000.10', paid_date: '2024-06-20', split_from_id: invoice },
    ]);
    const owed = await json(await w.repEast1('GET', '/api/receivables/aging?asOf=2024-06-30'));
    expect(owed.total).toMatchObject({ outstanding: { count: 1, amount: '6999.90' } });
  });

  it('the ERP marking the whole paid settles the rest on its day, and the part keeps its own', async () => {
    const paid = await importPayments('erp-2.csv', ['AR-001,E1,2024-06-09,2024-07-02,10000']);
    expect(paid).toMatchObject({ committed: true, inserted: 0, updated: 1 });
    expect(await paymentsOfE1()).toEqual([
      { amount: '6999.90', paid_date: '2024-07-02', split_from_id: null },
      { amount: '3000.10', paid_date: '2024-06-20', split_from_id: invoice },
    ]);
  });

  it('a whole no larger than the parts received is refused at its row and column, and nothing is written', async () => {
    const before = await paymentsOfE1();
    const refused = await importPayments('erp-3.csv', ['AR-001,E1,2024-06-09,2024-07-02,3000.10']);
    expect(refused.committed).toBe(false);
    expect(refused.problems).toEqual([
      expect.objectContaining({
        file: join(dir, 'erp-3.csv'),
        row: 2,
        column: '金额',
        value: '3000.10',
        reason: 'within_received',
        message: {
          'zh-CN': '不大于该笔回款已登记到账的部分之和',
          'en-US': 'is not more than the parts of this payment already recorded as received',
        },
      }),
    ]);
    expect(await paymentsOfE1()).toEqual(before);
  });

  it('a paid date still to come is refused at its row and column, as the API refuses it', async () => {
    const refused = await importPayments('erp-future.csv', ['AR-002,E1,2024-06-09,2999-01-01,500']);
    expect(refused.committed).toBe(false);
    expect(refused.problems).toEqual([
      expect.objectContaining({ row: 2, column: '回款日期', value: '2999-01-01', reason: 'after_today' }),
    ]);
  });

  it('a part deleted is no longer taken off: the ERP’s whole is owed again', async () => {
    const part = await w.t.handle.db
      .selectFrom('payments')
      .select('id')
      .where('split_from_id', '=', invoice)
      .executeTakeFirstOrThrow();
    expect((await w.repEast1('DELETE', `/api/payments/${part.id}`)).status).toBe(204);
    await importPayments('erp-4.csv', ['AR-001,E1,2024-06-09,,10000']);
    expect(await paymentsOfE1()).toEqual([{ amount: '10000.00', paid_date: null, split_from_id: null }]);
  });
});

describe('payment dates against their order', () => {
  it('nothing due or paid before the order was placed: each at its row and column, and nothing is written', async () => {
    expect(
      (
        await w.repEast2('POST', '/api/orders', {
          customerId: w.customers.east2,
          orderNo: 'PO-D1',
          orderDate: '2024-05-10',
          amount: 300,
        })
      ).status,
    ).toBe(201);
    const refused = await importPayments(
      'erp-dates.csv',
      [
        'AR-D1,E2,PO-D1,2024-05-01,,100',
        'AR-D2,E2,PO-D1,2024-06-10,2024-05-09,100',
        'AR-D3,E2,PO-D1,2024-05-10,2024-05-10,100',
      ],
      '单据号,客户编号,订单号,应收日期,回款日期,金额',
      { ...mapping, order_no: { column: '订单号' } },
    );
    expect(refused.committed).toBe(false);
    expect(
      refused.problems.map(({ row, column, value, reason }) => ({ row, column, value, reason })),
    ).toEqual([
      { row: 2, column: '应收日期', value: '2024-05-01', reason: 'due_before_order' },
      { row: 3, column: '回款日期', value: '2024-05-09', reason: 'paid_before_order' },
    ]);
    const written = await w.t.handle.db
      .selectFrom('payments')
      .select('id')
      .where('customer_id', '=', w.customers.east2)
      .execute();
    expect(written).toEqual([]);
  });
});
