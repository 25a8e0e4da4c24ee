import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { systemActor } from '../auth/actor.js';
import { regradeCustomers } from '../grading/instant.service.js';
import { findModelByKey } from '../grading/model.repository.js';
import { executeRun } from '../grading/run.service.js';
import { customersWithOneOrderEach } from '../grading/testing/one-order-each.js';
import type { ImportEntity } from './fields.js';
import { runImport } from './pipeline.js';

const AS_OF = '2025-01-01';
/** Midnight in Beijing on the runs' as-of date: a re-grade then sees exactly the runs' data. */
const RUN_DAY = new Date('2025-01-01T00:30:00+08:00');
const COUNT = 20;
let handle: DatabaseHandle;
let compositeId: number;
let matrixId: number;
const dir = mkdtempSync(join(tmpdir(), 'stratum-import-regrade-'));
let fileNo = 0;

function importCsv(entity: ImportEntity, lines: readonly string[], options: { dryRun?: boolean } = {}) {
  const path = join(dir, `${entity}-${++fileNo}.csv`);
  writeFileSync(path, lines.join('\n'));
  return runImport(handle, systemActor, { entity, files: [{ path }], ...options }, { now: () => RUN_DAY });
}

const gradeOf = (code: string, modelId = compositeId) =>
  handle.db
    .selectFrom('customer_grades as g')
    .innerJoin('customers as c', 'c.id', 'g.customer_id')
    .select(['g.grade_code', 'g.cause', 'g.score'])
    .where('g.model_id', '=', modelId)
    .where('c.code', '=', code)
    .executeTakeFirstOrThrow();

const changesOf = (code: string) =>
  handle.db
    .selectFrom('grade_changes as gc')
    .innerJoin('customers as c', 'c.id', 'gc.customer_id')
    .select(['gc.model_id', 'gc.from_grade', 'gc.to_grade', 'gc.cause', 'gc.detail'])
    .where('c.code', '=', code)
    .where('gc.cause', '=', 'instant')
    .orderBy('gc.id')
    .execute();

beforeAll(async () => {
  handle = await openTestDatabase();
  await customersWithOneOrderEach(handle.db, COUNT, 'G');
  // Customers 11–20 paid late by 1 to 28 days: the credit factor then tells customers apart.
  await handle.db
    .insertInto('payments')
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        customer_id: 11 + i,
        due_date: '2024-07-01',
        paid_date: `2024-07-${String(2 + 3 * i).padStart(2, '0')}`,
        amount: '100.00',
      })),
    )
    .execute();
  compositeId = (await findModelByKey(handle.db, 'composite'))!.id;
  matrixId = (await findModelByKey(handle.db, 'matrix'))!.id;
  await handle.db.updateTable('grading_models').set({ active: true }).where('id', '=', matrixId).execute();
  for (const modelId of [compositeId, matrixId])
    await executeRun(handle.db, { modelId, asOf: AS_OF, trigger: 'cli', startedBy: null });
});
afterAll(() => handle.close());

describe('an import re-grades the customers whose graded records it wrote, before it commits', () => {
  it('an orders file that lifts a customer over the stored boundary changes its grade', async () => {
    expect((await gradeOf('G1')).grade_code).toBe('D');
    const result = await importCsv('orders', [
      '客户编号,订单号,成交日期,金额,毛利',
      'G1,G1-BIG,2024-12-20,900000,300000',
    ]);
    expect(result).toMatchObject({ committed: true, inserted: 1, gradeChanges: 1 });
    expect(await gradeOf('G1')).toMatchObject({ grade_code: 'A', cause: 'instant' });
    expect(await changesOf('G1')).toEqual([
      expect.objectContaining({
        model_id: compositeId,
        from_grade: 3,
        to_grade: 0,
        detail: expect.anything(),
      }),
    ]);
    expect((await changesOf('G1'))[0]!.detail).toMatchObject({ trigger: 'import' });
  });

  it('re-importing the same file writes nothing and changes no grade', async () => {
    const before = await changesOf('G1');
    const result = await importCsv('orders', [
      '客户编号,订单号,成交日期,金额,毛利',
      'G1,G1-BIG,2024-12-20,900000,300000',
    ]);
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, gradeChanges: 0 });
    expect(await changesOf('G1')).toEqual(before);
  });

  it('a dry run changes no grade', async () => {
    const result = await importCsv(
      'orders',
      ['客户编号,订单号,成交日期,金额,毛利', 'G2,G2-BIG,2024-12-20,900000,300000'],
      { dryRun: true },
    );
    expect(result).toMatchObject({ committed: false, gradeChanges: 0 });
    expect((await gradeOf('G2')).grade_code).toBe('D');
    expect(await changesOf('G2')).toEqual([]);
  });

  it('a customers file re-grades the customers whose attributes a model reads', async () => {
    expect((await gradeOf('G5', matrixId)).grade_code).toBe('acquire_or_abandon');
    const result = await importCsv('customers', [
      '客户编号,客户名称,我方采购份额,未来采购量',
      'G5,客户5,80%,200万',
      'G6,客户6,0.1,',
    ]);
    expect(result).toMatchObject({ problems: [], updated: 2, gradeChanges: 1 });
    expect(await gradeOf('G5', matrixId)).toMatchObject({ grade_code: 'keep', cause: 'instant' });
    expect((await gradeOf('G6', matrixId)).grade_code).toBe('acquire_or_abandon');
    const stored = await handle.db
      .selectFrom('customers')
      .select(['share_of_wallet', 'upcoming_purchase_volume'])
      .where('code', '=', 'G5')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ share_of_wallet: '0.8000', upcoming_purchase_volume: '2000000.00' });
  });

  it('a payments file re-scores the customers it names: a late payment lowers the credit score', async () => {
    const before = (await gradeOf('G10')).score!;
    const result = await importCsv('payments', [
      '客户编号,应收日期,回款日期,回款金额',
      'G10,2024-07-01,2024-09-29,1333.00',
    ]);
    expect(result).toMatchObject({ problems: [], inserted: 1 });
    expect((await gradeOf('G10')).score).toBeLessThan(before);
  });

  it('leaves every customer with the grade a re-grade of all of them gives', async () => {
    const ids = (await handle.db.selectFrom('customers').select('id').execute()).map((row) => row.id);
    expect(ids).toHaveLength(COUNT);
    const changes = await handle.db.transaction().execute(async (trx) => {
      const found = await regradeCustomers(trx, ids, 'order', RUN_DAY);
      return found;
    });
    expect(changes).toEqual([]);
  });
});
