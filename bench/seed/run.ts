/**
 * Seed benchmark: generate and load the demo company at scale, on PGlite (default) or on a PostgreSQL server.
 *
 *   npx tsx bench/seed/run.ts --customers 100000                          # PGlite, file-backed in a temp dir
 *   npx tsx bench/seed/run.ts --customers 100000 --database-url postgres://user@127.0.0.1:55432/postgres
 *   npx tsx bench/seed/run.ts --customers 100000 --generator-only         # generate + COPY-encode, no database
 *
 * On PostgreSQL it creates a throwaway database on the server, loads it and drops it. Prints order rows per second
 * (all writes, state maintenance by the triggers included), all rows per second and the process's peak RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { generateDemo, type DemoSummary } from '../../src/modules/demo/demo.service.js';
import { DemoGenerator } from '../../src/modules/demo/generator.js';
import { copyTextParts } from '../../src/db/copy.js';
import { emptyChunk, type DemoTable } from '../../src/modules/demo/tables.js';
import type { PgliteMethod } from '../../src/modules/demo/bulk-writer.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20240601' },
    'as-of': { type: 'string', default: '2025-06-30' },
    'database-url': { type: 'string' },
    'pglite-dir': { type: 'string' },
    'pglite-method': { type: 'string', default: 'copy' },
    chunk: { type: 'string', default: '2000' },
    'generator-only': { type: 'boolean', default: false },
  },
});

const customers = Number(values.customers);
const seed = Number(values.seed);
const asOf = values['as-of'];
const perChunk = Number(values.chunk);

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;

function report(label: string, ms: number, rows: Record<DemoTable, number>, extra: string): void {
  const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
  console.log(`${label}: ${customers.toLocaleString('en-US')} customers in ${(ms / 1000).toFixed(1)} s`);
  console.log(`  rows: ${JSON.stringify(rows)}`);
  console.log(
    `  order rows: ${rate(rows.orders, ms)}   all rows: ${rate(total, ms)} (${total.toLocaleString('en-US')})`,
  );
  console.log(`  peak RSS: ${mib(process.resourceUsage().maxRSS)}   ${extra}`);
}

async function generatorOnly(): Promise<void> {
  const rep = (userId: number) => [{ userId, teamId: userId, level: 'middle' as const, capacity: 200 }];
  const accountManagers = { east: rep(1), south: rep(2), north: rep(3) };
  const generator = new DemoGenerator({ customers, seed, asOf, accountManagers });
  const started = performance.now();
  let bytes = 0;
  while (!generator.done) {
    const chunk = emptyChunk();
    generator.generateInto(chunk, perChunk);
    for (const rows of Object.values(chunk)) for (const part of copyTextParts(rows)) bytes += part.length;
  }
  report(
    'generator only (no database)',
    performance.now() - started,
    generator.stats.rows,
    `${mib(bytes / 1024)} of COPY text`,
  );
}

async function withDatabase(): Promise<void> {
  const url = values['database-url'];
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let label: string;
  if (url) {
    const name = `stratum_seed_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    handle = openPostgres(target.toString(), 2);
    // DROP DATABASE … WITH (FORCE) below may terminate a pooled connection that is still closing.
    handle.pool?.on('error', () => undefined);
    const [{ server_version: version } = { server_version: '?' }] = (await admin.query('SHOW server_version'))
      .rows;
    const [{ fsync } = { fsync: '?' }] = (await admin.query('SHOW fsync')).rows;
    label = `PostgreSQL ${version} (fsync=${fsync})`;
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = values['pglite-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-seed-'));
    handle = await openPglite(path.join(dir, 'pglite'));
    label = `PGlite (file-backed, ${values['pglite-method']})`;
    cleanup = async () => {
      if (!values['pglite-dir']) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrateToLatest(handle.db);
    let nextReport = 0.1;
    const started = performance.now();
    const summary: DemoSummary = await generateDemo(handle, {
      customers,
      seed,
      asOf,
      customersPerChunk: perChunk,
      pgliteMethod: values['pglite-method'] as PgliteMethod,
      onStep: (step, ms) => console.log(`  step ${step}: ${(ms / 1000).toFixed(1)} s`),
      onProgress: ({ customersDone, customersTotal, rowsWritten }) => {
        if (customersDone / customersTotal < nextReport) return;
        nextReport += 0.1;
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `  ${customersDone}/${customersTotal} customers, ${rowsWritten} rows, ${seconds.toFixed(1)} s`,
        );
      },
    });
    const { teams: _teams, users: _users, ...rows } = summary.counts;
    report(
      label,
      performance.now() - started,
      rows,
      `top 20% of buying customers = ${(summary.top20ProfitShare * 100).toFixed(1)}% of gross profit`,
    );
  } finally {
    await handle.close();
    await cleanup();
  }
}

await (values['generator-only'] ? generatorOnly() : withDatabase());
