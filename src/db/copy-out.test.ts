import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.js';
import { copiedResult, copyOut, type CopiedResult } from './copy-out.js';
import { openTestDatabase } from '../testing/test-database.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => handle.close());

/** Every row, every field as text. */
function textRows(result: CopiedResult): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const cursor = result.cursor();
  while (cursor.next()) rows.push(result.names.map((_, column) => cursor.text(column)));
  return rows;
}

describe('reading a result through COPY', () => {
  it('gives back NULLs, tabs, newlines, backslashes and Chinese text exactly as stored, with the column names', async () => {
    const result = await copyOut(
      handle.db,
      `SELECT * FROM (VALUES (1, NULL::text, E'a\\tb\\\\c\\nd\\re', '客户 ¥1,234'), (2, '', '\\N', 'x'))
         AS v(id, nothing, escaped, chinese) ORDER BY id`,
    );
    expect(result.names).toEqual(['id', 'nothing', 'escaped', 'chinese']);
    expect(result.rowCount).toBe(2);
    expect(textRows(result)).toEqual([
      ['1', null, 'a\tb\\c\nd\re', '客户 ¥1,234'],
      ['2', '', '\\N', 'x'],
    ]);
  });

  it('a statement that itself mentions TO STDOUT is read as written', async () => {
    const result = await copyOut(handle.db, "SELECT ' TO STDOUT ' AS words");
    expect(textRows(result)).toEqual([[' TO STDOUT ']]);
  });

  it('an empty result has its names and no rows', async () => {
    const result = await copyOut(handle.db, 'SELECT 1 AS one WHERE false');
    expect(result.names).toEqual(['one']);
    expect(result.rowCount).toBe(0);
    expect(textRows(result)).toEqual([]);
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
    const cursor = result.cursor();
    while (cursor.next()) {
      if (cursor.number(0) !== ++count) outOfOrder++;
      sum += cursor.number(1);
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
        expect(textRows(result)).toEqual([['事务内客户']]);
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
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('a row split between two chunks, even inside a character, is read as one row', () => {
    const whole = bytes('id\tname\n1\t甲公司\n2\t乙\n');
    const inside = whole.indexOf(bytes('公')) + 1;
    const result = copiedResult([
      whole.subarray(0, inside),
      whole.subarray(inside, inside + 2),
      whole.subarray(inside + 2),
    ]);
    expect(result.rowCount).toBe(2);
    expect(textRows(result)).toEqual([
      ['1', '甲公司'],
      ['2', '乙'],
    ]);
  });

  it('a last line without its newline is still a row', () => {
    const result = copiedResult([bytes('n\n1\n'), bytes('2')]);
    expect(result.rowCount).toBe(2);
    expect(textRows(result)).toEqual([['1'], ['2']]);
  });

  it('no text at all is no columns and no rows', () => {
    const result = copiedResult([]);
    expect(result.names).toEqual([]);
    expect(textRows(result)).toEqual([]);
  });

  it('numbers read from the bytes are the doubles Number gives, NULL is NaN (property)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 24 }))
      .map(([negative, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0');
        const point = scale > 0 ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
        return (negative ? '-' : '') + point;
      });
    const field = fc.oneof(
      decimal,
      fc.double().map(String),
      fc.constantFrom('\\N', 'NaN', 'Infinity', '-Infinity', '1e+20', '-0', '0.1', '007'),
    );
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        const cursor = copiedResult([
          bytes(`${fields.map((_, i) => `c${i}`).join('\t')}\n${fields.join('\t')}\n`),
        ]).cursor();
        expect(cursor.next()).toBe(true);
        fields.forEach((text, column) =>
          expect(Object.is(cursor.number(column), text === '\\N' ? Number.NaN : Number(text))).toBe(true),
        );
      }),
      { numRuns: 500 },
    );
  });
});
