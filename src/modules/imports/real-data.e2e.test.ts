import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { systemActor } from '../auth/actor.js';
import { findModelByKey } from '../grading/model.repository.js';
import { readRunResults } from '../grading/run.repository.js';
import { executeRun } from '../grading/run.service.js';
import { builtinTemplates } from './builtin-templates.js';
import { runImport } from './pipeline.js';
import { buildImportRequest } from './request.js';

// The public datasets of shared/data, read in place (never copied into the repository).
const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const RETAIL_DIR = join(DATA, 'online-retail/by-day');
const CDNOW_FILE = join(DATA, 'cdnow/CDNOW_master.txt');

const admin = systemActor;
let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await openTestDatabase();
});
afterEach(async () => handle.close());

const template = (name: string) => {
  const found = builtinTemplates.find((t) => t.name === name);
  if (!found) throw new Error(`no built-in template ${name}`);
  return found;
};

/** A decimal string as an integer number of 1/10^scale units (exact: no binary floats). */
function scaled(text: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return text.startsWith('-') ? -magnitude : magnitude;
}

/** quantity × price in pence, each line rounded half away from zero, as a shop rounds a line total. */
function linePence(quantity: string, price: string): bigint {
  const tenThousandths = scaled(quantity, 0) * scaled(price, 4);
  const magnitude = tenThousandths < 0n ? -tenThousandths : tenThousandths;
  const pence = (magnitude + 50n) / 100n;
  return tenThousandths < 0n ? -pence : pence;
}

async function storedFigures() {
  const [row] = await handle.db
    .selectFrom('orders')
    .select((eb) => [
      eb.fn.countAll<string>().as('orders'),
      eb.fn.sum<string>('amount').as('amount'),
      eb.fn.count<string>('customer_id').distinct().as('buyers'),
    ])
    .execute();
  const customers = await handle.db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const cancelled = await handle.db
    .selectFrom('orders')
    .where('status', '=', 'cancelled')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    customers: Number(customers.n),
    orders: Number(row?.orders),
    cancelled: Number(cancelled.n),
    pence: scaled(String(row?.amount ?? '0'), 2),
  };
}

async function gradeWith(key: string, asOf: string) {
  const model = await findModelByKey(handle.db, key);
  if (!model) throw new Error(`no preset ${key}`);
  const summary = await executeRun(handle.db, { modelId: model.id, asOf, trigger: 'cli', startedBy: null });
  const results = await readRunResults(handle.db, summary.runId);
  const codes = new Map(
    (await handle.db.selectFrom('customers').select(['id', 'code']).execute()).map((c) => [c.id, c.code]),
  );
  return { summary, gradedCodes: results.map((r) => codes.get(r.customer_id)) };
}

/** Figures from the raw Online Retail files, with csv-parse and sums only. */
function retailExpectation(files: readonly string[]) {
  const customers = new Set<string>();
  const buyers = new Set<string>();
  const invoices = new Set<string>();
  const cancellations = new Set<string>();
  let rowsWithoutCustomer = 0;
  let pence = 0n;
  for (const file of files) {
    const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    for (const record of records) {
      const invoice = record.InvoiceNo ?? '';
      const customer = record.CustomerID ?? '';
      if (customer === '') {
        rowsWithoutCustomer++;
        continue;
      }
      customers.add(customer);
      invoices.add(invoice);
      if (invoice.startsWith('C')) cancellations.add(invoice);
      else buyers.add(customer);
      pence += linePence(record.Quantity ?? '0', record.UnitPrice ?? '0');
    }
  }
  return {
    customers: customers.size,
    buyers: buyers.size,
    orders: invoices.size,
    cancelled: cancellations.size,
    rowsWithoutCustomer,
    pence,
  };
}

describe('the real public datasets import and grade end to end', () => {
  // About 540,000 rows: minutes on in-memory PGlite, so it runs in CI's PostgreSQL leg.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    'all 305 Online Retail files: an order per invoice with a customer, cancellations as cancelled negative orders, rows without a customer reported and skipped, totals to the penny',
    async () => {
      const files = readdirSync(RETAIL_DIR)
        .filter((name) => name.endsWith('.csv'))
        .sort()
        .map((name) => join(RETAIL_DIR, name));
      expect(files).toHaveLength(305);
      const expected = retailExpectation(files);

      const result = await runImport(
        handle,
        admin,
        buildImportRequest({
          entity: 'orders',
          files: files.map((path) => ({ path })),
          template: template('online-retail'),
          skipBadRows: true,
        }),
      );

      expect(result.committed).toBe(true);
      expect(result.badRows).toBe(expected.rowsWithoutCustomer);
      expect(result.problems.every((p) => p.field === 'customer_code' && p.reason === 'required')).toBe(true);
      expect(await storedFigures()).toEqual({
        customers: expected.customers,
        orders: expected.orders,
        cancelled: expected.cancelled,
        pence: expected.pence,
      });

      // The RFM population is every customer with a purchase that was not cancelled.
      const { summary, gradedCodes } = await gradeWith('rfm', '2011-12-10');
      expect(summary.population).toBe(expected.buyers);
      expect(gradedCodes.every((code) => code !== undefined)).toBe(true);
      expect(new Set(gradedCodes).size).toBe(expected.buyers);
    },
    900_000,
  );

  it('CDNOW_master.txt through the whitespace template: 23,570 customers, 69,659 orders, every dollar, then an RFM run grades them all', async () => {
    const lines = readFileSync(CDNOW_FILE, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '');
    const fields = lines.map((line) => line.trim().split(/\s+/));
    const expectedCents = fields.reduce((total, [, , , dollars = '0']) => total + scaled(dollars, 2), 0n);
    const expectedCustomers = new Set(fields.map(([id]) => id)).size;

    const result = await runImport(
      handle,
      admin,
      buildImportRequest({ entity: 'orders', files: [{ path: CDNOW_FILE }], template: template('cdnow') }),
    );

    expect(result.problemCount).toBe(0);
    expect(result.committed).toBe(true);
    expect(expectedCustomers).toBe(23_570);
    expect(await storedFigures()).toEqual({
      customers: 23_570,
      orders: 69_659,
      cancelled: 0,
      pence: expectedCents,
    });

    const { summary, gradedCodes } = await gradeWith('rfm', '1998-07-01');
    expect(summary.population).toBe(23_570);
    expect(new Set(gradedCodes).size).toBe(23_570);
  }, 300_000);
});
