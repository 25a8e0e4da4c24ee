import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

/**
 * Four referrers and the customers they referred, across two teams. R1 (rep east 1) referred A (rep east 1, two
 * orders), B (rep east 2), C (rep east 1, no order yet) and E (deleted); R2 (rep east 2) referred D (rep south 1);
 * R3 and R4 referred nobody.
 */
const world = {
  R1: { owner: 'repEast1', orders: [['9000.00', '2000.00']] },
  R2: { owner: 'repEast2', orders: [['3000.00', '600.00']] },
  R3: { owner: 'repSouth1', orders: [['1000.00', '100.00']] },
  R4: { owner: 'repEast1', orders: [['500.00', '50.00']] },
  A: {
    owner: 'repEast1',
    referredBy: 'R1',
    orders: [
      ['1200.10', '300.05'],
      ['300.05', '100.10'],
    ],
  },
  B: { owner: 'repEast2', referredBy: 'R1', orders: [['2000.00', '-150.00']] },
  C: { owner: 'repEast1', referredBy: 'R1', orders: [] },
  D: { owner: 'repSouth1', referredBy: 'R2', orders: [['700.00', '70.00']] },
  E: { owner: 'repEast1', referredBy: 'R1', orders: [['50.00', '5.00']], deleted: true },
} as const satisfies Record<
  string,
  {
    owner: 'repEast1' | 'repEast2' | 'repSouth1';
    referredBy?: string;
    orders: readonly (readonly [string, string])[];
    deleted?: boolean;
  }
>;
type Name = keyof typeof world;

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let repSouth1: Client;
let runId: number;
const ids = {} as Record<Name, number>;
const nameOf = (id: number) => (Object.keys(ids) as Name[]).find((name) => ids[name] === id);
/** Each graded customer's grade in the run, read from the run's results. */
const gradeOf = new Map<Name, number>();

interface Figures {
  customers: number;
  referrers: number;
  referred: number;
  buyers: number;
  sales: string;
  profit: string;
  referralRate: number | null;
  conversionRate: number | null;
}
interface Analysis {
  grades: (Figures & { grade: number })[];
  totals: Figures;
  sourced: {
    customers: number;
    referredCustomers: number;
    share: number | null;
    sales: string;
    referredSales: string;
    salesShare: number | null;
  };
  top: {
    customerId: number;
    grade: number;
    referred: number;
    buyers: number;
    sales: string;
    profit: string;
  }[];
}
interface Referrals {
  items: {
    id: number;
    name: string;
    orderCount: number;
    sales: string;
    profit: string;
    ownerName: string | null;
  }[];
  totals: { referred: number; buyers: number; sales: string; profit: string };
}

const body = async <T>(response: Response) => {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};
const analysis = (client: Client, query = '') =>
  client('GET', `/api/analytics/runs/${runId}/referrals${query}`).then((r) => body<Analysis>(r));
const referralsOf = (client: Client, name: Name) =>
  client('GET', `/api/customers/${ids[name]}/referrals`).then((r) => body<Referrals>(r));

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2025-03-01T10:00:00+08:00'));
  [admin, managerEast, repEast1, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('repEast1'),
    t.as('repSouth1'),
  ]);
  const teams = { repEast1: t.people.teamEast, repEast2: t.people.teamEast, repSouth1: t.people.teamSouth };
  for (const [name, spec] of Object.entries(world) as [Name, (typeof world)[Name]][]) {
    const created = await admin('POST', '/api/customers', {
      code: name,
      name: `转介绍客户${name}`,
      ownerId: t.people[spec.owner],
      teamId: teams[spec.owner],
      ...('referredBy' in spec ? { referredById: ids[spec.referredBy as Name] } : {}),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    ids[name] = ((await created.json()) as { id: number }).id;
    for (const [index, [amount, profit]] of spec.orders.entries())
      await t.handle.db
        .insertInto('orders')
        .values({
          customer_id: ids[name],
          order_no: `${name}-${index}`,
          order_date: '2024-11-01',
          amount,
          gross_profit: profit,
        })
        .execute();
  }
  expect((await admin('DELETE', `/api/customers/${ids.E}`)).status).toBe(204);
  const models = (await (await admin('GET', '/api/grading/models')).json()) as {
    items: { id: number; key: string }[];
  };
  const abc = models.items.find((m) => m.key === 'abc')!.id;
  runId = ((await (await admin('POST', `/api/grading/models/${abc}/runs`, {})).json()) as { runId: number })
    .runId;
  const results = await t.handle.db
    .selectFrom('grading_results')
    .select(['customer_id', 'grade'])
    .where('run_id', '=', runId)
    .execute();
  for (const row of results) gradeOf.set(nameOf(row.customer_id)!, row.grade);
});
afterAll(() => t.close());

