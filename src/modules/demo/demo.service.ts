import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DatabaseHandle } from '../../db/connect.js';
import type { LifecycleStage } from '../../db/database.js';
import { hashPassword } from '../auth/password.js';
import { openBulkSession, type BulkSession, type PgliteMethod } from './bulk-writer.js';
import { formatDay, parseDate } from './calendar.js';
import { deferForeignKeysAndIndexes } from './deferred-checks.js';
import { databaseNotEmpty, invalidOption } from './demo.errors.js';
import { ensureOrganisation, type DemoLogin } from './demo.organisation.js';
import { DemoGenerator } from './generator.js';
import { HISTORY_DAYS } from './history.js';
import { enterStateBulkLoad } from './state-bulk-load.js';
import { DEMO_PASSWORD } from './organisation.js';
import {
  demoTableOrder,
  demoTables,
  emptyChunk,
  tablesWithGeneratedIds,
  type Chunk,
  type DemoTable,
} from './tables.js';
import { seedDuplicates } from './duplicates.js';
import { seedTargets } from './targets.js';
import { seedOpportunities } from './opportunities.js';

export interface DemoProgress {
  readonly customersDone: number;
  readonly customersTotal: number;
  /** Rows of every table written so far. */
  readonly rowsWritten: number;
}

export interface DemoOptions {
  /** How many customers; 2,000 by default. */
  readonly customers?: number;
  /** Same seed, same as-of date → the same rows. */
  readonly seed?: number;
  /** 'YYYY-MM-DD', the last day of the three years of history (the CLI passes today). */
  readonly asOf: string;
  readonly onProgress?: (progress: DemoProgress) => void;
  /** Load even though the database already has customers (ids, codes and order numbers continue after theirs). */
  readonly force?: boolean;
  readonly customersPerChunk?: number;
  readonly orderLines?: boolean;
  readonly pgliteMethod?: PgliteMethod;
  /** Called as each step of the load ends, with its duration, so a benchmark can show what the time went to. */
  readonly onStep?: (step: LoadStep, milliseconds: number) => void;
}

export type LoadStep =
  'generate and copy' | 'foreign keys and indexes' | 'state' | 'opportunities' | 'commit' | 'analyze';

export interface DemoSummary {
  readonly seed: number;
  readonly asOf: string;
  readonly counts: Record<DemoTable | 'teams' | 'users' | 'opportunities' | 'duplicates', number>;
  readonly stages: Record<LifecycleStage, number>;
  readonly logins: DemoLogin[];
  /** Share of total gross profit brought by the top 20% of customers that bought (0–1). */
  readonly top20ProfitShare: number;
}

export const DEFAULT_CUSTOMERS = 2000;
export const DEFAULT_SEED = 20240601;
const DEFAULT_CHUNK = 2000;
/** Customers generated between yields to the event loop, so the previous chunk's COPY streams meanwhile. */
const SLICE = 100;

/**
 * Generates the demo company and loads it, all or nothing: one transaction on one connection, so a failure or a kill
 * leaves the database as it was and the load can simply be run again. Chunks of customers are generated while the
 * previous chunk is written (COPY), which keeps memory bounded by two chunks whatever the number of customers.
 * The per-customer state is computed once at the end (the state's bulk-load mode); into an empty database, foreign
 * keys and secondary indexes are also re-created at the end (deferred-checks.ts).
 */
export async function generateDemo(handle: DatabaseHandle, options: DemoOptions): Promise<DemoSummary> {
  const customers = options.customers ?? DEFAULT_CUSTOMERS;
  const seed = options.seed ?? DEFAULT_SEED;
  validate(customers, seed, options.asOf);
  const session = await openBulkSession(handle, options.pgliteMethod);
  try {
    await session.query('BEGIN');
    const [existing] = await session.query<{ count: number }>('SELECT count(*)::int AS count FROM customers');
    const existingCustomers = existing?.count ?? 0;
    if (existingCustomers > 0 && !options.force) throw databaseNotEmpty(existingCustomers);
    // The set-based steps at the end (index builds, key validation, the state's aggregation) sort and hash millions
    // of rows; with the defaults (4 MB / 64 MB) they spill to temporary files. Transaction-local, like the load.
    await session.query(
      `SELECT set_config('work_mem', '512MB', true), set_config('maintenance_work_mem', '1GB', true)`,
    );
    const state = await enterStateBulkLoad(session);
    const deferred =
      existingCustomers === 0 ? await deferForeignKeysAndIndexes(session, demoTableOrder) : null;

    const organisationSince = `${formatDay(parseDate(options.asOf) - HISTORY_DAYS)} 09:00:00+08`;
    const organisation = await ensureOrganisation(
      session,
      await hashPassword(DEMO_PASSWORD),
      organisationSince,
    );
    const ids = await idBase(session);
    const generator = new DemoGenerator({
      customers,
      seed,
      asOf: options.asOf,
      accountManagers: organisation.accountManagers,
      idBase: ids,
      orderLines: options.orderLines ?? true,
    });
    const step = stepTimer(options.onStep);
    await load(session, generator, customers, options.customersPerChunk ?? DEFAULT_CHUNK, options.onProgress);
    step('generate and copy');
    await deferred?.restore();
    step('foreign keys and indexes');
    const duplicates = await seedDuplicates(session, {
      afterCustomerId: ids.customers,
      customers,
      asOf: options.asOf,
      orderLines: options.orderLines ?? true,
    });
    await state.refresh(ids.customers);
    step('state');
    const opportunities = await seedOpportunities(session, ids.customers, options.asOf);
    step('opportunities');
    await seedTargets(session, options.asOf);
    for (const table of tablesWithGeneratedIds) {
      await session.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
      );
    }
    await session.query('COMMIT');
    step('commit');
    // Planner statistics for the freshly loaded tables (PGlite has no autovacuum to do it).
    await session.query(
      `ANALYZE ${[...demoTableOrder, 'customer_month_stats', 'customer_state', 'opportunities', 'opportunity_stage_history'].join(', ')}`,
    );
    step('analyze');
    return {
      seed,
      asOf: options.asOf,
      counts: {
        teams: organisation.teams,
        users: organisation.users,
        ...withPlantedDuplicates(generator.stats.rows, duplicates),
        opportunities,
        duplicates,
      },
      stages: { ...generator.stats.stages },
      logins: organisation.logins,
      top20ProfitShare: topShare(generator.stats.customerProfits, 0.2),
    };
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await session.release();
  }
}

