import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { isoToDate } from './excel-dates.js';

/** A cell: text, a number, or a date ('YYYY-MM-DD[ HH:MM:SS]') written as an Excel date; null is empty. */
export type XlsxCell = string | number | { readonly date: string } | null;

export interface SheetOptions {
  /** Ranges such as 'A1:B1' to merge (headers spanning columns or rows). */
  readonly merges?: readonly string[];
  /** Widths of the first columns, in characters. */
  readonly widths?: readonly number[];
}

/**
 * exceljs's streaming writer: each row is committed as it is added, so memory holds one row whatever the number of
 * rows. Sheets are written one after the other; `finish` ends the output stream.
 */
export class XlsxWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;

  /**
   * `sharedStrings`: text cells go to the workbook's shared strings table, as Excel saves them (held in memory until
   * the end); by default they are written inline, row by row.
   */
  constructor(output: Writable, options: { readonly sharedStrings?: boolean } = {}) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: options.sharedStrings ?? false,
    });
  }

  async sheet(
    name: string,
    rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
    options: SheetOptions = {},
  ): Promise<void> {
    const sheet = this.book.addWorksheet(name.slice(0, 31));
    if (options.widths?.length) sheet.columns = options.widths.map((width) => ({ width }));
    // A merge needs its rows uncommitted: rows are held until the lowest merged row has been added.
    const merges = options.merges ?? [];
    const lastMergedRow = Math.max(0, ...merges.map((range) => Number(/(\d+)$/.exec(range)?.[1] ?? 0)));
    let merged = merges.length === 0;
    const applyMerges = () => {
      for (const range of merges) sheet.mergeCells(range);
      merged = true;
    };
    for await (const cells of rows) {
      const row = sheet.addRow(cells.map(cellValue));
      cells.forEach((cell, index) => {
        if (cell !== null && typeof cell === 'object')
          row.getCell(index + 1).numFmt = cell.date.length > 10 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
      });
      if (!merged && row.number >= lastMergedRow) applyMerges();
      if (merged) row.commit();
    }
    if (!merged) applyMerges();
    sheet.commit();
  }

  async finish(): Promise<void> {
    await this.book.commit();
  }
}

function cellValue(cell: XlsxCell): ExcelJS.CellValue {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'object') return isoToDate(cell.date);
  return cell;
}
