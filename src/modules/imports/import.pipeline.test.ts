import { once } from 'node:events';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { systemActor } from '../auth/actor.js';
import { XlsxWriter } from './formats/xlsx-writer.js';
import { ImportCancelled, runImport } from './pipeline.js';

const admin = systemActor;
let handle: DatabaseHandle;
const dir = mkdtempSync(join(tmpdir(), 'stratum-import-'));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const gbk = (text: string) => {
  // GBK bytes of the few characters the fixture uses, written by hand so the test does not trust the decoder it tests.
  const table: Record<string, number[]> = {
    客: [0xbf, 0xcd],
    户: [0xbb, 0xa7],
    编: [0xb1, 0xe0],
    号: [0xba, 0xc5],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    华: [0xbb, 0xaa],
    东: [0xb6, 0xab],
    机: [0xbb, 0xfa],
    械: [0xd0, 0xb5],
  };
  return Buffer.from([...text].flatMap((char) => table[char] ?? [char.charCodeAt(0)]));
};
const count = async (table: 'customers' | 'orders' | 'order_lines') =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

describe('import of customers from the files companies actually have', () => {
  it('a GBK CSV with Chinese headers is detected and imported', async () => {
    const path = file('gbk.csv', gbk('客户编号,客户名称\r\nG001,华东机械\r\n'));
    const result = await runImport(handle, admin, { entity: 'customers', files: [{ path }] });
    expect(result.files[0]?.encoding).toBe('gb18030');
    expect(result.committed).toBe(true);
    const row = await handle.db
      .selectFrom('customers')
      .select('name')
      .where('code', '=', 'G001')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('华东机械');
  });

  it('a UTF-8 CSV with BOM and a UTF-16 TSV are read with their own encodings', async () => {
    const bom = file(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('code,name\nB001,"Acme, Ltd"\n')]),
    );
    const utf16 = file(
      'u16.tsv',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('客户编号\t客户名称\nU001\t南方贸易\n', 'utf16le'),
      ]),
    );
    const first = await runImport(handle, admin, {
      entity: 'customers',
      files: [{ path: bom }, { path: utf16 }],
    });
    expect(first.files.map((f) => [f.encoding, f.delimiter])).toEqual([
      ['utf-8', ','],
      ['utf-16le', '\t'],
    ]);
    expect(first.inserted).toBe(2);
    const names = await handle.db
      .selectFrom('customers')
      .select('name')
      .where('code', 'in', ['B001', 'U001'])
      .orderBy('code')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['Acme, Ltd', '南方贸易']);
  });

  it('an XLSX with a title row, merged header cells, serial dates and a second sheet', async () => {
    const path = join(dir, 'book.xlsx');
    const file = createWriteStream(path);
    const book = new XlsxWriter(file);
    await book.sheet('说明', [['本表为演示']]);
    await book.sheet(
      '订单',
      [
        ['2024 年订单导出'],
        ['订单号', '客户编号', '成交信息', null],
        [null, null, '成交日期', '金额'],
        ['SO-1', 'G001', { date: '2024-03-05' }, '¥1,200.50'],
        ['SO-2', 'G001', 45357, '1.5万'],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:D2'] },
    );
    await book.finish();
    // The workbook is committed before the file is: read it only once every byte has reached the file.
    if (!file.closed) await once(file, 'close');
    const result = await runImport(handle, admin, {
      entity: 'orders',
      files: [{ path, name: 'book.xlsx' }],
      sheet: '订单',
    });
    expect(result.problems).toEqual([]);
    expect(result.files[0]?.headers).toEqual(['订单号', '客户编号', '成交日期', '金额']);
    const orders = await handle.db
      .selectFrom('orders')
      .select(['order_no', 'order_date', 'amount'])
      .where('order_no', 'in', ['SO-1', 'SO-2'])
      .orderBy('order_no')
      .execute();
    expect(orders).toEqual([
      { order_no: 'SO-1', order_date: '2024-03-05', amount: '1200.50' },
      { order_no: 'SO-2', order_date: '2024-03-06', amount: '15000.00' },
    ]);
  });
});