describe("a customer's referrals", () => {
  it('lists the customers it referred, the most valuable first, with their lifetime sales and profit to the cent', async () => {
    const referred = await referralsOf(admin, 'R1');
    expect(referred.items.map((item) => [item.name, item.orderCount, item.sales, item.profit])).toEqual([
      ['转介绍客户B', 1, '2000.00', '-150.00'],
      ['转介绍客户A', 2, '1500.15', '400.15'],
      ['转介绍客户C', 0, '0.00', '0.00'],
    ]);
    expect(referred.totals).toEqual({ referred: 3, buyers: 2, sales: '3500.15', profit: '250.15' });
  });

  it("shows a rep only the referred customers they own: a colleague's stays out of the list and of the totals", async () => {
    const referred = await referralsOf(repEast1, 'R1');
    expect(referred.items.map((item) => item.name)).toEqual(['转介绍客户A', '转介绍客户C']);
    expect(referred.totals).toEqual({ referred: 2, buyers: 1, sales: '1500.15', profit: '400.15' });
  });

  it("shows a manager their team's referred customers", async () => {
    expect((await referralsOf(managerEast, 'R1')).totals.referred).toBe(3);
  });

  it('leaves out a deleted referred customer', async () => {
    expect((await referralsOf(admin, 'R1')).items.map((item) => item.name)).not.toContain('转介绍客户E');
  });

  it('answers 404 for a referrer outside the caller’s scope, as for one that does not exist', async () => {
    expect((await repSouth1('GET', `/api/customers/${ids.R1}/referrals`)).status).toBe(404);
    expect((await admin('GET', '/api/customers/999999/referrals')).status).toBe(404);
  });

  it('gives an empty list and zero totals for a customer that referred nobody', async () => {
    expect(await referralsOf(admin, 'R4')).toEqual({
      items: [],
      totals: { referred: 0, buyers: 0, sales: '0.00', profit: '0.00' },
    });
  });
});

describe('the customer list', () => {
  const listed = async (client: Client, query: string) => {
    const page = await body<{ items: { id: number }[] }>(
      await client('GET', `/api/customers?limit=100&${query}`),
    );
    return page.items.map((item) => nameOf(item.id)).sort();
  };

  it('filters the customers who came by referral, those who referred others, or both', async () => {
    expect(await listed(admin, 'referral=referred')).toEqual(['A', 'B', 'C', 'D']);
    expect(await listed(admin, 'referral=referrer')).toEqual(['R1', 'R2']);
    expect(await listed(admin, 'referral=referred,referrer')).toEqual(['A', 'B', 'C', 'D', 'R1', 'R2']);
    expect(await listed(repEast1, 'referral=referred')).toEqual(['A', 'C']);
  });

  it('counts as a referrer only a customer whose referred customers the user may see', async () => {
    // R2 (rep east 2) referred only D, rep south 1's: out of rep east 2's and manager east's sight.
    expect(await listed(await t.as('repEast2'), 'referral=referrer')).toEqual([]);
    expect(await listed(managerEast, 'referral=referrer')).toEqual(['R1']);
    expect(await listed(repSouth1, 'referral=referrer')).toEqual([]);
  });

  it('filters by the customer source', async () => {
    expect((await admin('PATCH', `/api/customers/${ids.D}`, { source: 'referral' })).status).toBe(200);
    expect(await listed(admin, 'source=referral')).toEqual(['D']);
  });

  it('refuses a referral filter it does not know, naming it', async () => {
    const response = await admin('GET', '/api/customers?referral=friends');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('referral');
  });
});

