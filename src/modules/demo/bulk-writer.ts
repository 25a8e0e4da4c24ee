import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { from as copyFrom } from 'pg-copy-streams';
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
  release(): Promise<void>;
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
  return {
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as T[],
    write: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(copyTextParts(rows)), copy);
    },
    release: async () => client.release(),
  };
}

function pgliteSession(pglite: PGlite, method: PgliteMethod): BulkSession {
  return {
    query: async <T>(text: string, params?: readonly unknown[]) =>
      (await pglite.query<T>(text, params as unknown[] | undefined)).rows,
    write: async (table, columns, rows) => {
      if (rows.length === 0) return;
      if (method === 'copy') {
        const blob = new Blob([...copyTextParts(rows)]);
        await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
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
  };
}

const INSERT_BATCH = 2000;
/** Rows per string handed to the COPY stream: large enough to amortise, small enough not to double the chunk. */
const ROWS_PER_PART = 5000;

/** COPY's text format: tab-separated, \N for NULL, backslash escapes for the four characters that need them. */
export function* copyTextParts(rows: readonly Row[]): Generator<string> {
  for (let from = 0; from < rows.length; from += ROWS_PER_PART) {
    let text = '';
    const to = Math.min(rows.length, from + ROWS_PER_PART);
    for (let i = from; i < to; i++) text += (rows[i] as Row).map(copyField).join('\t') + '\n';
    yield text;
  }
}

const needsEscape = /[\\\t\n\r]/;
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(field: Field): string {
  if (field === null) return '\\N';
  return needsEscape.test(field) ? field.replace(/[\\\t\n\r]/g, (char) => escapes[char] ?? char) : field;
}

function sqlLiteral(field: Field): string {
  return field === null ? 'NULL' : `'${field.replaceAll("'", "''")}'`;
}
