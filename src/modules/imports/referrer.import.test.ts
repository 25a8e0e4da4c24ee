import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { systemActor } from '../auth/actor.js';
import { runImport } from './pipeline.js';

let handle: DatabaseHandle;
const dir = mkdtempSync(join(tmpdir(), 'stratum-referrer-'));
let fileNo = 0;
const importFile = (entity: 'customers' | 'relationships', csv: string) => {
  const path = join(dir, `${entity}-${++fileNo}.csv`);
  writeFileSync(path, csv);
  return runImport(handle, systemActor, { entity, files: [{ path }] });
};
const importCustomers = (csv: string) => importFile('customers', csv);

/** Each customer's referrer by code, for the codes asked. */
async function referrers(codes: readonly string[]): Promise<Record<string, string | null>> {
  const rows = await handle.db
    .selectFrom('customers as c')
    .leftJoin('customers as r', 'r.id', 'c.referred_by_id')
    .select(['c.code', 'r.code as referrer'])
    .where('c.code', 'in', [...codes])
    .execute();
  return Object.fromEntries(rows.map((row) => [row.code, row.referrer]));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await importCustomers('客户编号,客户名称\nR001,苏州老客户机械有限公司\n');
});
afterAll(() => handle.close());

describe('the referrer column of a customer import (推荐客户编号)', () => {
  it('points a customer at a referrer already recorded, and at one that is another row of the same file', async () => {
    const result = await importCustomers(
      [
        '客户编号,客户名称,推荐客户',
        'N001,无锡新客户科技有限公司,R001',
        'N002,常州二号客户有限公司,N003',
        'N003,南通三号客户有限公司,',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.inserted).toBe(3);
    expect(await referrers(['N001', 'N002', 'N003'])).toEqual({ N001: 'R001', N002: 'N003', N003: null });
  });

  it('finds a new row without a code by its company when its referrer is new in the file too', async () => {
    const result = await importCustomers(
      ['客户名称,推荐客户编号,客户编号', '扬州无编号客户有限公司,N005,', '泰州五号客户有限公司,,N005'].join(
        '\n',
      ),
    );
    expect(result.problems).toEqual([]);
    const row = await handle.db
      .selectFrom('customers as c')
      .innerJoin('customers as r', 'r.id', 'c.referred_by_id')
      .select('r.code')
      .where('c.name', '=', '扬州无编号客户有限公司')
      .executeTakeFirstOrThrow();
    expect(row.code).toBe('N005');
  });

  it('changes nothing when the same file is imported again', async () => {
    const csv = '客户编号,客户名称,推荐客户\nN001,无锡新客户科技有限公司,R001\n';
    const again = await importCustomers(csv);
    expect([again.inserted, again.updated]).toEqual([0, 0]);
    expect(await referrers(['N001'])).toEqual({ N001: 'R001' });
  });

  it('moves an existing customer to another referrer, counted as an update', async () => {
    const moved = await importCustomers('客户编号,客户名称,推荐客户\nN001,无锡新客户科技有限公司,N003\n');
    expect([moved.inserted, moved.updated]).toEqual([0, 1]);
    expect(await referrers(['N001'])).toEqual({ N001: 'N003' });
  });

  it('refuses an unknown referrer and a customer referring itself, naming the row and column, and writes nothing', async () => {
    const result = await importCustomers(
      [
        '客户编号,客户名称,推荐客户',
        'X001,徐州未知推荐客户有限公司,NOPE',
        'X002,连云港自荐客户有限公司,X002',
      ].join('\n'),
    );
    expect(result.committed).toBe(false);
    expect(result.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, '推荐客户', 'unknown_customer'],
      [3, '推荐客户', 'self_reference'],
    ]);
    expect(await referrers(['X001', 'X002'])).toEqual({});
  });

  it("a relationships file's 推荐 links become the referred customers' referrer where they have none", async () => {
    const result = await importFile(
      'relationships',
      [
        '客户编号,关联客户编号,关系类型',
        'R001,N003,推荐',
        'N005,N003,推荐',
        'R001,N001,推荐',
        'R001,N002,下游客户',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(await referrers(['N001', 'N002', 'N003'])).toEqual({ N001: 'N003', N002: 'N003', N003: 'R001' });
  });

  it('does not count a referrer whose own row is bad: the row it refers to is refused too', async () => {
    const result = await importCustomers(
      ['客户编号,客户名称,推荐客户', 'Y001,,', 'Y002,盐城被推荐客户有限公司,Y001'].join('\n'),
    );
    expect(result.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, 'required'],
      [3, 'unknown_customer'],
    ]);
  });
});
