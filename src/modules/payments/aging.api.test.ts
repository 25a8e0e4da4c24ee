import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';
import type { AgingReportView as Aging } from './aging.schema.js';

/**
 * Hand-aged receivables as of 2025-06-30 (orders placed 2024-01-01 unless said otherwise):
 *   P1 east1   1000.10 due 2025-07-05 unpaid               not due
 *   P2 east1    200.00 due 2025-06-30 unpaid               not due (due on the day itself)
 *   P3 east1    300.33 due 2025-06-29 unpaid               1 day   → 1–30
 *   P4 east1    400.00 due 2025-05-31 unpaid               30 days → 1–30
 *   P5 east1    500.00 due 2025-05-30 paid 2025-07-10      31 days → 31–60 (still owed on the day)
 *   P6 east1    600.00 due 2025-01-01 paid 2025-06-01      paid: not owed
 *   P7 east1    700.00 due 2025-09-01, order of 2025-08-01 not owed yet: its order came later
 *   P8 east2      0.01 due 2024-12-01 unpaid               211 days → over 180
 *   P9 east2 999999999.99 due 2025-03-01 unpaid            121 days → 91–180
 *   P10 south1  123.45 due 2025-04-15 unpaid, no order     76 days → 61–90
 *   P11 unowned  10.00 due 2025-06-01 unpaid               29 days → 1–30
 */
let w: RecordWorld;
const ids: Record<string, number> = {};
const AS_OF = '2025-06-30';

type Figures = Aging['total'];

const bucketAmounts = (figures: Figures) =>
  Object.fromEntries(figures.buckets.map((b) => [b.bucket, `${b.count} × ${b.amount}`]));

beforeAll(async () => {
  w = await openRecordWorld();
  const orderOf = async (
    client: RecordWorld['admin'],
    customerId: number,
    orderNo: string,
    orderDate: string,
  ) =>
    (
      await created(
        await client('POST', '/api/orders', { customerId, orderNo, orderDate, amount: '2000000000.00' }),
      )
    ).id;
  const east1Order = await orderOf(w.repEast1, w.customers.east1, 'A-E1', '2024-01-01');
  const laterOrder = await orderOf(w.repEast1, w.customers.east1, 'A-E1-LATE', '2025-08-01');
  const east2Order = await orderOf(w.repEast2, w.customers.east2, 'A-E2', '2024-01-01');
  const unownedOrder = await orderOf(w.admin, w.customers.unowned, 'A-U1', '2024-01-01');
  const specs: [string, RecordWorld['admin'], number, number | null, string, string, string?][] = [
    ['P1', w.repEast1, w.customers.east1, east1Order, '1000.10', '2025-07-05'],
    ['P2', w.repEast1, w.customers.east1, east1Order, '200.00', '2025-06-30'],
    ['P3', w.repEast1, w.customers.east1, east1Order, '300.33', '2025-06-29'],
    ['P4', w.repEast1, w.customers.east1, east1Order, '400.00', '2025-05-31'],
    ['P5', w.repEast1, w.customers.east1, east1Order, '500.00', '2025-05-30', '2025-07-10'],
    ['P6', w.repEast1, w.customers.east1, east1Order, '600.00', '2025-01-01', '2025-06-01'],
    ['P7', w.repEast1, w.customers.east1, laterOrder, '700.00', '2025-09-01'],
    ['P8', w.repEast2, w.customers.east2, east2Order, '0.01', '2024-12-01'],
    ['P9', w.repEast2, w.customers.east2, east2Order, '999999999.99', '2025-03-01'],
    ['P10', w.repSouth1, w.customers.south1, null, '123.45', '2025-04-15'],
    ['P11', w.admin, w.customers.unowned, unownedOrder, '10.00', '2025-06-01'],
  ];
  for (const [name, client, customerId, orderId, amount, dueDate, paidDate] of specs)
    ids[name] = (
      await created(
        await client('POST', '/api/payments', {
          customerId,
          orderId,
          amount,
          dueDate,
          paidDate: paidDate ?? null,
        }),
      )
    ).id as number;
});

afterAll(async () => w.t.close());

const aging = async (client: RecordWorld['admin'], query = '', asOf: string | null = AS_OF) =>
  (await json(
    await client('GET', `/api/receivables/aging?${asOf ? `asOf=${asOf}` : ''}${query}`),
  )) as unknown as Aging;

