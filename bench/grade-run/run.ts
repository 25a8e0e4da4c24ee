/**
 * Grading-run benchmark: a full run of the composite preset from the maintained state, split into read / compute /
 * write; instant re-grade latency over single-order writes; and, on the same data, the reference statement
 * (../shared/reference/tiering.sql) on DuckDB and on the same PostgreSQL, for the ratios of issue 4.
 *
 *   npx tsx bench/grade-run/run.ts --customers 100000 --database-url postgres://postgres@127.0.0.1:55432/postgres
 *   npx tsx bench/grade-run/run.ts --customers 100000                       # PGlite in a temp dir
 *   add --keep-database NAME to reuse a loaded PostgreSQL database between invocations (on PGlite: a directory)
 *
 * Data comes from the demo generator (deterministic). Not a test: it prints figures and never fails on a timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { DuckDBInstance } from '@duckdb/node-api';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { openBenchDatabase } from '../database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { generateDemo } from '../../src/modules/demo/demo.service.js';
import { findModelByKey } from '../../src/modules/grading/model.repository.js';
import { executeRun, type RunSummary } from '../../src/modules/grading/run.service.js';
import { regradeCustomers } from '../../src/modules/grading/instant.service.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'keep-database': { type: 'string' },
    regrades: { type: 'string', default: '1000' },
    'skip-reference': { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const DATA_AS_OF = '2025-06-30';
const RUN_AS_OF = '2025-07-01';
const REFERENCE_AS_OF = "DATE '2025-01-01'";

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** The reference schema's two tables, filled from the product's tables (one invoice per order: its first payment). */
const referenceRows = `
  SELECT o.id, o.customer_id, o.order_date, o.amount, coalesce(o.gross_profit, 0) AS gross_profit,
         p.due_date, p.paid_date
  FROM orders o
  JOIN LATERAL (SELECT due_date, paid_date FROM payments WHERE order_id = o.id ORDER BY id LIMIT 1) p ON true
  WHERE o.status <> 'cancelled'`;

function referenceStatement(orders: string, customersTable: string): string {
  const text = fs.readFileSync(new URL('../../../shared/reference/tiering.sql', import.meta.url), 'utf8');
  return text
    .replaceAll('{{orders}}', orders)
    .replaceAll('{{customers}}', customersTable)
    .replaceAll("DATE '2025-01-01'", REFERENCE_AS_OF);
}

