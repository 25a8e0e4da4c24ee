import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './connect.js';
import { copyCents, copyDays, copyFloatArray, copyFromStdin, copyNumber, copyTextParts } from './copy.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
  await sql`CREATE TABLE copy_target (id integer PRIMARY KEY, label text, amount numeric(18,2), scores float8[])`.execute(
    handle.db,
  );
});
afterAll(async () => handle.close());

describe('COPY text', () => {
  it('escapes tab, newline, carriage return and backslash, and writes NULL as \\N', () => {
    const [text] = [...copyTextParts([['a\tb', 'c\nd', 'e\\f', 'g\rh', null]])];
    expect(text).toBe('a\\tb\tc\\nd\te\\\\f\tg\\rh\t\\N\n');
  });

  it('hands rows over in parts of at most 5,000 rows, every row once', () => {
    const parts = [...copyTextParts(Array.from({ length: 12_001 }, (_, i) => [String(i)]))];
    expect(parts.map((p) => p.split('\n').length - 1)).toEqual([5000, 5000, 2001]);
  });

  it('of no rows is nothing', () => {
    expect([...copyTextParts([])]).toEqual([]);
  });
});

describe('COPY FROM STDIN through Kysely', () => {
  it('writes inside the transaction it runs in: rolled back with it, committed with it', async () => {
    const rows = [
      ['1', 'tab\there', '12.30', '{1.5,NULL}'],
      ['2', null, null, '{}'],
    ];
    const columns = ['id', 'label', 'amount', 'scores'];
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await copyFromStdin(trx, 'copy_target', columns, rows);
        const { rows: inside } = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM copy_target`.execute(trx);
        expect(inside[0]!.n).toBe(2);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_target`.execute(handle.db);
    expect(after.rows[0]!.n).toBe(0);
    await handle.db.transaction().execute((trx) => copyFromStdin(trx, 'copy_target', columns, rows));
    const stored = await sql<{ id: number; label: string | null; amount: string | null; scores: number[] }>`
        SELECT id, label, amount, scores FROM copy_target ORDER BY id`.execute(handle.db);
    expect(stored.rows).toEqual([
      { id: 1, label: 'tab\there', amount: '12.30', scores: [1.5, null] },
      { id: 2, label: null, amount: null, scores: [] },
    ]);
  });

  it('a bad row fails the COPY and names its line', async () => {
    await expect(
      handle.db.transaction().execute((trx) => copyFromStdin(trx, 'copy_target', ['id'], [['10'], ['x']])),
    ).rejects.toThrow(/integer.*"x"|line 2/);
  });
});

describe('COPY text forms of numbers', () => {
  it('money in whole cents is an exact decimal with two places, negative and zero included', () => {
    expect([123456, -1234, 5, -5, 0, 900719925474099].map(copyCents)).toEqual([
      '1234.56',
      '-12.34',
      '0.05',
      '-0.05',
      '0.00',
      '9007199254740.99',
    ]);
  });

  it('NaN is NULL for numbers, money and dates, and a NULL element in arrays', () => {
    expect(copyNumber(Number.NaN)).toBeNull();
    expect(copyCents(Number.NaN)).toBeNull();
    expect(copyDays()(Number.NaN)).toBeNull();
    expect(copyFloatArray([1.25, Number.NaN, 1e-7])).toBe('{1.25,NULL,1e-7}');
    expect(copyFloatArray([])).toBe('{}');
  });

  it('a day number is its calendar date, before 1970 too', () => {
    const day = copyDays();
    expect([0, 20270, -1, 20270].map(day)).toEqual(['1970-01-01', '2025-07-01', '1969-12-31', '2025-07-01']);
  });

  it('a float keeps every bit through its text', () => {
    const value = 0.1 + 0.2;
    expect(Number(copyNumber(value))).toBe(value);
  });
});
