import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { openDatabase } from '../../db/connect.js';
import { restoreBackupFile, writeBackupFile } from '../../modules/backup/backup-file.js';
import { InputError } from '../exit-codes.js';
import { withRuntime } from './with-runtime.js';

const printTable = (table: string, rows: number) =>
  console.log(`  ${table.padEnd(32)} ${rows.toLocaleString('en-US').padStart(12)}`);

const describe = (counts: Record<string, number>) => {
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return `${rows.toLocaleString('en-US')} rows of ${Object.keys(counts).length} tables`;
};

const printSummary = (what: string, started: number, done: string) =>
  console.log(`${what} in ${((performance.now() - started) / 1000).toFixed(1)} s / ${done}`);

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
  db.command('backup')
    .description('write the whole database to a file, as one consistent snapshot / 备份数据库')
    .argument('<file>', 'the backup to write (gzip); an existing file is not overwritten')
    .action((file: string) =>
      withRuntime(config, async (runtime) => {
        if (existsSync(file)) throw new InputError(`文件已存在 / file exists: ${file}`);
        const started = performance.now();
        const counts = await writeBackupFile(runtime.database.db, runtime.database.kind, file, printTable);
        printSummary(`Backed up ${describe(counts)} to ${file}`, started, '备份完成');
      }),
    );
  db.command('restore')
    .description(
      'replace the database with a backup, all or nothing, and migrate it to this version / 恢复备份',
    )
    .argument('<file>', 'a backup written by `stratum db backup`, from PGlite or PostgreSQL')
    .option('--replace', 'overwrite a database that already holds users or customers')
    .action(async (file: string, options: { replace?: boolean }) => {
      if (!existsSync(file)) throw new InputError(`找不到文件 / no such file: ${file}`);
      const { databaseUrl, dataDir, pgliteSharedBuffers } = config();
      const database = await openDatabase({ databaseUrl, dataDir, pgliteSharedBuffers });
      try {
        const started = performance.now();
        const counts = await restoreBackupFile(database.db, file, {
          replace: options.replace,
          onTable: printTable,
        });
        printSummary(`Restored ${describe(counts)} from ${file}`, started, '恢复完成');
      } finally {
        await database.close();
      }
    });
}
