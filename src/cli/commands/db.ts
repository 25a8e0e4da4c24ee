import { sql } from 'kysely';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { withRuntime } from './with-runtime.js';

export function registerDatabaseCommands(program: Command, config: () => Config): void {
  const db = program.command('db').description('database maintenance / 数据库维护');
  db.command('migrate')
    .description('apply pending schema migrations (also done at every start)')
    .action(() =>
      withRuntime(config, async (runtime) => {
        console.log(`Database is at the latest schema (${runtime.database.kind}).`);
      }),
    );
  db.command('rebuild-state')
    .description('recompute the per-customer grading state from the raw orders, payments and activities')
    .action(() =>
      withRuntime(config, async (runtime) => {
        const started = performance.now();
        await runtime.database.db
          .transaction()
          .execute((trx) => sql`SELECT stratum_rebuild_state()`.execute(trx));
        const counts = await sql<{ customers: number; months: number }>`
          SELECT (SELECT count(*) FROM customer_state)::int AS customers,
                 (SELECT count(*) FROM customer_month_stats)::int AS months`.execute(runtime.database.db);
        const row = counts.rows[0]!;
        console.log(
          `Rebuilt state for ${row.customers} customers (${row.months} customer-months) in ` +
            `${((performance.now() - started) / 1000).toFixed(2)} s.`,
        );
      }),
    );
}
