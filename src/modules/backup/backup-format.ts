import { z } from 'zod';

/**
 * A backup file, gzip-compressed: one JSON line naming the backup, then per table a JSON line naming the table and
 * its columns followed by its rows in PostgreSQL's COPY text format and a line `\.` (COPY writes a backslash in
 * data as `\\`, so no row is that line), and last a JSON line with every table's row count, without which the file
 * is incomplete. COPY text is read back exactly by PostgreSQL and by PGlite alike, so a backup of one restores
 * into the other.
 */
export const BACKUP_FORMAT = 'stratum-backup';
export const END_OF_ROWS = '\\.';

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  /** The schema the rows fit: the last migration applied where they were read. */
  migration: z.string().min(1),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const TableStart = z.object({ table: z.string().min(1), columns: z.array(z.string()).min(1) });

export const BackupEnd = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int()) });

export class BackupError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'BackupError';
  }
}

const NEWLINE = 10;

/** The lines of a byte stream (without their newline), each a view of the bytes read, never decoded. */
export async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, at);
      yield carry ? Buffer.concat([carry, piece]) : piece;
      carry = undefined;
      start = at + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      carry = carry ? Buffer.concat([carry, rest]) : Buffer.from(rest);
    }
  }
  if (carry?.length) yield carry;
}

/** A JSON line of the file read by its schema; anything else is a damaged or foreign file. */
export function parseLine<T>(line: Buffer | undefined, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = line === undefined ? undefined : JSON.parse(line.toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BackupError(
      `备份文件已损坏或不是 Stratum 备份（${what}）`,
      `not a whole Stratum backup (${what})`,
    );
  return parsed.data;
}
