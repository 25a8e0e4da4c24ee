import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';
import { from as copyFrom } from 'pg-copy-streams';

/** A field in COPY's text format: its PostgreSQL text form, or null for SQL NULL. */
export type CopyField = string | null;
export type CopyRow = CopyField[];

/** Rows per string handed to the COPY stream: large enough to amortise, small enough not to double the chunk. */
const ROWS_PER_PART = 5000;

/** COPY's text format: tab-separated, \N for NULL, backslash escapes for the four characters that need them. */
export function* copyTextParts(rows: Iterable<CopyRow>): Generator<string> {
  let text = '';
  let count = 0;
  for (const row of rows) {
    text += copyLine(row);
    if (++count === ROWS_PER_PART) {
      yield text;
      text = '';
      count = 0;
    }
  }
  if (text) yield text;
}

const copyLine = (row: CopyRow) => row.map(copyField).join('\t') + '\n';

/**
 * Rows in COPY's text format, encoded as they are added into one buffer: a batch waiting to be written is held as
 * bytes off the heap, not as arrays of strings. An import adds its rows over many turns of the event loop, so a batch
 * of arrays outlived the young generation's collections and every row was promoted to the old one — ≈ 70 MB of
 * garbage for 300,000 rows, still uncollected when the database's merge ran.
 */
export class CopyTextBuffer {
  private bytes = Buffer.allocUnsafe(1024 * 1024);
  private used = 0;
  rows = 0;

  add(row: CopyRow): void {
    const line = copyLine(row);
    // Three bytes per UTF-16 unit is UTF-8's most: room is made without measuring the line first.
    const most = line.length * 3;
    if (this.used + most > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(larger, 0, 0, this.used);
      this.bytes = larger;
    }
    this.used += this.bytes.write(line, this.used, 'utf8');
    this.rows++;
  }

  /** The rows added since the last take, as COPY text; the buffer starts again empty. */
  take(): Buffer {
    const text = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.used = 0;
    this.rows = 0;
    return text;
  }
}

const needsEscape = /[\\\t\n\r]/;
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(field: CopyField): string {
  if (field === null) return '\\N';
  return needsEscape.test(field) ? field.replace(/[\\\t\n\r]/g, (char) => escapes[char] ?? char) : field;
}

const MARK = '/* copy from stdin */ ';

/**
 * Streams COPY's binary format (`binaryCopyParts`) into `table` with COPY FROM STDIN on the connection `db` runs on,
 * and so inside its transaction. Kysely does not hand out its pg client, so the statement travels marked, with the
 * parts as its one parameter: the pool Kysely is given on PostgreSQL (`preparingPool`) runs it through
 * pg-copy-streams, and PGlite's adapter (`pgliteWithCopy`) reads the parts from a blob.
 */
export async function copyFromStdin(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  parts: Iterable<Uint8Array>,
  format: 'binary' | 'text' = 'binary',
): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(`${MARK}COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT ${format})`, [
      parts,
    ]),
  );
}

/** The marked COPY statement's text, or undefined for any other query. */
export const markedCopy = (text: string): string | undefined =>
  text.startsWith(MARK) ? text.slice(MARK.length) : undefined;

/** Runs a marked COPY on a pg client: the source's parts are piped into the server. */
export async function runCopy(
  client: pg.PoolClient,
  statement: string,
  source: Iterable<string | Uint8Array>,
): Promise<{ command: string; rowCount: number; rows: never[] }> {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(source), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}
