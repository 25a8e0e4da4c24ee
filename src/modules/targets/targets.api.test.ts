import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectRefused, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import type { SalesSummaryView as Summary } from '../orders/sales-summary.schema.js';
import type { TargetGridView } from './targets.schema.js';

/**
 * Targets of 2025: rep east 1 has 31,000.00 for March and 28,000.00 for February; rep east 2 has 10,000.00 for March
 * and sells nothing. Rep east 1's customer buys 1,550.00 on 2025-03-05; rep south 1, who has no target, sells
 * 5,000.00 on 2025-03-12.
 */
let w: RecordWorld;

const put = (client: RecordWorld['admin'], targets: unknown[]) =>
  client('PUT', '/api/sales-targets', { targets });
const grid = async (client: RecordWorld['admin'], query = 'year=2025') =>
  (await json(await client('GET', `/api/sales-targets?${query}`))) as unknown as TargetGridView;
const summary = async (client: RecordWorld['admin'], query: string) =>
  (await json(await client('GET', `/api/sales-summary?${query}`))) as unknown as Summary;

beforeAll(async () => {
  w = await openRecordWorld();
  await created(
    await w.repEast1('POST', '/api/orders', {
      customerId: w.customers.east1,
      orderNo: 'T-1',
      orderDate: '2025-03-05',
      amount: '1550.00',
    }),
  );
  await created(
    await w.repSouth1('POST', '/api/orders', {
      customerId: w.customers.south1,
      orderNo: 'T-S1',
      orderDate: '2025-03-12',
      amount: '5000.00',
    }),
  );
});

afterAll(async () => w.t.close());

describe('setting sales targets', () => {
  it('an admin sets anyone’s, a manager the others of their team, each change audited', async () => {
    const { repEast1, repEast2 } = w.t.people;
    const admin = await json(
      await put(w.admin, [
        { userId: repEast1, month: '2025-03', amount: '31000.00' },
        { userId: repEast1, month: '2025-02', amount: 28000 },
      ]),
    );
    expect(admin).toEqual({ updated: 2 });
    expect(
      await json(await put(w.managerEast, [{ userId: repEast2, month: '2025-03', amount: '10000' }])),
    ).toEqual({
      updated: 1,
    });
    const rows = await w.t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'before', 'after'])
      .where('entity', '=', 'sales_targets')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      action: 'update',
      user_id: w.t.people.managerEast,
      before: [],
      after: [{ user_id: repEast2, month: '2025-03', amount: '10000.00' }],
    });
  });

  it('a manager cannot set another team’s target or their own, a rep none, nobody an admin’s; one such entry refuses all', async () => {
    const { repEast2, repSouth1, managerEast } = w.t.people;
    await expectRefused(
      await put(w.managerEast, [
        { userId: repEast2, month: '2025-04', amount: '1.00' },
        { userId: repSouth1, month: '2025-04', amount: '1.00' },
      ]),
      400,
      'targets.1.userId',
      'out_of_scope',
    );
    await expectRefused(
      await put(w.managerEast, [{ userId: managerEast, month: '2025-04', amount: '1.00' }]),
      400,
      'targets.0.userId',
      'out_of_scope',
    );
    expect((await put(w.repEast1, [{ userId: repEast2, month: '2025-04', amount: '1.00' }])).status).toBe(
      403,
    );
    // Nor an admin for someone the grid does not list: an admin is no account manager.
    await expectRefused(
      await put(w.admin, [{ userId: w.t.people.admin, month: '2025-04', amount: '1.00' }]),
      400,
      'targets.0.userId',
      'out_of_scope',
    );
    const april = (await grid(w.admin)).users.find((user) => user.userId === repEast2)!.months[3];
    expect(april).toBeNull();
  });

  it('a month that is no month is refused before anything is read', async () => {
    await expectRefused(
      await put(w.admin, [{ userId: w.t.people.repEast1, month: '2025-13', amount: '1.00' }]),
      400,
      'targets.0.month',
    );
  });

  it('the grid lists the account managers each person sees, with the year’s months and total', async () => {
    const { repEast1, repEast2, repSouth1 } = w.t.people;
    const managers = await grid(w.managerEast);
    const ids = managers.users.map((user) => user.userId);
    expect(ids).toEqual(expect.arrayContaining([repEast1, repEast2]));
    expect(ids).not.toContain(repSouth1);
    const east1 = managers.users.find((user) => user.userId === repEast1)!;
    expect(east1.months.slice(0, 4)).toEqual([null, '28000.00', '31000.00', null]);
    expect(east1.total).toBe('59000.00');
    expect((await grid(w.repEast1)).users.map((user) => user.userId)).toEqual([repEast1]);
  });

  it('null removes a target', async () => {
    const { repEast1 } = w.t.people;
    await json(await put(w.admin, [{ userId: repEast1, month: '2025-02', amount: null }]));
    expect((await grid(w.admin)).users.find((user) => user.userId === repEast1)!.months[1]).toBeNull();
  });
});

describe('sales against targets', () => {
  it('a whole month: attainment is sales over the month’s target; a rep with a target and no sales is listed at zero', async () => {
    const report = await summary(w.managerEast, 'from=2025-03-01&to=2025-03-31');
    const east1 = report.owners.find((owner) => owner.ownerId === w.t.people.repEast1)!;
    expect(east1).toMatchObject({ amount: '1550.00', target: '31000.00', attainment: 0.05 });
    const east2 = report.owners.find((owner) => owner.ownerId === w.t.people.repEast2)!;
    expect(east2).toMatchObject({ orders: 0, amount: '0.00', target: '10000.00', attainment: 0 });
    expect(report.total).toMatchObject({ amount: '1550.00', target: '41000.00' });
  });

  it('part of a month counts that share of its target: the 1st to the 10th of March is 10/31 of it', async () => {
    const report = await summary(w.repEast1, 'from=2025-03-01&to=2025-03-10');
    expect(report.owners).toHaveLength(1);
    expect(report.owners[0]).toMatchObject({ target: '10000.00', attainment: 0.155 });
    expect(report.total.target).toBe('10000.00');
  });

  it('the total’s attainment is of those with a target: a rep without one adds to the sales, not to the attainment', async () => {
    const report = await summary(w.admin, 'from=2025-03-01&to=2025-03-31');
    expect(report.owners.find((owner) => owner.ownerId === w.t.people.repSouth1)).toMatchObject({
      amount: '5000.00',
      target: null,
      attainment: null,
    });
    expect(report.total).toMatchObject({ amount: '6550.00', target: '41000.00' });
    expect(report.total.attainment).toBeCloseTo(1550 / 41000, 12);
  });

  it('without targets the figures say so: null, not zero', async () => {
    const report = await summary(w.admin, 'from=2024-03-01&to=2024-03-31');
    expect(report.total).toMatchObject({ target: null, attainment: null });
  });
});
