import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { executeRun } from '../../grading/run.service.js';
import type { TestPeople } from '../../../testing/test-app.js';

/**
 * A model whose grades a test sets by hand: cumulative sales < 1,000 → C, < 10,000 → B, else A (bins scored
 * 0 / 50 / 100 against thresholds 80 / 40), over customers with orders.
 */
export const salesBinsModel = {
  name: { 'zh-CN': '累计销售额分档', 'en-US': 'Cumulative sales bins' },
  population: { hasOrders: true },
  factors: [
    {
      id: 'sales',
      metric: 'cumulative_sales',
      normaliser: { kind: 'bins', edges: [999.99, 9999.99], scores: [0, 50, 100] },
      weight: 1,
    },
  ],
  method: { kind: 'thresholds', thresholds: [80, 40] },
  ladder: [
    { code: 'A', name: { 'zh-CN': 'A 类', 'en-US': 'Grade A' }, color: '#c41d7f' },
    { code: 'B', name: { 'zh-CN': 'B 类', 'en-US': 'Grade B' }, color: '#1677ff' },
    { code: 'C', name: { 'zh-CN': 'C 类', 'en-US': 'Grade C' }, color: '#52c41a' },
  ],
};

export async function insertSalesBinsModel(db: Kysely<Database>): Promise<number> {
  const { id } = await db
    .insertInto('grading_models')
    .values({
      key: 'sales-bins',
      name_zh: salesBinsModel.name['zh-CN'],
      name_en: salesBinsModel.name['en-US'],
      current_version: 1,
      schedule: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('grading_model_versions')
    .values({ model_id: id, version: 1, definition: JSON.stringify(salesBinsModel) })
    .execute();
  return id;
}

export interface GradeWorld {
  readonly modelId: number;
  /** E1, E2: reps of the east team; S1: the south rep; U1: nobody's, in no team. */
  readonly customers: { E1: number; E2: number; S1: number; U1: number };
  /** Sets a customer's cumulative sales to exactly `amount` (no orders at all for 0). */
  setSales(customer: number, amount: number): Promise<void>;
  run(asOf: string): ReturnType<typeof executeRun>;
}

export async function openGradeWorld(db: Kysely<Database>, people: TestPeople): Promise<GradeWorld> {
  const modelId = await insertSalesBinsModel(db);
  const customer = async (code: string, name: string, owner: number | null, team: number | null) =>
    (
      await db
        .insertInto('customers')
        .values({ code, name, owner_id: owner, team_id: team })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const customers = {
    E1: await customer('E1', '江苏恒瑞机械制造有限公司', people.repEast1, people.teamEast),
    E2: await customer('E2', '杭州东方泵业股份有限公司', people.repEast2, people.teamEast),
    S1: await customer('S1', '广州南方电力设备有限公司', people.repSouth1, people.teamSouth),
    U1: await customer('U1', '深圳前海贸易有限公司', null, null),
  };
  let orderNo = 0;
  return {
    modelId,
    customers,
    async setSales(customerId, amount) {
      await db.deleteFrom('orders').where('customer_id', '=', customerId).execute();
      if (amount === 0) return;
      await db
        .insertInto('orders')
        .values({
          customer_id: customerId,
          order_no: `GW${++orderNo}`,
          order_date: '2024-06-01',
          amount: amount.toFixed(2),
          gross_profit: (amount / 5).toFixed(2),
        })
        .execute();
    },
    run: (asOf) => executeRun(db, { modelId, asOf, trigger: 'cli', startedBy: null }),
  };
}