/** What the analysis must say per grade, computed from the world's own table and the run's grades. */
function expectedGrades(graded: readonly Name[], visible: readonly Name[]) {
  const perGrade = new Map<
    number,
    { customers: number; referrers: number; referred: number; buyers: number }
  >();
  for (const name of graded) {
    const grade = gradeOf.get(name)!;
    const row = perGrade.get(grade) ?? { customers: 0, referrers: 0, referred: 0, buyers: 0 };
    const brought = visible.filter((other) => (world[other] as { referredBy?: string }).referredBy === name);
    row.customers += 1;
    row.referrers += brought.length > 0 ? 1 : 0;
    row.referred += brought.length;
    row.buyers += brought.filter((other) => world[other].orders.length > 0).length;
    perGrade.set(grade, row);
  }
  return perGrade;
}

describe('the referral analysis of a run', () => {
  it('gives the admin, per grade of the referrer, who refers and what the referred customers bought', async () => {
    const graded: Name[] = ['R1', 'R2', 'R3', 'R4', 'A', 'B', 'D'];
    expect([...gradeOf.keys()].sort()).toEqual([...graded].sort());
    const result = await analysis(admin);
    const expected = expectedGrades(graded, ['A', 'B', 'C', 'D']);
    for (const row of result.grades) {
      const want = expected.get(row.grade) ?? { customers: 0, referrers: 0, referred: 0, buyers: 0 };
      expect({ ...row, grade: undefined }).toMatchObject(want);
    }
    expect(result.totals).toMatchObject({
      customers: 7,
      referrers: 2,
      referred: 4,
      buyers: 3,
      sales: '4200.15',
      profit: '320.15',
    });
    expect(result.grades.find((row) => row.grade === gradeOf.get('R1'))?.sales).toBe(
      gradeOf.get('R1') === gradeOf.get('R2') ? '4200.15' : '3500.15',
    );
  });

  it('ranks the referrers who brought the most first', async () => {
    const { top } = await analysis(admin);
    expect(
      top.map((row) => [nameOf(row.customerId), row.referred, row.buyers, row.sales, row.profit]),
    ).toEqual([
      ['R1', 3, 2, '3500.15', '250.15'],
      ['R2', 1, 1, '700.00', '70.00'],
    ]);
    expect(top[0]!.grade).toBe(gradeOf.get('R1'));
  });

  it('tells what share of the graded customers, and of their lifetime sales, came by referral', async () => {
    const { sourced } = await analysis(admin);
    expect(sourced).toEqual({
      customers: 7,
      referredCustomers: 3,
      share: 3 / 7,
      sales: '17700.15',
      referredSales: '4200.15',
      salesShare: 4200.15 / 17700.15,
    });
  });

  it('counts for a rep only their own graded customers and the referred customers they own', async () => {
    const result = await analysis(repEast1);
    expect(result.totals).toMatchObject({
      customers: 3,
      referrers: 1,
      referred: 2,
      buyers: 1,
      sales: '1500.15',
    });
    expect(result.top.map((row) => nameOf(row.customerId))).toEqual(['R1']);
    expect(result.sourced).toMatchObject({ customers: 3, referredCustomers: 1, sales: '11000.15' });
    expect(JSON.stringify(result)).not.toContain('2000.00');
  });

  it("narrows to the dashboard's filters: rep south 1's customers refer nobody, though one of them came by referral", async () => {
    const result = await analysis(admin, `?ownerId=${t.people.repSouth1}`);
    expect(result.totals).toMatchObject({
      customers: 2,
      referrers: 0,
      referred: 0,
      buyers: 0,
      sales: '0.00',
    });
    expect(result.totals.referralRate).toBe(0);
    expect(result.totals.conversionRate).toBeNull();
    expect(result.top).toEqual([]);
    expect(result.sourced).toMatchObject({ customers: 2, referredCustomers: 1, referredSales: '700.00' });
  });

  it('gives zeros and no rates for a filter that leaves nobody', async () => {
    const result = await analysis(admin, '?province=西藏自治区');
    expect(result.totals).toEqual({
      customers: 0,
      referrers: 0,
      referred: 0,
      buyers: 0,
      sales: '0.00',
      profit: '0.00',
      referralRate: null,
      conversionRate: null,
    });
    expect(result.sourced).toMatchObject({ customers: 0, share: null, salesShare: null });
  });

  it('answers 404 for a run that does not exist', async () => {
    expect((await admin('GET', '/api/analytics/runs/999999/referrals')).status).toBe(404);
  });
});
