import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './connect.js';
import { binaryCopyParts, type BinaryRowWriter } from './copy-binary.js';
import { copyFromStdin, copyTextParts, CopyTextBuffer } from './copy.js';

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

describe('COPY text encoded as rows are added (CopyTextBuffer)', () => {
  it('holds the same bytes as the text parts, escapes and multi-byte characters included, past its first megabyte', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [
      String(i),
      `南方贸易\t${i}`,
      i % 3 ? null : 'a\\b😀',
    ]);
    const buffer = new CopyTextBuffer();
    for (const row of rows) buffer.add(row);
    expect(buffer.rows).toBe(40_000);
    const text = buffer.take();
    expect(text.length).toBeGreaterThan(1024 * 1024);
    expect(text.toString('utf8')).toBe([...copyTextParts(rows)].join(''));
  });

  it('starts again empty after each take', () => {
    const buffer = new CopyTextBuffer();
    buffer.add(['first']);
    expect(buffer.take().toString()).toBe('first\n');
    expect([buffer.rows, buffer.take().length]).toEqual([0, 0]);
    buffer.add(['second', null]);
    expect(buffer.take().toString()).toBe('second\t\\N\n');
  });
});

/** The rows of copy_target in COPY's binary format: id, label (always NULL here), amount in cents, scores. */
function targetParts(rows: ReadonlyArray<readonly [id: number, cents: number, scores: readonly number[]]>) {
  return binaryCopyParts(rows.length, (writer, i) => {
    const [id, cents, scores] = rows[i]!;
    writer.row(4);
    writer.integer(id);
    writer.null();
    writer.cents(cents);
    writer.float8Array(scores);
  });
}

describe('COPY FROM STDIN through Kysely', () => {
  it('writes inside the transaction it runs in: rolled back with it, committed with it', async () => {
    const rows = [
      [1, 1230, [1.5, Number.NaN]],
      [2, Number.NaN, []],
    ] as const;
    const columns = ['id', 'label', 'amount', 'scores'];
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await copyFromStdin(trx, 'copy_target', columns, targetParts(rows));
        const { rows: inside } = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM copy_target`.execute(trx);
        expect(inside[0]!.n).toBe(2);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_target`.execute(handle.db);
    expect(after.rows[0]!.n).toBe(0);
    await handle.db
      .transaction()
      .execute((trx) => copyFromStdin(trx, 'copy_target', columns, targetParts(rows)));
    const stored = await sql<{ id: number; label: string | null; amount: string | null; scores: number[] }>`
        SELECT id, label, amount, scores FROM copy_target ORDER BY id`.execute(handle.db);
    expect(stored.rows).toEqual([
      { id: 1, label: null, amount: '12.30', scores: [1.5, null] },
      { id: 2, label: null, amount: null, scores: [] },
    ]);
    await sql`TRUNCATE copy_target`.execute(handle.db);
  });

  it('a row that breaks a constraint fails the whole COPY and writes nothing', async () => {
    await expect(
      handle.db.transaction().execute((trx) =>
        copyFromStdin(
          trx,
          'copy_target',
          ['id', 'label', 'amount', 'scores'],
          targetParts([
            [10, 0, []],
            [10, 0, []],
          ]),
        ),
      ),
    ).rejects.toThrow(/duplicate key|copy_target_pkey/);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_target`.execute(handle.db);
    expect(after.rows[0]!.n).toBe(0);
  });
});

/** Writes one value of each binary form into a table of those types and reads back PostgreSQL's text of it. */
async function roundTrip(
  type: string,
  values: readonly number[],
  write: (writer: BinaryRowWriter, value: number) => void,
): Promise<Array<string | null>> {
  return handle.db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE copy_values (at integer, value ${sql.raw(type)}) ON COMMIT DROP`.execute(trx);
    const parts = binaryCopyParts(values.length, (writer, i) => {
      writer.row(2);
      writer.integer(i);
      write(writer, values[i]!);
    });
    await copyFromStdin(trx, 'copy_values', ['at', 'value'], parts);
    const { rows } = await sql<{ text: string | null }>`
      SELECT value::text AS text FROM copy_values ORDER BY at`.execute(trx);
    return rows.map((row) => row.text);
  });
}

describe('COPY binary forms, read back by the database', () => {
  it('money in whole cents is the exact decimal with two places, negative, zero and 2⁵³ − 1 included', async () => {
    const cents = [
      123456,
      -1234,
      5,
      -5,
      0,
      -0,
      100,
      1_000_000,
      999_999_999,
      10_000_00,
      9_007_199_254_740_991,
      Number.NaN,
    ];
    expect(await roundTrip('numeric(18,2)', cents, (w, v) => w.cents(v))).toEqual([
      '1234.56',
      '-12.34',
      '0.05',
      '-0.05',
      '0.00',
      '0.00',
      '1.00',
      '10000.00',
      '9999999.99',
      '10000.00',
      '90071992547409.91',
      null,
    ]);
  });

  it('a day number is its calendar date, before 1970 and before 2000 too; NaN is NULL', async () => {
    expect(await roundTrip('date', [0, 20270, -1, 10957, 10956, Number.NaN], (w, v) => w.day(v))).toEqual([
      '1970-01-01',
      '2025-07-01',
      '1969-12-31',
      '2000-01-01',
      '1999-12-31',
      null,
    ]);
  });

  it('a float keeps every bit, −0 and the extremes included; NaN is NULL', async () => {
    const floats = [0.1 + 0.2, -0, 5e-324, Number.MAX_VALUE, -1.5, Number.NaN];
    const texts = await roundTrip('float8', floats, (w, v) => w.float8(v));
    expect(texts.slice(0, 5).map(Number)).toEqual(floats.slice(0, 5));
    expect(Object.is(Number(texts[1]), -0)).toBe(true);
    expect(texts[5]).toBeNull();
  });

  it('small and whole integers keep their sign and size; NaN is NULL', async () => {
    expect(await roundTrip('smallint', [0, -1, 32767, -32768, Number.NaN], (w, v) => w.smallint(v))).toEqual([
      '0',
      '-1',
      '32767',
      '-32768',
      null,
    ]);
    expect(
      await roundTrip('integer', [2147483647, -2147483648, 7, Number.NaN], (w, v) => w.integer(v)),
    ).toEqual(['2147483647', '-2147483648', '7', null]);
  });

  it('a float array keeps its order and its NULL elements; no elements is the empty array', async () => {
    const arrays = [[1.25, Number.NaN, 1e-7], [], [Number.NaN], [0.1 + 0.2, -0]];
    expect(
      await roundTrip(
        'float8[]',
        arrays.map((_, i) => i),
        (w, i) => w.float8Array(arrays[i]!),
      ),
    ).toEqual(['{1.25,NULL,1e-07}', '{}', '{NULL}', '{0.30000000000000004,-0}']);
  });

  it('hands rows over in parts of at most 5,000 rows, the header first and the trailer last', () => {
    const parts = [...binaryCopyParts(12_001, (writer) => writer.row(0))];
    expect(parts.map((part) => part.length)).toEqual([19 + 5000 * 2, 5000 * 2, 2001 * 2 + 2]);
    expect(parts[0]!.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(parts.at(-1)!.readInt16BE(parts.at(-1)!.length - 2)).toBe(-1);
  });
});