describe('bad rows are reported by file, row, column and reason, and nothing is written', () => {
  it('each kind of bad row is named', async () => {
    const path = file(
      'bad-orders.csv',
      [
        '订单号,客户编号,成交日期,金额,成本,订单状态',
        'OK-1,G001,2024-01-02,100,60,已完成',
        ',G001,2024-01-02,100,,',
        'BAD-2,,2024-01-02,100,,',
        'BAD-3,G001,2024-02-30,100,,',
        'BAD-4,G001,2024-01-02,abc,,',
        'BAD-5,G001,2024-01-02,100,-5,',
        'BAD-6,G001,2024-01-02,100,,maybe',
        'BAD-7,NOPE,2024-01-02,100,,',
        'OK-1,G001,2024-01-02,100,60,已完成',
        'BAD-9,G001,2024-01-02,,,',
        'BAD-10,G001,2024-01-02,1.005,,',
      ].join('\n'),
    );
    const before = await count('orders');
    const result = await runImport(handle, admin, {
      entity: 'orders',
      files: [{ path, name: 'bad-orders.csv' }],
    });
    expect(result.committed).toBe(false);
    expect(await count('orders')).toBe(before);
    const seen = result.problems.map((p) => [p.row, p.column, p.reason]);
    expect(seen).toEqual([
      [3, '订单号', 'required'],
      [4, '客户编号', 'required'],
      [5, '成交日期', 'invalid_date'],
      [6, '金额', 'invalid_amount'],
      [7, '成本', 'negative'],
      [8, '订单状态', 'invalid_value'],
      [9, '客户编号', 'unknown_customer'],
      [10, '订单号', 'duplicate_in_file'],
      [11, 'amount', 'required'],
      [12, '金额', 'invalid_amount'],
    ]);
    expect(result.problems[0]?.message).toEqual({ 'zh-CN': '必填', 'en-US': 'is required' });
  });

  it('fifteen more kinds of bad order rows (after the encoding tests created B001 and SO-1 of G001) are each named by row, column and reason', async () => {
    const header = '订单号,客户编号,成交日期,金额,成本,订单状态,折扣,币种,毛利,备注';
    const rows = [
      'M-1,G001,2024-01-02,100,,,-3,,,',
      'M-2,G001,2024-01-02,100,,,,RMBX,,',
      `${'L'.repeat(51)},G001,2024-01-02,100,,,,,,`,
      'M-4,G001,2024-13-01,100,,,,,,',
      'M-5,G001,yesterday,100,,,,,,',
      'M-6,G001,2024-01-02,"12,34",,,,,,',
      'M-7,G001,2024-01-02,100,,,,,abc,',
      'M-8,G001,2024-01-02,100,1.005,,,,,',
      'SO-1,B001,2024-01-02,100,,,,,,',
      'M-10,"G\t001",2024-01-02,100,,,,,,',
      'M-11,G001,2024-01-02,1234567890123456789,,,,,,',
      'M-12,G001,1899-12-31,100,,,,,,',
      'M-13,G001,2024-01-02 25:00,100,,,,,,',
      `M-14,G001,2024-01-02,100,,,,,,${'长'.repeat(2001)}`,
      'M-15,G001,2024-01-02,100,,已发货,,,,',
    ];
    const path = file('bad-orders-2.csv', [header, ...rows].join('\n').replace('\\t', '\t'));
    const before = await count('orders');
    const result = await runImport(handle, admin, {
      entity: 'orders',
      files: [{ path, name: 'bad-orders-2.csv' }],
    });
    expect(result.committed).toBe(false);
    expect(await count('orders')).toBe(before);
    expect(result.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, '折扣', 'negative'],
      [3, '币种', 'too_long'],
      [4, '订单号', 'too_long'],
      [5, '成交日期', 'invalid_date'],
      [6, '成交日期', 'invalid_date'],
      [7, '金额', 'invalid_amount'],
      [8, '毛利', 'invalid_amount'],
      [9, '成本', 'invalid_amount'],
      [10, '订单号', 'order_of_other_customer'],
      [11, '客户编号', 'invalid_format'],
      [12, '金额', 'invalid_amount'],
      [13, '成交日期', 'invalid_date'],
      [14, '成交日期', 'invalid_date'],
      [15, '备注', 'too_long'],
      [16, '订单状态', 'invalid_value'],
    ]);
  });

  it('skip-bad-rows imports the good rows and still reports the bad ones', async () => {
    const path = file('mixed.csv', 'code,name\nM001,Good Co\nM002,\n');
    const result = await runImport(handle, admin, {
      entity: 'customers',
      files: [{ path }],
      skipBadRows: true,
    });
    expect(result.committed).toBe(true);
    expect([result.inserted, result.badRows]).toEqual([1, 1]);
  });

  it('a company already on file under another spelling is a duplicate', async () => {
    const path = file('dupe.csv', 'code,name\nD001,华东机械有限公司\nD002, 华东机械（有限责任公司）\n');
    const result = await runImport(handle, admin, { entity: 'customers', files: [{ path }], dryRun: true });
    expect(result.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, 'duplicate_company'],
      [3, 'duplicate_company'],
      [3, 'duplicate_company_in_file'],
    ]);
  });
});

