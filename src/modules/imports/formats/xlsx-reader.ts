import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { dateToIso } from './excel-dates.js';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  readonly rowNumber: number;
  readonly cells: string[];
}

export interface XlsxRows {
  /** The rows of the wanted sheet, or without one of the first sheet that has a non-blank row. */
  readonly rows: AsyncIterable<SheetRow>;
  /** The sheet being read, once its first row has been read. */
  sheet(): string | undefined;
  /** The workbook's sheet names, once reading has started. */
  sheets(): readonly string[];
  bytesRead(): number;
}

export class MissingSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`no sheet named ${sheet}`);
  }
}

/**
 * Streams one sheet with exceljs's streaming reader: memory holds the shared strings and one row, whatever the size
 * of the sheet. The streaming reader does not report merged ranges (they follow the rows in the sheet's XML, too late
 * for a stream anyway); a merged cell's value sits in its first cell and the others read as blank, which is what the
 * header detection expects.
 */
export function readXlsxRows(path: string, wanted?: string): XlsxRows {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const book = new ExcelJS.stream.xlsx.WorkbookReader(file, { styles: 'cache', hyperlinks: 'ignore' });
  let chosen: string | undefined;
  const sheetNames = () => (book.model?.sheets ?? []).map((sheet) => sheet.name);
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for await (const worksheet of book) {
        const name = (worksheet as unknown as { name: string }).name;
        if (wanted !== undefined && name !== wanted) {
          // Read through, not skipped: exceljs deletes the temp file of a sheet stored before the shared strings
          // once passed, and a sheet left unread would then fail to open it (an uncaught ENOENT).
          for await (const _row of worksheet) continue;
          continue;
        }
        let found = wanted !== undefined;
        if (found) chosen = name;
        for await (const row of worksheet) {
          const cells = rowCells(row);
          if (!found) {
            if (cells.every((cell) => cell.trim() === '')) continue;
            found = true;
            chosen = name;
          }
          yield { rowNumber: row.number, cells };
        }
        if (found) return;
      }
      if (wanted !== undefined) throw new MissingSheetError(wanted);
    } finally {
      file.destroy();
    }
  }
  return { rows: rows(), sheet: () => chosen, sheets: sheetNames, bytesRead: () => file.bytesRead };
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as readonly ExcelJS.CellValue[];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
  return cells;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return cleanNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToIso(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return '';
}

/** Excel keeps 15 significant digits; binary noise beyond them (12.300000000000001) is dropped. */
function cleanNumber(number: number): string {
  if (Number.isInteger(number)) return String(number);
  return String(Number(number.toPrecision(15)));
}
