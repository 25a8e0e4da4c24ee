import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityTables } from '../../db/database.js';
import { json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';
import { csvRows, xlsxRows } from '../exports/testing/read-back.js';

/**
 * A hand-built pipeline with hand-computed figures. Days are offsets from 2025-01-01.
 *   O1 east1 1000.00 won            lead@0 first_visit@2 need_confirmed@5 won@15 (skipped two stages)
 *   O2 east1 2000.00 need_confirmed lead@0 first_visit@4 need_confirmed@10
 *   O3 east1 3000.00 lost           lead@0 first_visit@1 lost@3
 *   O4 east1  500.50 lead, 20 %     lead@0
 *   O5 east2 7000.00 commercial     lead@0 commercial@7 (owned by repEast2)
 */
let w: RecordWorld;

interface FunnelStage {
  code: string;
  count: number;
  amount: string;
  weightedAmount: string;
  reached: number;
  conversionToNext: number | null;
  averageDaysInStage: number | null;
}
interface Funnel {
  stages: FunnelStage[];
  totals: Record<string, number | string>;
}

const at = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000);

beforeAll(async () => {
  w = await openRecordWorld();
  const db = w.t.handle.db.withTables<OpportunityTables>();
  const { repEast1, repEast2 } = w.t.people;
  const specs = [
    {
      customer: w.customers.east1,
      owner: repEast1,
      amount: '1000.00',
      stage: 'won',
      path: [
        ['lead', 0],
        ['first_visit', 2],
        ['need_confirmed', 5],
        ['won', 15],
      ],
    },
    {
      customer: w.customers.east1,
      owner: repEast1,
      amount: '2000.00',
      stage: 'need_confirmed',
      path: [
        ['lead', 0],
        ['first_visit', 4],
        ['need_confirmed', 10],
      ],
    },
    {
      customer: w.customers.east1,
      owner: repEast1,
      amount: '3000.00',
      stage: 'lost',
      path: [
        ['lead', 0],
        ['first_visit', 1],
        ['lost', 3],
      ],
    },
    {
      customer: w.customers.east1,
      owner: repEast1,
      amount: '500.50',
      stage: 'lead',
      probability: '20',
      path: [['lead', 0]],
    },
    {
      customer: w.customers.east2,
      owner: repEast2,
      amount: '7000.00',
      stage: 'commercial',
      path: [
        ['lead', 0],
        ['commercial', 7],
      ],
    },
  ] as const;
  for (const spec of specs) {
    const { id } = await db
      .insertInto('opportunities')
      .values({
        customer_id: spec.customer,
        owner_id: spec.owner,
        name: `机会 ${spec.amount}`,
        amount: spec.amount,
        stage: spec.stage,
        probability: 'probability' in spec ? spec.probability : null,
        lost_reason: spec.stage === 'lost' ? '预算取消' : null,
        created_at: at(0),
        closed_at: spec.stage === 'won' || spec.stage === 'lost' ? at(20) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('opportunity_stage_history')
      .values(
        spec.path.map(([stage, day], index) => ({
          opportunity_id: id,
          customer_id: spec.customer,
          from_stage: index === 0 ? null : spec.path[index - 1]![0],
          to_stage: stage,
          at: at(day),
        })),
      )
      .execute();
  }
});

afterAll(async () => w.t.close());

const funnel = async (client: RecordWorld['admin'], query = '') =>
  (await json(await client('GET', `/api/funnel${query}`))) as unknown as Funnel;
const byCode = (result: Funnel) => Object.fromEntries(result.stages.map((stage) => [stage.code, stage]));

describe('funnel figures of the whole pipeline (admin)', () => {
  it('counts, amounts and weighted amounts per current stage; overrides weigh with their own probability', async () => {
    const stages = byCode(await funnel(w.admin));
    const figures = (code: string) => {
      const stage = stages[code]!;
      return [stage.count, stage.amount, stage.weightedAmount];
    };
    expect(figures('lead')).toEqual([1, '500.50', '100.10']);
    expect(figures('first_visit')).toEqual([0, '0.00', '0.00']);
    expect(figures('need_confirmed')).toEqual([1, '2000.00', '600.00']);
    expect(figures('commercial')).toEqual([1, '7000.00', '4900.00']);
    expect(figures('won')).toEqual([1, '1000.00', '1000.00']);
    expect(figures('lost')).toEqual([1, '3000.00', '0.00']);
  });

  it('totals over every stage and over the open pipeline', async () => {
    expect((await funnel(w.admin)).totals).toEqual({
      count: 5,
      amount: '13500.50',
      weightedAmount: '6600.10',
      openCount: 3,
      openAmount: '9500.50',
      openWeightedAmount: '5600.10',
    });
  });

  it('conversion is the share reaching the next stage or beyond; a skipped stage counts as reached', async () => {
    const stages = await funnel(w.admin);
    expect(stages.stages.map((stage) => [stage.code, stage.reached, stage.conversionToNext])).toEqual([
      ['lead', 5, 4 / 5],
      ['first_visit', 4, 3 / 4],
      ['need_confirmed', 3, 2 / 3],
      ['proposal_accepted', 2, 1],
      ['commercial', 2, 1 / 2],
      ['won', 1, null],
      ['lost', 1, null],
    ]);
  });

  it('time in stage averages the stays that ended, in days', async () => {
    const stages = byCode(await funnel(w.admin));
    expect(stages.lead!.averageDaysInStage).toBeCloseTo((2 + 4 + 1 + 7) / 4, 9);
    expect(stages.first_visit!.averageDaysInStage).toBeCloseTo((3 + 6 + 2) / 3, 9);
    expect(stages.need_confirmed!.averageDaysInStage).toBeCloseTo(10, 9);
    expect(stages.commercial!.averageDaysInStage).toBeNull();
    expect(stages.won!.averageDaysInStage).toBeNull();
  });
});

describe('funnel scope and filters', () => {
  it('a rep’s funnel holds only the opportunities of their own customers', async () => {
    const result = await funnel(w.repEast1);
    expect(result.totals).toMatchObject({ count: 4, amount: '6500.50', weightedAmount: '1700.10' });
    expect(result.stages.map((stage) => stage.reached)).toEqual([4, 3, 2, 1, 1, 1, 1]);
    expect(byCode(result).lead!.averageDaysInStage).toBeCloseTo(7 / 3, 9);
    expect(byCode(result).commercial!.count).toBe(0);
  });

  it('a manager of another team sees an empty funnel with no conversions', async () => {
    const result = await funnel(w.managerSouth);
    expect(result.totals).toMatchObject({ count: 0, amount: '0.00', openWeightedAmount: '0.00' });
    expect(result.stages.every((stage) => stage.conversionToNext === null)).toBe(true);
  });

  it('filters by owner, by team and by creation date', async () => {
    const ofEast2 = await funnel(w.admin, `?ownerId=${w.t.people.repEast2}`);
    expect(ofEast2.totals).toMatchObject({ count: 1, amount: '7000.00', weightedAmount: '4900.00' });
    expect((await funnel(w.admin, `?teamId=${w.t.people.teamSouth}`)).totals.count).toBe(0);
    expect((await funnel(w.admin, '?from=2025-01-01&to=2025-01-01')).totals.count).toBe(5);
    expect((await funnel(w.admin, '?from=2025-01-02')).totals.count).toBe(0);
    expect((await funnel(w.repEast2, `?ownerId=${w.t.people.repEast1}`)).totals.count).toBe(0);
  });
});

describe('the opportunity list behind the funnel', () => {
  const list = async (client: RecordWorld['admin'], query: string) =>
    (await json(await client('GET', `/api/opportunities?limit=100${query}`))) as unknown as {
      items: { id: number; amount: string; ownerId: number; ownerName: string | null }[];
      total: number;
    };

  it("with the funnel's filters, lists exactly the opportunities the funnel counts", async () => {
    for (const query of [
      '',
      `&ownerId=${w.t.people.repEast2}`,
      `&teamId=${w.t.people.teamEast}`,
      `&teamId=${w.t.people.teamSouth}`,
      '&from=2025-01-01&to=2025-01-01',
      '&from=2025-01-02',
    ]) {
      const listed = await list(w.admin, query);
      const counted = await funnel(w.admin, query.replace('&', '?'));
      expect(listed.total, query).toBe(counted.totals.count);
      expect(listed.items.length, query).toBe(counted.totals.count);
    }
  });

  it('names the owner of each opportunity', async () => {
    const users = await w.t.handle.db.selectFrom('users').select(['id', 'name']).execute();
    const listed = await list(w.admin, '');
    expect(listed.items.length).toBeGreaterThan(0);
    for (const item of listed.items)
      expect(item.ownerName).toBe(users.find((user) => user.id === item.ownerId)!.name);
  });

  it('a rep lists only the opportunities of their own customers, whatever owner they ask for', async () => {
    expect((await list(w.repEast2, '')).items.map((item) => item.amount)).toEqual(['7000.00']);
    expect((await list(w.repEast2, `&ownerId=${w.t.people.repEast1}`)).total).toBe(0);
  });

  it('the creation period is counted in business days, Asia/Shanghai, whatever the database session’s zone', async () => {
    const db = w.t.handle.db.withTables<OpportunityTables>();
    // 16:30 UTC on 31 January is half past midnight on 1 February in Shanghai.
    const { id } = await db
      .insertInto('opportunities')
      .values({
        customer_id: w.customers.east1,
        owner_id: w.t.people.repEast1,
        name: '午夜后的机会',
        amount: '10.00',
        stage: 'lead',
        created_at: new Date('2025-01-31T16:30:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      expect((await funnel(w.admin, '?from=2025-02-01&to=2025-02-01')).totals.count).toBe(1);
      expect((await funnel(w.admin, '?from=2025-01-31&to=2025-01-31')).totals.count).toBe(0);
      expect((await list(w.admin, '&from=2025-02-01&to=2025-02-01')).items.map((item) => item.id)).toEqual([
        id,
      ]);
    } finally {
      await db.deleteFrom('opportunities').where('id', '=', id).execute();
    }
  });
});

describe('the opportunity list exported', () => {
  it('holds the rows of the list, newest first, money exact, stages named in the reader’s language', async () => {
    const listed = (await json(await w.admin('GET', '/api/opportunities?limit=100'))) as unknown as {
      items: { id: number; amount: string; weightedAmount: string; customerName: string }[];
    };
    const rows = await csvRows(await w.admin('GET', '/api/exports/opportunities?format=csv'));
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['客户编号', '客户名称', '商机名称', '阶段']);
    const body = rows.slice(1);
    expect(body.map((row) => row[header.indexOf('金额')])).toEqual(listed.items.map((item) => item.amount));
    expect(body.map((row) => row[header.indexOf('加权金额')])).toEqual(
      listed.items.map((item) => item.weightedAmount),
    );
    expect(body.map((row) => row[1])).toEqual(listed.items.map((item) => item.customerName));
    expect(new Set(body.map((row) => row[3]))).toEqual(
      new Set(['签订合同', '需求认可', '丢单', '获取销售机会', '商务认可（报价/合同）']),
    );
    const english = await xlsxRows(
      await w.admin('GET', '/api/exports/opportunities?format=xlsx', undefined, {
        'accept-language': 'en-US',
      }),
    );
    expect(english[0]!.slice(0, 4)).toEqual(['Customer code', 'Customer', 'Opportunity', 'Stage']);
    expect(english.slice(1).map((row) => row[3])).toContain('Won (contract signed)');
  });

  it("a rep's export holds only their own customers' opportunities; the list's filters apply", async () => {
    const amountsOf = async (client: RecordWorld['admin'], query: string) => {
      const rows = await csvRows(await client('GET', `/api/exports/opportunities?format=csv${query}`));
      return rows.slice(1).map((row) => row[rows[0]!.indexOf('金额')]);
    };
    expect(await amountsOf(w.repEast2, '')).toEqual(['7000.00']);
    expect(await amountsOf(w.admin, `&ownerId=${w.t.people.repEast2}`)).toEqual(['7000.00']);
    expect(await amountsOf(w.admin, '&open=false')).toHaveLength(2);
    expect(await amountsOf(w.admin, `&teamId=${w.t.people.teamSouth}`)).toEqual([]);
  });
});