describe('re-importing and cancelling', () => {
  const lines = [
    'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID',
    '1001,A,2,2011-01-03 10:00:00,1.25,500.0',
    '1001,B,1,2011-01-03 10:00:00,3.10,500.0',
    'C1002,A,-1,2011-01-04 09:00:00,1.25,500.0',
  ];
  const mapping = {
    order_no: { column: 'InvoiceNo' },
    customer_code: { column: 'CustomerID' },
    order_date: { column: 'InvoiceDate', part: 'date' as const },
    product: { column: 'StockCode' },
    quantity: { column: 'Quantity' },
    unit_price: { column: 'UnitPrice' },
  };
  const request = (path: string) => ({
    entity: 'orders' as const,
    files: [{ path }],
    mapping,
    createCustomers: true,
    cancelledPrefix: 'C',
  });

  it('order lines are grouped by order number, cancellations kept as cancelled, and a re-import changes nothing', async () => {
    const path = file('retail.csv', lines.join('\n'));
    const first = await runImport(handle, admin, request(path));
    expect([first.inserted, first.updated]).toEqual([2, 0]);
    const orders = await handle.db
      .selectFrom('orders')
      .select(['order_no', 'amount', 'status'])
      .where('order_no', 'in', ['1001', 'C1002'])
      .orderBy('order_no')
      .execute();
    expect(orders).toEqual([
      { order_no: '1001', amount: '5.60', status: 'completed' },
      { order_no: 'C1002', amount: '-1.25', status: 'cancelled' },
    ]);
    const lineCount = await count('order_lines');
    const stamp = await handle.db
      .selectFrom('orders')
      .select('updated_at')
      .where('order_no', '=', '1001')
      .executeTakeFirstOrThrow();
    const again = await runImport(handle, admin, request(path));
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 2]);
    expect(await count('order_lines')).toBe(lineCount);
    expect(
      (
        await handle.db
          .selectFrom('orders')
          .select('updated_at')
          .where('order_no', '=', '1001')
          .executeTakeFirstOrThrow()
      ).updated_at,
    ).toEqual(stamp.updated_at);
  });

  it('a cancelled import leaves the database as it was', async () => {
    const path = file('cancel.csv', [lines[0], '2001,A,1,2011-02-01,1,600'].join('\n'));
    const before = [await count('customers'), await count('orders')];
    const controller = new AbortController();
    controller.abort();
    await expect(
      runImport(handle, admin, request(path), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect([await count('customers'), await count('orders')]).toEqual(before);
  });
});
