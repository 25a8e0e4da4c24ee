import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { runImport } from '../imports/pipeline.js';
import { csvRows, xlsxRows } from './testing/read-back.js';

let t: TestApp;
let admin: Client;
let repEast1: Client;

/** Three customers: two of rep.east1 (one with an order of ¥1,234.50, with a comma and a quote in its name), one of rep.south1. */
beforeAll(async () => {
  t = await createTestApp();
  [admin, repEast1] = await Promise.all([t.as('admin'), t.as('repEast1')]);
  const create = async (code: string, name: string, ownerId: number, province: string) =>
    (
      (await (await admin('POST', '/api/customers', { code, name, ownerId, province })).json()) as {
        id: number;
      }
    ).id;
  const first = await create('E001', '华东机械, "总部"', t.people.repEast1, '江苏省');
  await create('E002', '苏州精密', t.people.repEast1, '江苏省');
  await create('S001', '广州贸易', t.people.repSouth1, '广东省');
  const order = await admin('POST', '/api/orders', {
    customerId: first,
    orderNo: 'EX-1',
    orderDate: '2024-05-06',
    amount: '1234.50',
  });
  expect(order.status).toBe(201);
});
afterAll(async () => t.close());

describe('customer exports', () => {
  it('a CSV export read back has a BOM and the values on file, quotes and commas intact', async () => {
    const rows = await csvRows(await admin('GET', '/api/exports/customers?format=csv&sort=code&order=asc'));
    expect(rows[0]?.slice(0, 2)).toEqual(['客户编号', '客户名称']);
    const byCode = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect([...byCode.keys()]).toEqual(['E001', 'E002', 'S001']);
    const header = rows[0] ?? [];
    const e001 = byCode.get('E001') ?? [];
    expect(e001[1]).toBe('华东机械, "总部"');
    expect(e001[header.indexOf('客户经理')]).toBe('张三');
    expect(e001[header.indexOf('累计销售额')]).toBe('1234.50');
    expect(e001[header.indexOf('最近成交')]).toBe('2024-05-06');
  });

  it('an XLSX export read back holds the same rows, money as numbers', async () => {
    const rows = await xlsxRows(
      await admin('GET', '/api/exports/customers?format=xlsx&sort=code&order=asc', undefined, {
        'accept-language': 'en-US',
      }),
    );
    const header = rows[0] ?? [];
    expect(header.slice(0, 2)).toEqual(['Customer code', 'Customer name']);
    expect(rows.slice(1).map((row) => [row[0], row[header.indexOf('Sales')]])).toEqual([
      ['E001', '1234.5'],
      ['E002', '0'],
      ['S001', '0'],
    ]);
  });

  it("a rep's export contains only their own customers", async () => {
    const rows = await csvRows(
      await repEast1('GET', '/api/exports/customers?format=csv&sort=code&order=asc'),
    );
    expect(rows.slice(1).map((row) => row[0])).toEqual(['E001', 'E002']);
  });

  it('the list filters apply to the export', async () => {
    const rows = await csvRows(
      await admin('GET', `/api/exports/customers?format=csv&province=${encodeURIComponent('广东省')}`),
    );
    expect(rows.slice(1).map((row) => row[0])).toEqual(['S001']);
  });

  it('an export re-imported changes nothing', async () => {
    const bytes = new Uint8Array(
      await (await admin('GET', '/api/exports/customers?format=xlsx')).arrayBuffer(),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'stratum-export-')), 'customers.xlsx');
    writeFileSync(path, bytes);
    const admin0 = {
      id: t.people.admin,
      login: 'admin',
      name: '系统管理员',
      role: 'admin' as const,
      teamId: null,
    };
    const result = await runImport(t.handle, admin0, { entity: 'customers', files: [{ path }] });
    expect(result.problems).toEqual([]);
    expect([result.inserted, result.updated, result.unchanged]).toEqual([0, 0, 3]);
  });

  it('text that a spreadsheet would run as a formula leaves the CSV as text, and comes back unchanged', async () => {
    const name = '=HYPERLINK("http://example.invalid","点我")';
    expect((await admin('POST', '/api/customers', { code: 'F001', name })).status).toBe(201);
    const rows = await csvRows(await admin('GET', '/api/exports/customers?format=csv&q=F001'));
    expect(rows[1]).toContain(`'${name}`);
    const path = join(mkdtempSync(join(tmpdir(), 'stratum-export-')), 'customers.csv');
    writeFileSync(
      path,
      Buffer.from(await (await admin('GET', '/api/exports/customers?format=csv&q=F001')).arrayBuffer()),
    );
    const system = {
      id: t.people.admin,
      login: 'admin',
      name: 'admin',
      role: 'admin' as const,
      teamId: null,
    };
    const result = await runImport(t.handle, system, { entity: 'customers', files: [{ path }] });
    expect([result.problems, result.updated, result.unchanged]).toEqual([[], 0, 1]);
  });
});
