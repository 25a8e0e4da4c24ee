import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Database } from '../../db/database.js';
import { borrowedClientPool } from '../../db/prepared.js';
import { pgliteWithCopy } from '../../db/pglite-copy.js';
import { copyTextParts, runCopy } from '../../db/copy.js';
import type { DatabaseHandle } from '../../db/connect.js';
import type { Field, Row } from './tables.js';

/**
 * One connection that a bulk load runs on, from BEGIN to COMMIT: raw SQL plus a bulk write of many rows. On
 * PostgreSQL the bulk write is COPY FROM STDIN on a pooled client; on PGlite it is COPY from a blob (the default,
 * measured faster) or multi-row INSERTs.
 */
export interface BulkSession {
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  write(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void>;
  /** Rows already in COPY's text format (`CopyTextBuffer`). */
  writeCopyText(table: string, columns: readonly string[], text: Uint8Array): Promise<void>;
  release(): Promise<void>;
  /** The same connection, inside the same transaction, for the product's services (an import's re-grade). */
  readonly db: Kysely<Database>;
}

export type PgliteMethod = 'copy' | 'insert';

export async function openBulkSession(
  handle: DatabaseHandle,
  pgliteMethod: PgliteMethod = 'copy',
): Promise<BulkSession> {
  if (handle.pool) return postgresSession(await handle.pool.connect());
  if (handle.pglite) return pgliteSession(handle.pglite, pgliteMethod);
  throw new Error(`database handle of kind ${handle.kind} exposes neither a pool nor a PGlite instance`);
}

function postgresSession(client: pg.PoolClient): BulkSession {
  const copy = async (table: string, columns: readonly string[], parts: Iterable<string | Uint8Array>) => {
    await runCopy(client, `COPY ${table} (${columns.join(', ')}) FROM STDIN`, parts);
  };
  return {
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as T[],
    write: async (table, columns, rows) => {
      if (rows.length > 0) await copy(table, columns, copyTextParts(rows));
    },
    writeCopyText: async (table, columns, text) => {
      if (text.length > 0) await copy(table, columns, [text]);
    },
    release: async () => client.release(),
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: borrowedClientPool(client) }) }),
  };
}

function pgliteSession(pglite: PGlite, method: PgliteMethod): BulkSession {
  const copy = async (table: string, columns: readonly string[], parts: Array<string | Uint8Array>) => {
    const blob = new Blob(parts);
    await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
  };
  return {
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await pglite.query<T>(text, params as unknown[] | undefined)).rows,
    writeCopyText: async (table, columns, text) => {
      if (text.length > 0) await copy(table, columns, [text]);
    },
    write: async (table, columns, rows) => {
      if (rows.length === 0) return;
      if (method === 'copy') {
        await copy(table, columns, [...copyTextParts(rows)]);
        return;
      }
      for (let from = 0; from < rows.length; from += INSERT_BATCH) {
        const values = rows
          .slice(from, from + INSERT_BATCH)
          .map((row) => `(${row.map(sqlLiteral).join(',')})`);
        await pglite.exec(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(',')}`);
      }
    },
    release: async () => undefined,
    // PGlite is one connection: queries through it run in the transaction the session began.
    db: new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pgliteWithCopy(pglite) }) }),
  };
}

const INSERT_BATCH = 2000;

function sqlLiteral(field: Field): string {
  return field === null ? 'NULL' : `'${field.replaceAll("'", "''")}'`;
}