/** Streams the reference tables out of the product database as CSV files (never all rows in memory). */
async function exportReferenceCsv(
  handle: DatabaseHandle,
  dir: string,
): Promise<{ orders: string; customers: string }> {
  const files = { orders: path.join(dir, 'orders.csv'), customers: path.join(dir, 'customers.csv') };
  const queries = {
    orders: referenceRows,
    customers: `SELECT id, 'c' AS name, 'i' AS industry, 'r' AS region, 's' AS size, DATE '2020-01-01' AS created_at FROM customers`,
  };
  for (const key of ['orders', 'customers'] as const) {
    const copy = `COPY (${queries[key]}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
    if (handle.pool) {
      const client = await handle.pool.connect();
      try {
        await pipeline(client.query(copyTo(copy)), fs.createWriteStream(files[key]));
      } finally {
        client.release();
      }
    } else {
      const result = await handle.pglite!.query(copy.replace('TO STDOUT', "TO '/dev/blob'"));
      fs.writeFileSync(files[key], Buffer.from(await result.blob!.arrayBuffer()));
    }
  }
  return files;
}

async function referenceOnDuckDb(handle: DatabaseHandle): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-bench-duck-'));
  const { orders: ordersCsv, customers: customersCsv } = await exportReferenceCsv(handle, dir);
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(fs.readFileSync(new URL('../../../shared/reference/schema.sql', import.meta.url), 'utf8'));
  await duck.run(`INSERT INTO customers SELECT * FROM read_csv('${customersCsv}', header = true)`);
  await duck.run(`INSERT INTO orders SELECT * FROM read_csv('${ordersCsv}', header = true, nullstr = '')`);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await duck.run('DROP TABLE IF EXISTS tiering');
    const started = performance.now();
    await duck.run(referenceStatement('orders', 'customers'));
    times.push(performance.now() - started);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return times;
}

async function referenceOnPostgres(handle: DatabaseHandle): Promise<number[]> {
  await sql.raw('DROP TABLE IF EXISTS ref_orders, ref_customers, tiering').execute(handle.db);
  await sql.raw(`CREATE TABLE ref_orders AS ${referenceRows}`).execute(handle.db);
  await sql
    .raw(
      `CREATE TABLE ref_customers AS SELECT id, name, 'i'::varchar AS industry, 'r'::varchar AS region, 's'::varchar AS size, DATE '2020-01-01' AS created_at FROM customers`,
    )
    .execute(handle.db);
  await sql
    .raw('ANALYZE ref_orders; ANALYZE ref_customers')
    .execute(handle.db)
    .catch(() => undefined);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sql.raw('DROP TABLE IF EXISTS tiering').execute(handle.db);
    const started = performance.now();
    await sql.raw(referenceStatement('ref_orders', 'ref_customers')).execute(handle.db);
    times.push(performance.now() - started);
  }
  await sql.raw('DROP TABLE IF EXISTS ref_orders, ref_customers, tiering').execute(handle.db);
  return times;
}

async function main(): Promise<void> {
  const { handle, fresh, cleanup } = await openBenchDatabase(
    values['database-url'],
    values['keep-database'],
    'stratum-bench-grade',
  );
  try {
    await migrateToLatest(handle.db);
    if (fresh) {
      const started = performance.now();
      const summary = await generateDemo(handle, { customers, asOf: DATA_AS_OF });
      console.log(
        `loaded ${summary.counts.orders.toLocaleString('en-US')} orders in ${seconds(performance.now() - started)}`,
      );
    }
    const composite = (await findModelByKey(handle.db, 'composite'))!;
    const runs: RunSummary[] = [];
    // executeRun returns once the run's company-wide dashboard summary is kept, after the run's transaction.
    const afterCommit: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const run = await executeRun(handle.db, {
        modelId: composite.id,
        asOf: RUN_AS_OF,
        trigger: 'cli',
        startedBy: null,
      });
      afterCommit.push(performance.now() - started - run.timings.totalMs);
      runs.push(run);
    }
    const pick = (key: keyof RunSummary['timings']) => median(runs.map((r) => r.timings[key]));
    console.log(
      `\nfull run (${handle.kind}), ${runs[0]!.population.toLocaleString('en-US')} customers graded, median of 3:`,
    );
    console.log(
      `  read ${seconds(pick('readMs'))} · compute ${seconds(pick('computeMs'))} · write ${seconds(pick('writeMs'))} · total ${seconds(pick('totalMs'))}`,
    );
    console.log(`  then, after the commit, the dashboard summary kept: ${seconds(median(afterCommit))}`);

    const ids = (await sql<{ id: number }>`SELECT id FROM customers ORDER BY id`.execute(handle.db)).rows.map(
      (r) => r.id,
    );
    const latencies: number[] = [];
    const regradeOnly: number[] = [];
    const now = new Date(`${RUN_AS_OF}T09:00:00+08:00`);
    for (let i = 0; i < Number(values.regrades); i++) {
      const customerId = ids[(i * 7919) % ids.length]!;
      const started = performance.now();
      await handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('orders')
          .values({
            customer_id: customerId,
            order_no: `BENCH-${process.pid}-${i}`,
            order_date: '2025-06-30',
            amount: '12345.67',
            gross_profit: '2345.67',
          })
          .execute();
        const regradeStarted = performance.now();
        await regradeCustomers(trx, [customerId], 'order', now);
        regradeOnly.push(performance.now() - regradeStarted);
      });
      latencies.push(performance.now() - started);
    }
    console.log(
      `instant re-grade (order insert + re-grade under every active model, one transaction), ${latencies.length} writes:`,
    );
    const spread = (xs: number[]) =>
      xs.length
        ? `p50 ${percentile(xs, 0.5).toFixed(2)} ms · p99 ${percentile(xs, 0.99).toFixed(2)} ms`
        : 'none (--regrades 0)';
    console.log(`  whole write: ${spread(latencies)}`);
    console.log(`  re-grade part: ${spread(regradeOnly)}`);
    await sql`DELETE FROM orders WHERE order_no LIKE ${`BENCH-${process.pid}-%`}`.execute(handle.db);

    if (!values['skip-reference']) {
      const duck = median(await referenceOnDuckDb(handle));
      console.log(`reference statement, DuckDB: ${seconds(duck)} (median of 3, loaded tables)`);
      const ratio = (ms: number) => (ms / duck).toFixed(2);
      console.log(
        `  ratios to DuckDB: compute ${ratio(pick('computeMs'))} (target ≤ 0.3) · whole run ${ratio(pick('totalMs'))} (target ≤ 1.0)`,
      );
      if (handle.kind === 'postgres') {
        const postgres = median(await referenceOnPostgres(handle));
        console.log(
          `reference statement, PostgreSQL: ${seconds(postgres)} (median of 3) — whole run / PostgreSQL reference = ${(pick('totalMs') / postgres).toFixed(2)}`,
        );
      }
    }
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await handle.close();
    await cleanup();
  }
}

await main();
