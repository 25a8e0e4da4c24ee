import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { XlsxWriter, type XlsxCell } from '../imports/formats/xlsx-writer.js';
import { guardFormula } from './formula-guard.js';

/** A cell of an exported list; money travels as a decimal string so CSV keeps it exact (XLSX holds numbers). */
export type ExportCell = XlsxCell | { readonly decimal: string };

export interface ExportTable {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: AsyncIterable<readonly ExportCell[]>;
}

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const contentTypes: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Streams the table into `output` and ends it; memory holds one batch of rows whatever the table's size. */
export async function writeTable(format: ExportFormat, output: Writable, table: ExportTable): Promise<void> {
  if (format === 'xlsx') {
    const book = new XlsxWriter(output);
    await book.sheet(table.sheet, xlsxRows(table), { widths: table.header.map(() => 16) });
    await book.finish();
    return;
  }
  await writeCsv(output, table);
}

async function* xlsxRows(table: ExportTable): AsyncGenerator<readonly XlsxCell[]> {
  yield table.header;
  for await (const row of table.rows)
    yield row.map((cell) =>
      cell !== null && typeof cell === 'object' && 'decimal' in cell ? Number(cell.decimal) : cell,
    );
}

const CSV_CHUNK = 64 * 1024;
/** Excel reads a CSV as the local ANSI code page unless it starts with a UTF-8 byte-order mark. */
const BOM = '\ufeff';

async function writeCsv(output: Writable, table: ExportTable): Promise<void> {
  let chunk = BOM + csvLine(table.header.map(guardFormula));
  for await (const row of table.rows) {
    chunk += csvLine(row.map(csvText));
    if (chunk.length >= CSV_CHUNK) {
      if (!output.write(chunk)) await once(output, 'drain');
      chunk = '';
    }
  }
  output.end(chunk);
  await once(output, 'finish');
}

function csvText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return guardFormula(cell);
  if (typeof cell === 'number') return String(cell);
  return 'decimal' in cell ? cell.decimal : cell.date;
}

function csvLine(cells: readonly (string | null)[]): string {
  return `${cells.map((cell) => csvField(cell ?? '')).join(',')}\r\n`;
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