/** The rows loaded, the planted copies included: each has one order, its payment and, where orders have lines, one. */
function withPlantedDuplicates(rows: Record<DemoTable, number>, copies: number): Record<DemoTable, number> {
  return {
    ...rows,
    customers: rows.customers + copies,
    orders: rows.orders + copies,
    payments: rows.payments + copies,
    order_lines: rows.order_lines ? rows.order_lines + copies : 0,
  };
}

function stepTimer(onStep: DemoOptions['onStep']): (step: LoadStep) => void {
  let since = performance.now();
  return (step) => {
    const now = performance.now();
    onStep?.(step, now - since);
    since = now;
  };
}

async function load(
  session: BulkSession,
  generator: DemoGenerator,
  total: number,
  perChunk: number,
  onProgress: DemoOptions['onProgress'],
): Promise<void> {
  let rowsWritten = 0;
  let writing: Promise<void> = Promise.resolve();
  while (!generator.done) {
    const chunk = emptyChunk();
    const target = Math.min(total, generator.produced + perChunk);
    while (generator.produced < target) {
      generator.generateInto(chunk, Math.min(SLICE, target - generator.produced));
      await yieldToEventLoop();
    }
    await writing;
    const customersDone = generator.produced;
    writing = writeChunk(session, chunk).then((rows) => {
      rowsWritten += rows;
      onProgress?.({ customersDone, customersTotal: total, rowsWritten });
    });
    // Without a handler here, a failed write would be unhandled until the next chunk is generated.
    writing.catch(() => undefined);
  }
  await writing;
}

/** Tables in foreign-key order: customers, then what refers to them. */
async function writeChunk(session: BulkSession, chunk: Chunk): Promise<number> {
  let rows = 0;
  for (const table of demoTableOrder) {
    await session.write(table, demoTables[table], chunk[table]);
    rows += chunk[table].length;
  }
  return rows;
}

async function idBase(
  session: BulkSession,
): Promise<Record<(typeof tablesWithGeneratedIds)[number], number>> {
  const [row] = await session.query<{ customers: number; contacts: number; orders: number }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM customers)::int AS customers,
            (SELECT coalesce(max(id), 0) FROM contacts)::int AS contacts,
            (SELECT coalesce(max(id), 0) FROM orders)::int AS orders`,
  );
  return { customers: row?.customers ?? 0, contacts: row?.contacts ?? 0, orders: row?.orders ?? 0 };
}

/** Share of the total held by the largest `fraction` of the values (rounded up to whole customers). */
export function topShare(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort().reverse();
  const top = Math.ceil(sorted.length * fraction);
  let total = 0;
  let topSum = 0;
  sorted.forEach((value, index) => {
    total += value;
    if (index < top) topSum += value;
  });
  return total === 0 ? 0 : topSum / total;
}

function validate(customers: number, seed: number, asOf: string): void {
  if (!Number.isInteger(customers) || customers < 1 || customers > 10_000_000) {
    throw invalidOption('customers', customers, {
      zh: '1 到 10,000,000 之间的整数',
      en: 'an integer from 1 to 10,000,000',
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw invalidOption('seed', seed, {
      zh: '0 到 4294967295 之间的整数',
      en: 'an integer from 0 to 4294967295',
    });
  }
  try {
    parseDate(asOf);
  } catch {
    throw invalidOption('asOf', asOf, { zh: 'YYYY-MM-DD 格式的日期', en: 'a date as YYYY-MM-DD' });
  }
}
