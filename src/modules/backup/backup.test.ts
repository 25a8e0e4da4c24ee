import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { created } from '../audit/api-fixtures.js';
import { executeRun } from '../grading/run.service.js';
import { restoreBackup, writeBackup } from './backup.service.js';

let source: TestApp;
let backup: Buffer;

/** A backup of the database as bytes (uncompressed: the gzip layer is the CLI's). */
async function backupOf(handle: DatabaseHandle): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeBackup(handle.db, handle.kind, output);
  return Buffer.concat(chunks);
}

/** Everything after the header line, which names the source and the time. */
const rowsOf = (bytes: Buffer) => bytes.subarray(bytes.indexOf(10) + 1);

/** The bytes in pieces that cut lines (and the `\\.` lines) in two, as a file read from disk does. */
async function* piecesOf(bytes: Buffer) {
  for (let at = 0; at < bytes.length; at += 4093) yield bytes.subarray(at, at + 4093);
}

const restore = (handle: DatabaseHandle, bytes: Buffer, replace = false) =>
  restoreBackup(handle.db, piecesOf(bytes), { replace });

const count = async (handle: DatabaseHandle, table: string) =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(handle.db)).rows[0]!
      .n,
  );

beforeAll(async () => {
  source = await createTestApp();
  const admin = await source.as('admin');
  const customer = async (code: string, name: string) =>
    (await created(await admin('POST', '/api/customers', { code, name, ownerId: source.people.repEast1 })))
      .id;
  const [first, second, copy] = [
    await customer('B1', '南京备份机械有限公司'),
    await customer('B2', '苏州“引号”\t制表\\反斜杠有限公司'),
    await customer('B3', '南京备份机械（副本）'),
  ];
  const order = await created(
    await admin('POST', '/api/orders', {
      customerId: first,
      orderNo: 'BK-1',
      orderDate: '2024-03-01',
      lines: [{ product: '离心泵\n第二行', quantity: '3', unitPrice: '12345.67', cost: '9000.01' }],
    }),
  );
  const owed = await created(
    await admin('POST', '/api/payments', {
      customerId: first,
      orderId: order.id,
      dueDate: '2024-04-01',
      amount: '37037.01',
    }),
  );
  await admin('POST', `/api/payments/${owed.id}/receipts`, { amount: '1000.00', paidDate: '2024-04-10' });
  await admin('POST', '/api/orders', {
    customerId: second,
    orderNo: 'BK-2',
    orderDate: '2024-05-01',
    amount: '99999999999.99',
  });
  await admin('POST', `/api/customers/${first}/merge`, { duplicateIds: [copy] });
  const model = await source.handle.db
    .selectFrom('grading_models')
    .select('id')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await executeRun(source.handle.db, {
    modelId: model.id,
    asOf: '2024-12-31',
    trigger: 'cli',
    startedBy: null,
  });
  backup = await backupOf(source.handle);
});
afterAll(async () => source.close());

describe('backup and restore', () => {
  it('restores into an empty database row for row: a backup of the restored one holds the same rows', async () => {
    const target = await openTestDatabase();
    try {
      const counts = await restore(target, backup);
      expect(counts.customers).toBe(3);
      expect(counts.order_lines).toBe(1);
      expect(counts.grading_runs).toBe(1);
      expect(rowsOf(await backupOf(target)).equals(rowsOf(backup))).toBe(true);
      const names = await target.db
        .selectFrom('customers')
        .select(['code', 'name', 'merged_into_id'])
        .orderBy('code')
        .execute();
      expect(names.map((c) => c.name)).toContain('苏州“引号”\t制表\\反斜杠有限公司');
      expect(names.find((c) => c.code === 'B3')?.merged_into_id).not.toBeNull();
      const part = await target.db
        .selectFrom('payments')
        .select('split_from_id')
        .where('split_from_id', 'is not', null)
        .execute();
      expect(part).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('restores a working system: its per-customer state is what a rebuild gives, and new rows get new ids', async () => {
    const target = await openTestDatabase();
    try {
      await restore(target, backup);
      const state = async () =>
        (
          await sql<{ updated_at: unknown }>`SELECT * FROM customer_state ORDER BY customer_id`.execute(
            target.db,
          )
        ).rows.map(({ updated_at: _when, ...figures }) => figures);
      const restored = await state();
      await sql`SELECT stratum_rebuild_state()`.execute(target.db);
      expect(await state()).toEqual(restored);
      const largest = await count(target, 'customers');
      const added = await target.db
        .insertInto('customers')
        .values({ code: 'B4', name: '恢复后新建客户' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(added.id).toBeGreaterThan(largest);
      expect(await count(target, 'users')).toBe(await count(source.handle, 'users'));
      expect(await count(target, 'sessions')).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds users or customers unless told to replace it, and then replaces it whole', async () => {
    const target = await createTestApp();
    try {
      await target.handle.db.insertInto('customers').values({ code: 'OLD', name: '原有客户' }).execute();
      await expect(restore(target.handle, backup)).rejects.toThrow(/--replace/);
      expect(await count(target.handle, 'customers')).toBe(1);
      await restore(target.handle, backup, true);
      const codes = await target.handle.db.selectFrom('customers').select('code').orderBy('code').execute();
      expect(codes.map((c) => c.code)).toEqual(['B1', 'B2', 'B3']);
    } finally {
      await target.close();
    }
  });

  it('a file cut short changes nothing', async () => {
    const target = await createTestApp();
    try {
      const before = await count(target.handle, 'users');
      const cut = backup.subarray(0, backup.indexOf('\n{"table":"orders"'));
      await expect(restore(target.handle, cut, true)).rejects.toThrow(/incomplete/);
      expect(await count(target.handle, 'users')).toBe(before);
      expect(await count(target.handle, 'customers')).toBe(0);
      const withoutEnd = backup.subarray(0, backup.lastIndexOf('{"end"'));
      await expect(restore(target.handle, withoutEnd, true)).rejects.toThrow(/incomplete \(cut off in end\)/);
      expect(await count(target.handle, 'users')).toBe(before);
    } finally {
      await target.close();
    }
  });

  it('refuses rows the backup did not count, a file that is no backup, and a backup from a newer version', async () => {
    const target = await openTestDatabase();
    try {
      const text = backup.toString('utf8');
      const recounted = Buffer.from(text.replace(/"customers":3/, '"customers":4'));
      await expect(restore(target, recounted)).rejects.toThrow(
        /customers does not hold the rows the backup counted/,
      );
      await expect(restore(target, Buffer.from('客户编号,客户名称\nC1,某公司\n'))).rejects.toThrow(
        /not a whole Stratum backup \(header\)/,
      );
      const newer = Buffer.from(text.replace(/"migration":"[^"]+"/, '"migration":"999_future"'));
      await expect(restore(target, newer)).rejects.toThrow(/newer version of Stratum \(999_future\)/);
      expect(await count(target, 'customers')).toBe(0);
    } finally {
      await target.close();
    }
  });
});
