/**
 * Import benchmark (issue 5): N order rows (one row per order) from CSV and from XLSX through the product pipeline
 * (stream → row checks → COPY into staging → set-based checks → merge) into PostgreSQL and PGlite, and, on the same
 * PostgreSQL, a raw COPY of the same CSV into a bare table for the ratio. Each step runs in a child process of its
 * own, so its peak RSS (maxRSS) is that step's alone — PGlite runs in-process and its WASM heap counts.
 *
 *   npx tsx bench/import/run.ts --rows 2000000 --database-url postgres://postgres@127.0.0.1:55499/postgres
 *   npx tsx bench/import/run.ts --rows 500000 --skip pglite-xlsx     # PGlite only (no --database-url)
 *   npx tsx bench/import/run.ts --rows 1000000 --skip pglite-csv --shared-strings   # XLSX as Excel saves it
 *
 * Data is generated with a fixed seed in a temp dir. Each import step's database is made, migrated and given the
 * customers by a process of its own before the timed process imports the orders into it, as into an installed
 * system; the databases the benchmark creates are dropped at the end. Not a test: it prints figures and never fails on a timing.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Actor } from '../../src/modules/auth/actor.js';
import { XlsxWriter, type XlsxCell } from '../../src/modules/imports/formats/xlsx-writer.js';
import { runImport, type ImportRequest } from '../../src/modules/imports/pipeline.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000000' },
    customers: { type: 'string' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '20261123' },
    /** Comma-separated steps to leave out: pg-csv, pg-xlsx, pg-copy, pglite-csv, pglite-xlsx. */
    skip: { type: 'string', default: '' },
    /** Internal: run one step on files already generated in --dir (each step is its own process, for its RSS). */
    step: { type: 'string' },
    dir: { type: 'string' },
    'with-xlsx': { type: 'boolean', default: false },
    /** The XLSX with its text cells in the shared strings table, as Excel saves a workbook (default: inline). */
    'shared-strings': { type: 'boolean', default: false },
    /** Internal: make the step's database (migrated, customers imported) instead of timing the step. */
    prepare: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const CUSTOMERS = Number(values.customers ?? Math.max(1, Math.round(ROWS / 20)));
const skipped = new Set(values.skip.split(',').filter(Boolean));
const admin: Actor = { id: 0, login: 'bench', name: 'bench', role: 'admin', teamId: null };

/** mulberry32: small, fast and the same sequence on every machine for a given seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const customerCode = (n: number) => `C${String(n).padStart(7, '0')}`;

interface OrderRow {
  readonly orderNo: string;
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
}

function* orderRows(): Generator<OrderRow> {
  const next = random(Number(values.seed));
  const start = Date.UTC(2023, 0, 1);
  for (let i = 1; i <= ROWS; i++) {
    const day = new Date(start + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
    const cents = 100 + Math.floor(next() * next() * 5_000_000);
    yield {
      orderNo: `SO${String(i).padStart(9, '0')}`,
      customer: customerCode(1 + Math.floor(next() * CUSTOMERS)),
      date: day,
      amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    };
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* customerLines(): Generator<string> {
  yield 'code,name\n';
  for (let n = 1; n <= CUSTOMERS; n++) yield `${customerCode(n)},Customer ${n}\n`;
}

function* orderLines(): Generator<string> {
  yield 'order_no,customer_code,order_date,amount\n';
  for (const row of orderRows()) yield `${row.orderNo},${row.customer},${row.date},${row.amount}\n`;
}

function* orderCells(): Generator<readonly XlsxCell[]> {
  yield ['order_no', 'customer_code', 'order_date', 'amount'];
  for (const row of orderRows()) yield [row.orderNo, row.customer, { date: row.date }, Number(row.amount)];
}

async function writeXlsx(path: string): Promise<void> {
  const out = createWriteStream(path);
  const writer = new XlsxWriter(out as Writable, { sharedStrings: values['shared-strings'] });
  await writer.sheet('orders', orderCells());
  await writer.finish();
  if (!out.writableFinished) await once(out, 'finish');
}

const ORDER_MAPPING = {
  order_no: { column: 'order_no' },
  customer_code: { column: 'customer_code' },
  order_date: { column: 'order_date' },
  amount: { column: 'amount' },
} as const;

/** maxRSS, and VmHWM (the high-water mark of this process image alone, reset by exec) as a cross-check. */
function peakText(): string {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  return `peak RSS ${mb(process.resourceUsage().maxRSS)} MB (VmHWM ${hwm ? mb(Number(hwm)) : '?'} MB)`;
}
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/**
 * Where an import step's database lives. Each step's database is made, migrated and given the customers by a
 * process of its own (`--prepare`) before the timed process opens it: an import runs in an installed system, and
 * creating a PGlite database (initdb in WASM, ≈ 0.4 GB that the process keeps) is no part of it.
 */
