import { sql } from 'kysely';
import { copyOutBytes } from '../../db/copy-out.js';
import { copyFromStdin } from '../../db/copy.js';
import type { Db } from '../audit/audit.repository.js';
import { quote } from '../imports/sql-types.js';
import { BackupError } from './backup-format.js';

/** A table as a backup holds it: its name and the columns it stores (generated ones are computed again). */
export interface BackupTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/**
 * Not backed up: the migrations' own bookkeeping (a restore migrates the schema itself) and login sessions (a
 * restored system asks everybody to log in again).
 */
const NOT_BACKED_UP = new Set(['kysely_migration', 'kysely_migration_lock', 'sessions']);

/** Every table of the application with its stored columns, in name order. */
export async function backupTables(db: Db): Promise<BackupTable[]> {
  const { rows } = await sql<{ table: string; columns: string[] }>`
    SELECT c.relname AS "table", array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relkind IN ('r', 'p')
    GROUP BY c.relname
    ORDER BY c.relname`.execute(db);
  return rows
    .filter((row) => !NOT_BACKED_UP.has(row.table))
    .map((row) => ({ name: row.table, columns: row.columns }));
}

/** The last migration applied, or undefined on a database never migrated. */
export async function lastMigration(db: Db): Promise<string | undefined> {
  const exists = await sql<{ found: boolean }>`
    SELECT to_regclass('public.kysely_migration') IS NOT NULL AS found`.execute(db);
  if (!exists.rows[0]?.found) return undefined;
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name;
}

/** Whether the database holds anything a person made: a user or a customer. */
export async function holdsData(db: Db): Promise<boolean> {
  if ((await lastMigration(db)) === undefined) return false;
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM customers) AS found`.execute(db);
  return rows[0]?.found ?? false;
}

/** The table's pages as the transaction's snapshot sees the file (rows it sees lie in these or later pages). */
export async function pageCount(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ pages: number }>`
    SELECT (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int AS pages`.execute(
    db,
  );
  return rows[0]?.pages ?? 0;
}

/**
 * The rows stored in pages [from, to) of a table (to undefined: every page from `from` on), in COPY's text format,
 * which both databases read back exactly: a range of pages is read by a TID range scan, in pieces of bounded size.
 */
export function tablePages(db: Db, table: BackupTable, from: number, to: number | undefined) {
  const bounds = [`ctid >= '(${from},0)'::tid`, ...(to === undefined ? [] : [`ctid < '(${to},0)'::tid`])];
  const columns = table.columns.map(quote).join(', ');
  return copyOutBytes(db, `SELECT ${columns} FROM ${quote(table.name)} WHERE ${bounds.join(' AND ')}`);
}

/** Loads COPY text into a table, inside the caller's transaction. */
export function loadRows(db: Db, table: BackupTable, text: readonly Uint8Array[]) {
  return copyFromStdin(db, quote(table.name), table.columns.map(quote), text, 'text');
}

/**
 * Runs `load` with foreign keys and triggers off, in the caller's transaction, so rows load as they were in any
 * order. They were consistent when they were read; the state triggers would only redo (or double) what they hold.
 * On PostgreSQL this takes a superuser, as pg_restore's --disable-triggers does.
 */
export async function withoutTriggers<T>(db: Db, load: () => Promise<T>): Promise<T> {
  try {
    await sql`SET LOCAL session_replication_role = replica`.execute(db);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    throw new BackupError(
      '恢复备份需要 PostgreSQL 超级用户（与 pg_restore --disable-triggers 相同）',
      'restoring a backup takes a PostgreSQL superuser (as pg_restore --disable-triggers does)',
    );
  }
  const loaded = await load();
  await sql`SET LOCAL session_replication_role = origin`.execute(db);
  return loaded;
}

/**
 * Empties every table a restore fills (the rows the migrations seed among them), and with them the tables that
 * refer to them and are not backed up (sessions).
 */
export async function emptyTables(db: Db, tables: readonly BackupTable[]): Promise<void> {
  if (tables.length === 0) return;
  await sql.raw(`TRUNCATE ${tables.map((table) => quote(table.name)).join(', ')} CASCADE`).execute(db);
}

/** Every identity and serial column's sequence set past the largest id restored, so new rows get new ids. */
export async function resetSequences(db: Db): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; sequence: string }>`
    SELECT "table", "column", sequence
    FROM (
      SELECT c.relname AS "table", a.attname AS "column",
             pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relkind = 'r'
    ) columns
    WHERE sequence IS NOT NULL`.execute(db);
  for (const row of rows)
    await sql`SELECT setval(${row.sequence}::regclass, coalesce(max(${sql.ref(row.column)}), 0) + 1, false)
              FROM ${sql.table(row.table)}`.execute(db);
}

/** The public schema dropped with everything in it and made again, empty, for a restore to migrate and fill. */
export async function resetSchema(db: Db): Promise<void> {
  await sql`DROP SCHEMA public CASCADE`.execute(db);
  await sql`CREATE SCHEMA public`.execute(db);
}
