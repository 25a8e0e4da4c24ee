import type { Context } from 'hono';
import { PassThrough, Readable } from 'node:stream';
import { contentTypes, writeTable, type ExportFormat, type ExportTable } from './table-output.js';

/**
 * A streamed file response: the table is written into the body as the client reads it, so a list of a million rows
 * never sits in memory. A failure half-way aborts the body (the client sees a broken download, not a short file).
 */
export function downloadResponse(c: Context, format: ExportFormat, filename: string, table: ExportTable) {
  const body = new PassThrough();
  writeTable(format, body, table).catch((error: unknown) => body.destroy(error as Error));
  return c.body(Readable.toWeb(body) as ReadableStream<Uint8Array>, 200, {
    'content-type': contentTypes[format],
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${filename}.${format}`)}`,
  });
}
