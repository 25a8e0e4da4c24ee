import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.js';
import { copiedResult, copyOut } from './copy-out.js';
import { openTestDatabase } from '../testing/test-database.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => handle.close());

describe('reading a result through COPY', () => {
  it('gives back NULLs, tabs, newlines, backslashes and Chinese text exactly as stored, with the column names', async () => {
    const result = await copyOut(
      handle.db,
      `SELECT * FROM (VALUES (1, NULL::text, E'a\\tb\\\\c\\nd\\re', '客户 ¥1,234'), (2, '', '\\N', 'x'))
         AS v(id, nothing, escaped, chinese) ORDER BY id`,
    );
    expect(result.names).toEqual(['id', 'nothing', 'escaped', 'chinese']);
    expect(result.rowCount).toBe(2);
    expect([...result.rows()]).toEqual([
      ['1', null, 'a\tb\\c\nd\re', '客户 ¥1,234'],
      ['2', '', '\\N', 'x'],
    ]);
  });

  it('a statement that itself mentions TO STDOUT is read as written', async () => {
    const result = await copyOut(handle.db, "SELECT ' TO STDOUT ' AS words");
    expect([...result.rows()]).toEqual([[' TO STDOUT ']]);
  });

  it('an empty result has its names and no rows', async () => {
    const result = await copyOut(handle.db, 'SELECT 1 AS one WHERE false');
    expect(result.names).toEqual(['one']);
    expect(result.rowCount).toBe(0);
    expect([...result.rows()]).toEqual([]);
  });

  it('a large result arrives whole, in order', async () => {
    const result = await copyOut(
      handle.db,
      'SELECT g AS n, g * 0.5 AS half FROM generate_series(1, 200000) g',
    );
    expect(result.rowCount).toBe(200_000);
    let count = 0;
    let outOfOrder = 0;
    let sum = 0;
    for (const [n, half] of result.rows()) {
      if (Number(n) !== ++count) outOfOrder++;
      sum += Number(half);
    }
    expect(count).toBe(200_000);
    expect(outOfOrder).toBe(0);
    expect(sum).toBe((200_000 * 200_001) / 4);
  });

  it("inside a transaction it reads the transaction's own uncommitted writes", async () => {
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('customers').values({ name: '事务内客户', code: 'COPY-OUT-TX' }).execute();
        const result = await copyOut(trx, `SELECT name FROM customers WHERE code = 'COPY-OUT-TX'`);
        expect([...result.rows()]).toEqual([['事务内客户']]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    const left = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM customers WHERE code = 'COPY-OUT-TX'`.execute(handle.db);
    expect(left.rows[0]!.n).toBe(0);
  });
});

describe('COPY text split into chunks', () => {
  it('a row split between two chunks is read as one row', () => {
    const result = copiedResult(['id\tname\n1\t甲', '公司\n2\t乙\n']);
    expect(result.rowCount).toBe(2);
    expect([...result.rows()]).toEqual([
      ['1', '甲公司'],
      ['2', '乙'],
    ]);
  });

  it('no text at all is no columns and no rows', () => {
    const result = copiedResult([]);
    expect(result.names).toEqual([]);
    expect([...result.rows()]).toEqual([]);
  });
});
