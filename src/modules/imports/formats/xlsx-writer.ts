import type { Writable } from 'node:stream';
import { isoToExcelSerial } from './excel-dates.js';
import { columnLetters, encodeXml } from './xml.js';
import { ZipWriter } from './zip-writer.js';

/** A cell: text, a number, or a date ('YYYY-MM-DD[ HH:MM:SS]') written as an Excel date; null is empty. */
export type XlsxCell = string | number | { readonly date: string } | null;

export interface SheetOptions {
  /** Ranges such as 'A1:B1' to merge (headers spanning columns or rows). */
  readonly merges?: readonly string[];
  /** Widths of the first columns, in characters. */
  readonly widths?: readonly number[];
}

const PIECE_CHARS = 256 * 1024;

/**
 * A streaming XLSX writer: sheets are written one after the other, rows as inline strings, so memory holds one
 * piece of XML whatever the number of rows.
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly sheetNames: string[] = [];

  constructor(output: Writable) {
    this.zip = new ZipWriter(output);
  }

  async sheet(
    name: string,
    rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
    options: SheetOptions = {},
  ): Promise<void> {
    this.sheetNames.push(name);
    await this.zip.entry(`xl/worksheets/sheet${this.sheetNames.length}.xml`, sheetPieces(rows, options));
  }

  async finish(): Promise<void> {
    const sheets = this.sheetNames;
    await this.zip.entry('[Content_Types].xml', [contentTypes(sheets.length)]);
    await this.zip.entry('_rels/.rels', [ROOT_RELS]);
    await this.zip.entry('xl/workbook.xml', [workbook(sheets)]);
    await this.zip.entry('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
    await this.zip.entry('xl/styles.xml', [STYLES]);
    await this.zip.finish();
  }
}

async function* sheetPieces(
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>,
  options: SheetOptions,
): AsyncGenerator<string> {
  let piece = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">`;
  if (options.widths?.length) {
    piece += `<cols>${options.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
  }
  piece += '<sheetData>';
  let rowNumber = 0;
  for await (const row of rows) {
    rowNumber++;
    piece += rowXml(rowNumber, row);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  piece += '</sheetData>';
  if (options.merges?.length) {
    piece += `<mergeCells count="${options.merges.length}">${options.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  }
  yield `${piece}</worksheet>`;
}

function rowXml(rowNumber: number, row: readonly XlsxCell[]): string {
  let xml = `<row r="${rowNumber}">`;
  row.forEach((cell, column) => {
    if (cell === null || cell === '') return;
    const ref = `${columnLetters(column)}${rowNumber}`;
    if (typeof cell === 'number') xml += `<c r="${ref}"><v>${cell}</v></c>`;
    else if (typeof cell === 'string')
      xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${encodeXml(cell)}</t></is></c>`;
    else
      xml += `<c r="${ref}" s="${cell.date.length > 10 ? 2 : 1}"><v>${isoToExcelSerial(cell.date)}</v></c>`;
  });
  return `${xml}</row>`;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ROOT_RELS = `${HEADER}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Style 1: date (built-in format 14); style 2: date and time (format 22). */
const STYLES = `${HEADER}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

function workbook(names: readonly string[]): string {
  const sheets = names
    .map((name, i) => `<sheet name="${encodeXml(name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `${HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${HEADER}<Relationships xmlns="${PKG_REL_NS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}