describe('receivables aging', () => {
  it('sorts what is owed on the day into brackets of days past due, exact to the cent', async () => {
    const report = await aging(w.admin);
    expect(report.asOf).toBe(AS_OF);
    expect(bucketAmounts(report.total)).toEqual({
      not_due: '2 × 1200.10',
      d1_30: '3 × 710.33',
      d31_60: '1 × 500.00',
      d61_90: '1 × 123.45',
      d91_180: '1 × 999999999.99',
      over_180: '1 × 0.01',
    });
    expect(report.total.outstanding).toEqual({ count: 9, amount: '1000002533.88' });
    expect(report.total.overdue).toEqual({ count: 7, amount: '1000001333.78' });
  });

  it('gives each account manager a row, the most overdue first, and customers nobody owns a row of their own', async () => {
    const { owners } = await aging(w.admin);
    const { repEast1, repEast2, repSouth1 } = w.t.people;
    expect(owners.map((o) => o.ownerId)).toEqual([repEast2, repEast1, repSouth1, null]);
    expect(owners.map((o) => o.overdue.amount)).toEqual(['1000000000.00', '1200.33', '123.45', '10.00']);
    expect(owners[0]!.ownerName).toBe('赵四');
    expect(owners[3]!.ownerName).toBeNull();
    expect(bucketAmounts(owners[1]!)).toMatchObject({ not_due: '2 × 1200.10', d1_30: '2 × 700.33' });
  });

  it("a rep sees only their own customers' receivables; a manager only their team's", async () => {
    const mine = await aging(w.repEast1);
    expect(mine.owners.map((o) => o.ownerId)).toEqual([w.t.people.repEast1]);
    expect(mine.total.outstanding).toEqual({ count: 5, amount: '2400.43' });
    const asking = await aging(w.repEast1, `&ownerId=${w.t.people.repEast2}`);
    expect(asking.total.outstanding).toEqual({ count: 0, amount: '0.00' });
    expect(asking.owners).toEqual([]);
    const team = await aging(w.managerEast);
    expect(team.owners.map((o) => o.ownerId)).toEqual([w.t.people.repEast2, w.t.people.repEast1]);
    expect(team.total.overdue.amount).toBe('1000001200.33');
    const south = await aging(w.managerSouth);
    expect(south.total.outstanding).toEqual({ count: 1, amount: '123.45' });
  });

  it('narrows to an owner or a team, and reports nothing owed as zeros, not as an error', async () => {
    const byOwner = await aging(w.admin, `&ownerId=${w.t.people.repSouth1}`);
    expect(byOwner.total.outstanding.amount).toBe('123.45');
    const byTeam = await aging(w.admin, `&teamId=${w.t.people.teamSouth}`);
    expect(byTeam.total.outstanding.amount).toBe('123.45');
    const before = await aging(w.admin, '', '2023-12-31');
    expect(before.total.outstanding.amount).toBe('123.45');
    expect(before.total.overdue).toEqual({ count: 0, amount: '0.00' });
  });

  it('refuses a day that is not a calendar day, naming the field', async () => {
    const response = await w.admin('GET', '/api/receivables/aging?asOf=2025-02-30');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('asOf');
  });

  it('today is the default day: what was paid later is paid now, and the later order is owed', async () => {
    const report = await aging(w.admin, '', null);
    expect(report.asOf > AS_OF).toBe(true);
    expect(report.total.outstanding.count).toBe(9);
    expect(report.total.overdue.count).toBe(9);
  });
});

describe('the payment list on a day', () => {
  const list = async (client: RecordWorld['admin'], query: string) =>
    (
      (await json(await client('GET', `/api/payments?asOf=${AS_OF}&limit=100${query}`))) as unknown as {
        items: { id: number; daysLate: number; ownerName: string | null; customerCode: string }[];
        total: number;
      }
    ).items;
  const names = (items: { id: number }[]) =>
    items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id));

  it('lists one aging bracket, oldest due first, with the days late on that day', async () => {
    const items = await list(w.admin, '&bucket=d1_30&sort=dueDate&order=asc');
    expect(names(items)).toEqual(['P4', 'P11', 'P3']);
    expect(items.map((item) => item.daysLate)).toEqual([30, 29, 1]);
    expect(items[0]).toMatchObject({ ownerName: '张三', customerCode: 'E1' });
  });

  it('tells outstanding, overdue and paid apart as they stood on the day', async () => {
    expect(names(await list(w.repEast1, '&status=outstanding&sort=dueDate&order=asc'))).toEqual([
      'P5',
      'P4',
      'P3',
      'P2',
      'P1',
    ]);
    expect(names(await list(w.repEast1, '&status=overdue&sort=dueDate&order=asc'))).toEqual([
      'P5',
      'P4',
      'P3',
    ]);
    expect(names(await list(w.repEast1, '&status=paid'))).toEqual(['P6']);
    const paidLater = (await list(w.repEast1, '&bucket=d31_60'))[0]!;
    expect(paidLater.daysLate).toBe(31);
  });

  it("pages through a bracket without losing or repeating a payment, and a rep's list keeps to their customers", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (await json(
        await w.admin(
          'GET',
          `/api/payments?asOf=${AS_OF}&status=outstanding&sort=dueDate&order=asc&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      )) as unknown as { items: { id: number }[]; nextCursor: string | null; total: number };
      expect(page.total).toBe(9);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names(seen.map((id) => ({ id })))).toEqual([
      'P8',
      'P9',
      'P10',
      'P5',
      'P4',
      'P11',
      'P3',
      'P2',
      'P1',
    ]);
    expect(names(await list(w.repEast2, '&status=outstanding'))).toEqual(['P9', 'P8']);
    expect(await list(w.repEast2, `&customerId=${w.customers.east1}`)).toEqual([]);
  });

  it('exports the bracket as listed; a rep’s export holds only their customers', async () => {
    const rows = await csvRows(
      await w.admin(
        'GET',
        `/api/exports/payments?format=csv&asOf=${AS_OF}&bucket=d1_30&sort=dueDate&order=asc`,
      ),
    );
    expect(rows[0]).toEqual([
      '客户编号',
      '客户名称',
      '订单号',
      '应收日期',
      '回款日期',
      '金额',
      '部分回款',
      '逾期天数',
      '负责人',
      '备注',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[5], row[6], row[7]])).toEqual([
      ['E1', '400.00', '否', '30'],
      ['U1', '10.00', '否', '29'],
      ['E1', '300.33', '否', '1'],
    ]);
    const reps = await csvRows(
      await w.repEast2('GET', `/api/exports/payments?format=csv&asOf=${AS_OF}&status=outstanding`),
    );
    expect(reps.slice(1).map((row) => row[0])).toEqual(['E2', 'E2']);
  });
});