interface Target {
  readonly name: 'pg' | 'pglite';
  open(step: Step, create: boolean): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }>;
}

function postgresTarget(serverUrl: string, dir: string): Target {
  return {
    name: 'pg',
    async open(step, create) {
      const name = `bench_import_${basename(dir)
        .replace(/[^a-z0-9]/gi, '')
        .toLowerCase()}_${step.replace('-', '_')}`;
      if (create) await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const handle = openPostgres(url.toString(), 4);
      return {
        handle,
        drop: async () => {
          await handle.close();
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
  };
}

function pgliteTarget(dir: string): Target {
  return {
    name: 'pglite',
    async open(step) {
      const dataDir = join(dir, `db-${step}`);
      const handle = await openPglite(dataDir);
      return {
        handle,
        drop: async () => {
          await handle.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The step's database, migrated and with the customers imported, left for the timed step. */
async function prepare(target: Target, step: Step, customersCsv: string): Promise<void> {
  const { handle } = await target.open(step, true);
  try {
    await migrateToLatest(handle.db);
    const customers = await runImport(handle, admin, {
      entity: 'customers',
      files: [{ path: customersCsv }],
    });
    if (!customers.committed) throw new Error(`customers not imported: ${customers.problems[0]?.reason}`);
  } finally {
    await handle.close();
  }
}

/** One timed import of the orders file into the prepared database, which is dropped afterwards. */
async function importOrders(target: Target, step: Step, ordersFile: string, label: string) {
  const { handle, drop } = await target.open(step, false);
  try {
    const request: ImportRequest = {
      entity: 'orders',
      files: [{ path: ordersFile }],
      mapping: ORDER_MAPPING,
    };
    const started = performance.now();
    const result = await runImport(handle, admin, request);
    const ms = performance.now() - started;
    if (!result.committed || result.inserted !== ROWS)
      throw new Error(
        `${label}: committed ${result.committed}, inserted ${result.inserted}, problems ${result.problemCount}`,
      );
    console.log(
      `${label.padEnd(22)} ${ROWS} rows in ${(ms / 1000).toFixed(1)} s = ${rate(ROWS, ms)} rows/s; ${peakText()}`,
    );
  } finally {
    await drop();
  }
}

/** COPY of the CSV as it is into a bare table: the floor any import into PostgreSQL is measured against. */
async function rawCopy(serverUrl: string, ordersCsv: string): Promise<void> {
  const name = `bench_import_${process.pid}_raw`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    await client.query(
      `CREATE TABLE bench_raw_orders (order_no text, customer_code text, order_date date, amount numeric(18,2))`,
    );
    const started = performance.now();
    await pipeline(
      createReadStream(ordersCsv),
      client.query(copyFrom(`COPY bench_raw_orders FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const ms = performance.now() - started;
    console.log(
      `${'pg raw COPY'.padEnd(22)} ${ROWS} rows in ${(ms / 1000).toFixed(1)} s = ${rate(ROWS, ms)} rows/s; ${peakText()}`,
    );
  } finally {
    await client.end();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

type Step = 'generate' | 'pg-csv' | 'pg-xlsx' | 'pg-copy' | 'pglite-csv' | 'pglite-xlsx';
const STEPS: readonly Step[] = ['pg-csv', 'pg-copy', 'pg-xlsx', 'pglite-csv', 'pglite-xlsx'];

const files = (dir: string) => ({
  customersCsv: join(dir, 'customers.csv'),
  ordersCsv: join(dir, 'orders.csv'),
  ordersXlsx: join(dir, 'orders.xlsx'),
});

async function generate(dir: string, withXlsx: boolean): Promise<void> {
  const { customersCsv, ordersCsv, ordersXlsx } = files(dir);
  const started = performance.now();
  await writeLines(customersCsv, customerLines());
  await writeLines(ordersCsv, orderLines());
  if (withXlsx) await writeXlsx(ordersXlsx);
  const mb = (path: string) => (statSync(path).size / 1024 / 1024).toFixed(1);
  console.log(
    `generated ${ROWS} orders of ${CUSTOMERS} customers (seed ${values.seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `CSV ${mb(ordersCsv)} MB${withXlsx ? `, XLSX ${mb(ordersXlsx)} MB` : ''}; ${peakText()}`,
  );
}

/** One step in this process. */
async function runStep(step: Step, dir: string, withXlsx: boolean, preparing: boolean): Promise<void> {
  const { customersCsv, ordersCsv, ordersXlsx } = files(dir);
  const serverUrl = values['database-url'];
  if (step === 'generate') await generate(dir, withXlsx);
  else if (step === 'pg-copy') await rawCopy(serverUrl as string, ordersCsv);
  else {
    const target = step.startsWith('pglite') ? pgliteTarget(dir) : postgresTarget(serverUrl as string, dir);
    if (preparing) return prepare(target, step, customersCsv);
    const file = step.endsWith('xlsx') ? ordersXlsx : ordersCsv;
    await importOrders(target, step, file, `${target.name} ${step.endsWith('xlsx') ? 'XLSX' : 'CSV'} import`);
  }
}

/**
 * Each step in a child process of its own, so that a step's peak RSS is its own: the parent stays small (maxRSS
 * survives fork and exec on Linux, so a parent that had generated the files would inflate every child's figure).
 */
function runChild(step: Step, dir: string, withXlsx: boolean, preparing = false): string {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] as string,
      ...process.argv.slice(2),
      '--step',
      step,
      '--dir',
      dir,
      ...(withXlsx ? ['--with-xlsx'] : []),
      ...(preparing ? ['--prepare'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(child.stdout);
  if (child.status !== 0) throw new Error(`step ${step} failed (exit ${child.status})`);
  return child.stdout;
}

async function main() {
  const serverUrl = values['database-url'];
  const steps = STEPS.filter((step) => !skipped.has(step) && (serverUrl || !step.startsWith('pg-')));
  const withXlsx = values['with-xlsx'] || steps.some((step) => step.endsWith('xlsx'));
  if (values.step && values.dir)
    return runStep(values.step as Step, values.dir, withXlsx, values.prepare ?? false);
  const dir = mkdtempSync(join(tmpdir(), 'stratum-bench-import-'));
  try {
    runChild('generate', dir, withXlsx);
    const rates = new Map<Step, number>();
    for (const step of steps) {
      if (step !== 'pg-copy') runChild(step, dir, withXlsx, true);
      const measured = /= (\d+) rows\/s/.exec(runChild(step, dir, withXlsx))?.[1];
      if (measured) rates.set(step, Number(measured));
    }
    const csv = rates.get('pg-csv');
    const copy = rates.get('pg-copy');
    if (csv && copy)
      console.log(
        `ratio validated+merged CSV → PostgreSQL / raw COPY = ${(csv / copy).toFixed(2)} (target ≥ 0.5)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
