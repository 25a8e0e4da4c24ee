import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { DatabaseKind } from '../../db/connect.js';
import { migrateTo, migrateToLatest, migrationNames } from '../../db/migrate.js';
import type { Db } from '../audit/audit.repository.js';
import {
  BACKUP_FORMAT,
  BackupEnd,
  BackupError,
  BackupHeader,
  END_OF_ROWS,
  TableStart,
  parseLine,
} from './backup-format.js';
import {
  backupTables,
  countRows,
  emptyTables,
  holdsData,
  lastMigration,
  loadRows,
  loadWithoutTriggers,
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

const NEWLINE = 10;
const countLines = (chunks: readonly Buffer[]) =>
  chunks.reduce((lines, chunk) => {
    let count = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count++;
    return lines + count;
  }, 0);

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
        for (let from = 0; ; from += PAGES_PER_READ) {
          const last = from + PAGES_PER_READ >= pages;
          const chunks = await tablePages(trx, table, from, last ? undefined : from + PAGES_PER_READ);
          for (const chunk of chunks) await write(chunk);
          rows[table.name] = (rows[table.name] ?? 0) + countLines(chunks);
          if (last) break;
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
 * Restores a backup (`lines`: its decompressed lines) into the database in one transaction: the schema is made
 * again at the backup's migration, every table emptied and filled with the backup's rows as they were, the
 * sequences set past them, and the schema migrated on to this version's latest. A damaged or incomplete file, a
 * count that does not match, or any failure leaves the database as it was.
 */
export async function restoreBackup(
  db: Db,
  lines: AsyncIterable<Buffer>,
  options: RestoreOptions = {},
): Promise<Record<string, number>> {
  const reader = lines[Symbol.asyncIterator]();
  const next = async () => {
    const result = await reader.next();
    return result.done ? undefined : result.value;
  };
  const header = parseLine(await next(), BackupHeader, 'header');
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
    await loadWithoutTriggers(trx);
    await emptyTables(trx, [...tables.values()]);
    const loaded = await loadTables(trx, tables, next, options.onTable ?? (() => undefined));
    await sql`SET LOCAL session_replication_role = origin`.execute(trx);
    await resetSequences(trx);
    await migrateToLatest(trx);
    return loaded;
  });
}

async function loadTables(
  trx: Db,
  tables: ReadonlyMap<string, BackupTable>,
  next: () => Promise<Buffer | undefined>,
  onTable: BackupProgress,
): Promise<Record<string, number>> {
  const loaded: Record<string, number> = {};
  for (let line = await next(); ; line = await next()) {
    if (line === undefined) throw incomplete('end');
    const text = line.toString('utf8');
    if (text.startsWith('{"end"')) {
      await checkCounts(trx, parseLine(line, BackupEnd, 'end').rows, loaded);
      return loaded;
    }
    const start = parseLine(line, TableStart, 'table');
    const table = tables.get(start.table);
    if (!table || table.columns.join(',') !== start.columns.join(','))
      throw new BackupError(
        `备份中的表 ${start.table} 与其版本的表结构不一致`,
        `table ${start.table} does not match the schema of the backup's version`,
      );
    loaded[table.name] = await loadTable(trx, { ...table, columns: start.columns }, next);
    onTable(table.name, loaded[table.name]!);
  }
}

/** One table's rows up to its `\.` line, loaded in pieces of bounded size; returns how many there were. */
async function loadTable(trx: Db, table: BackupTable, next: () => Promise<Buffer | undefined>) {
  let rows = 0;
  let batch: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length) await loadRows(trx, table, batch);
    batch = [];
    size = 0;
  };
  for (let line = await next(); ; line = await next()) {
    if (line === undefined) throw incomplete(table.name);
    if (line.length === 2 && line.toString('latin1') === END_OF_ROWS) break;
    batch.push(line, NEWLINE_BYTES);
    size += line.length + 1;
    rows++;
    if (size >= BYTES_PER_LOAD) await flush();
  }
  await flush();
  return rows;
}

const NEWLINE_BYTES = Buffer.from('\n');

const incomplete = (where: string) =>
  new BackupError(
    `备份文件不完整（在 ${where} 处中断）`,
    `the backup file is incomplete (cut off in ${where})`,
  );

/** Every table the backup counted holds that many rows now, and nothing was loaded that it did not count. */
async function checkCounts(trx: Db, expected: Record<string, number>, loaded: Record<string, number>) {
  const names = new Set([...Object.keys(expected), ...Object.keys(loaded)]);
  for (const name of names) {
    const stored = loaded[name] === undefined ? undefined : await countRows(trx, name);
    if (expected[name] !== loaded[name] || stored !== expected[name])
      throw new BackupError(
        `表 ${name} 的行数与备份记录不符（应为 ${expected[name] ?? '无'}，读到 ${loaded[name] ?? '无'}）`,
        `table ${name} does not hold the rows the backup counted (${expected[name] ?? 'none'} expected, ${loaded[name] ?? 'none'} read)`,
      );
  }
}
