import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import type { PolicyTables } from './policy.tables.js';

let handle: DatabaseHandle;
const db = () => handle.db.withTables<PolicyTables>();
const models: Record<string, number> = {};

async function grade(modelKey: string, customerId: number, code: string) {
  await handle.db
    .insertInto('customer_grades')
    .values({
      model_id: models[modelKey]!,
      customer_id: customerId,
      grade: 0,
      grade_code: code,
      status: 0,
      cause: 'run',
    })
    .execute();
}

const governing = (customerId: number) =>
  db().selectFrom('customer_service_policy').selectAll().where('customer_id', '=', customerId).execute();

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const m of await handle.db.selectFrom('grading_models').select(['id', 'key']).execute())
    models[m.key] = m.id;
  const names = ['composite only', 'abc only', 'both', 'ungraded', 'key-accounts only'];
  for (const name of names) await handle.db.insertInto('customers').values({ name }).execute();
  await grade('composite', 1, 'A');
  await grade('abc', 2, 'C');
  await grade('composite', 3, 'D');
  await grade('abc', 3, 'A');
  await grade('key-accounts', 5, 'key');
});
afterAll(async () => handle.close());

describe('customer_service_policy view', () => {
  it('seeds one preset policy per shipped model with a rule for every grade of its ladder', async () => {
    const policies = await db()
      .selectFrom('service_policies as p')
      .innerJoin('service_policy_rules as r', 'r.version_id', 'p.current_version_id')
      .select([
        'p.model_id',
        'p.active',
        'p.priority',
        'r.grade_code',
        'r.manager_mode',
        'r.max_customers_per_manager',
      ])
      .orderBy('p.priority')
      .orderBy('r.grade_code')
      .execute();
    const composite = policies.filter((p) => p.model_id === models.composite);
    expect(composite.map((r) => [r.grade_code, r.manager_mode, r.max_customers_per_manager])).toEqual([
      ['A', 'dedicated', 1],
      ['B', 'shared', 2],
      ['C', 'shared', 5],
      ['D', 'pool', null],
    ]);
    expect(new Set(policies.map((p) => p.model_id))).toEqual(
      new Set([models.composite, models['key-accounts'], models.abc, models.prospect]),
    );
  });

  it('gives a customer graded by one model that model’s rule for its grade', async () => {
    expect(await governing(1)).toMatchObject([
      {
        grade_code: 'A',
        model_id: models.composite,
        manager_mode: 'dedicated',
        required_level: 'senior',
        pool_recall_days: null,
        credit_limit: '5000000.00',
        discount_ceiling: '0.1500',
      },
    ]);
    expect(await governing(2)).toMatchObject([
      { grade_code: 'C', model_id: models.abc, manager_mode: 'channel' },
    ]);
  });

  it('lets the active policy with the lowest priority govern a customer graded by several models', async () => {
    expect(await governing(3)).toMatchObject([
      { grade_code: 'D', model_id: models.composite, manager_mode: 'pool' },
    ]);
  });

  it('has no row for an ungraded customer nor for a grade whose policy is inactive', async () => {
    expect(await governing(4)).toEqual([]);
    expect(await governing(5)).toEqual([]);
  });

  it('follows a change of priority and of the current version at once', async () => {
    await db()
      .updateTable('service_policies')
      .set({ priority: 5 })
      .where('model_id', '=', models.abc!)
      .execute();
    expect(await governing(3)).toMatchObject([{ grade_code: 'A', model_id: models.abc }]);
    await db()
      .updateTable('service_policies')
      .set({ priority: 30 })
      .where('model_id', '=', models.abc!)
      .execute();
    expect(await governing(3)).toMatchObject([{ model_id: models.composite }]);
  });
});
