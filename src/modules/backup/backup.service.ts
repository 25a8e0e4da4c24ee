import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DatabaseKind } from '../../db/connect.js';
import { countLines } from '../../db/copy-out.js';
import { migrateTo, migrateToLatest, migrationNames } from '../../db/migrate.js';
import type { Db } from '../audit/audit.repository.js';
import {
  BACKUP_FORMAT,
  BackupEnd,
  BackupError,
  BackupHeader,
  BackupReader,
  END_OF_ROWS,
  TableStart,
  parseLine,
} from './backup-format.js';
import {
  backupTables,
  emptyTables,
  holdsData,
  lastMigration,
  loadRows,
  withoutTriggers,
  pageCount,
  resetSchema,
  resetSequences,
  tablePages,
  type BackupTable,
} from './backup.repository.js';

/** Pages of a table read per COPY: 16 MB of table at most in memory at once. */
const PAGES_PER_READ = 2048;
/** Bytes of rows sent per COPY while restoring. */
const BYTES_PER_LOAD = 8 * 1024 * 1024;

export type BackupProgress = (table: string, rows: number) => void;

/**
 * Writes every table of the database to `output` (a gzip stream, which this ends) as one consistent snapshot: a
 * read-only repeatable-read transaction, so writes made meanwhile are in the next backup, never half in this one.
 */
export async function writeBackup(
  db: Db,
  source: DatabaseKind,
  output: Writable,
  onTable: BackupProgress = () => undefined,
): Promise<Record<string, number>> {
  const write = async (bytes: Buffer | string) => {
    if (!output.write(bytes)) await once(output, 'drain');
  };
  const counts = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const migration = await lastMigration(trx);
      if (!migration) throw new BackupError('数据库还没有建表', 'the database has no schema yet');
      const tables = await backupTables(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        source,
        migration,
        tables: tables.map((table) => table.name),
      };
      await write(`${JSON.stringify(header)}\n`);
      const rows: Record<string, number> = {};
      for (const table of tables) {
        await write(`${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
        rows[table.name] = 0;
        const pages = await pageCount(trx, table.name);
        const read = (from: number) => {
          const pending = tablePages(
            trx,
            table,
            from,
            from + PAGES_PER_READ >= pages ? undefined : from + PAGES_PER_READ,
          );
          // Awaited below; handled now, so a failure that comes while a write waits does not end the process.
          pending.catch(() => undefined);
          return pending;
        };
        let reading: Promise<Buffer[]> | undefined = read(0);
        for (let from = 0; reading; from += PAGES_PER_READ) {
          const chunks: Buffer[] = await reading;
          // The next pages are read while these are compressed and written.
          reading = from + PAGES_PER_READ >= pages ? undefined : read(from + PAGES_PER_READ);
          // One write per read: PostgreSQL sends COPY a row per message, and a write per row cost more than the read.
          const bytes = Buffer.concat(chunks);
          await write(bytes);
          rows[table.name] = (rows[table.name] ?? 0) + countLines([bytes]);
        }
        await write(`${END_OF_ROWS}\n`);
        onTable(table.name, rows[table.name] ?? 0);
      }
      await write(`${JSON.stringify({ end: true, rows })}\n`);
      return rows;
    });
  output.end();
  await once(output, 'finish');
  return counts;
}

export interface RestoreOptions {
  /** Replace a database that holds users or customers; without it such a database is refused. */
  readonly replace?: boolean;
  readonly onTable?: BackupProgress;
}

/**
 * Restores a backup (`bytes`: its decompressed bytes) into the database in one transaction: the schema is made
 * again at the backup's migration, every table emptied and filled with the backup's rows as they were, the
 * sequences set past them, and the schema migrated on to this version's latest. A damaged or incomplete file, a
 * count that does not match, or any failure leaves the database as it was.
 */
export async function restoreBackup(
  db: Db,
  bytes: AsyncIterable<Buffer>,
  options: RestoreOptions = {},
): Promise<Record<string, number>> {
  const reader = new BackupReader(bytes);
  const header = parseLine(await reader.line(), BackupHeader, 'header');
  if (!migrationNames.includes(header.migration))
    throw new BackupError(
      `备份来自更新的 Stratum 版本（${header.migration}），请先升级`,
      `the backup comes from a newer version of Stratum (${header.migration}): upgrade first`,
    );
  return db.transaction().execute(async (trx) => {
    if (!options.replace && (await holdsData(trx)))
      throw new BackupError(
        '数据库中已有用户或客户；确认覆盖请加 --replace',
        'the database already holds users or customers; add --replace to overwrite it',
      );
    await resetSchema(trx);
    await migrateTo(trx, header.migration);
    const tables = new Map((await backupTables(trx)).map((table) => [table.name, table]));
    const named = [...header.tables].sort().join(',');
    if (named !== [...tables.keys()].sort().join(','))
      throw new BackupError(
        `备份中的表与其版本（${header.migration}）的表不一致`,
        `the backup's tables are not those of its version (${header.migration})`,
      );
    const loaded = await withoutTriggers(trx, async () => {
      await emptyTables(trx, [...tables.values()]);
      return loadTables(trx, reader, tables, options.onTable ?? (() => undefined));
    });
    await resetSequences(trx);
    await migrateToLatest(trx);
    return loaded;
  });
}

async function loadTables(
  trx: Db,
  reader: BackupReader,
  tables: ReadonlyMap<string, BackupTable>,
  onTable: BackupProgress,
): Promise<Record<string, number>> {
  const loaded: Record<string, number> = {};
  for (let line = await reader.line(); ; line = await reader.line()) {
    if (line === undefined) throw incomplete('end');
    if (line.toString('utf8', 0, 6) === '{"end"') {
      checkCounts(parseLine(line, BackupEnd, 'end').rows, loaded);
      return loaded;
    }
    const start = parseLine(line, TableStart, 'table');
    const table = tables.get(start.table);
    if (!table || table.columns.join(',') !== start.columns.join(','))
      throw new BackupError(
        `备份中的表 ${start.table} 与其版本的表结构不一致`,
        `table ${start.table} does not match the schema of the backup's version`,
      );
    let rows = 0;
    for await (const piece of reader.rows(BYTES_PER_LOAD, () => incomplete(table.name))) {
      await loadRows(trx, table, [piece]);
      rows += countLines([piece]);
    }
    loaded[table.name] = rows;
    onTable(table.name, rows);
  }
}

const incomplete = (where: string) =>
  new BackupError(
    `备份文件不完整（在 ${where} 处中断）`,
    `the backup file is incomplete (cut off in ${where})`,
  );

/**
 * Every table got the rows the backup counted, and nothing was loaded that it did not count. What was loaded is
 * what is stored: COPY writes each line it reads as one row, or fails the whole restore.
 */
function checkCounts(expected: Record<string, number>, loaded: Record<string, number>) {
  const names = new Set([...Object.keys(expected), ...Object.keys(loaded)]);
  for (const name of names) {
    if (expected[name] !== loaded[name])
      throw new BackupError(
        `表 ${name} 的行数与备份记录不符（应为 ${expected[name] ?? '无'}，读到 ${loaded[name] ?? '无'}）`,
        `table ${name} does not hold the rows the backup counted (${expected[name] ?? 'none'} expected, ${loaded[name] ?? 'none'} read)`,
      );
  }
}
