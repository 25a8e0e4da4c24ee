import { excelSerialToIso } from './excel-dates.js';
import { readWorkbook, readWorkbookIndex, scanEntry, unescapeOoxml, type Workbook } from './xlsx-parts.js';
import type { Tag, XmlHandler } from './xml-scanner.js';
import { openZip, type ZipArchive, type ZipEntry } from './zip-archive.js';

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
  /** Share of the reading done, 0…1: the shared strings' compressed bytes and the sheet's, as read so far. */
  progress(): number;
}

export class MissingSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`no sheet named ${sheet}`);
  }
}

/**
 * Streams one sheet of an XLSX (or XLSM) file: the archive is read by its directory, the sheet's XML inflated and
 * scanned as it arrives, so memory holds the shared strings and a few rows whatever the size of the sheet. A number
 * in a date or time format reads as 'YYYY-MM-DD[ HH:MM:SS]'; other numbers as Excel shows them at 15 significant
 * digits; booleans as TRUE/FALSE; a formula as its last computed value. Merged ranges are not applied: a merged
 * cell's value sits in its first cell and the others read as blank, which is what the header detection expects.
 */
export function readXlsxRows(path: string, wanted?: string): XlsxRows {
  let names: readonly string[] = [];
  let chosen: string | undefined;
  const read = { strings: 0, stringsSize: 0, sheet: 0, sheetSize: 0 };
  async function* rows(): AsyncGenerator<SheetRow> {
    const zip = await openZip(path);
    const index = await readWorkbookIndex(zip);
    names = index.sheets.map((sheet) => sheet.name);
    const candidates = wanted === undefined ? index.sheets : index.sheets.filter((s) => s.name === wanted);
    if (wanted !== undefined && candidates.length === 0) throw new MissingSheetError(wanted);
    read.stringsSize = index.sharedStrings?.compressedSize ?? 0;
    read.sheetSize = candidates[0]?.entry.compressedSize ?? 0;
    const book = await readWorkbook(zip, index, (bytes) => (read.strings = bytes));
    for (const { name, entry } of candidates) {
      let found = wanted !== undefined;
      if (found) chosen = name;
      read.sheet = 0;
      read.sheetSize = entry.compressedSize;
      for await (const row of sheetRows(zip, entry, book, (bytes) => (read.sheet = bytes))) {
        if (!found) {
          if (row.cells.every((cell) => cell.trim() === '')) continue;
          found = true;
          chosen = name;
        }
        yield row;
      }
      if (found) return;
    }
  }
  const progress = () => {
    const size = read.stringsSize + read.sheetSize;
    return size === 0 ? 0 : Math.min(1, (read.strings + read.sheet) / size);
  };
  return { rows: rows(), sheet: () => chosen, sheets: () => names, progress };
}

async function* sheetRows(
  zip: ZipArchive,
  entry: ZipEntry,
  book: Workbook,
  consumed: (compressedBytes: number) => void,
): AsyncGenerator<SheetRow> {
  const sheet = new SheetHandler(book);
  for await (const _chunk of scanEntry(zip, entry, sheet, consumed)) yield* sheet.take();
}

const CHAR_R = 0x72;
const CHAR_S = 0x73;
const CHAR_T = 0x74;

const enum CellType {
  Number,
  Shared,
  Inline,
  Text,
  Boolean,
  IsoDate,
}

/** Collects the rows of a worksheet's `sheetData` as the scanner reports its elements. */
class SheetHandler implements XmlHandler {
  wantsText = false;
  done = false;
  private ready: SheetRow[] = [];
  private rowNumber = 0;
  private cells: string[] = [];
  private column = 0;
  private type = CellType.Number;
  private dateStyle = false;
  private value = '';
  private inInline = false;
  private inPhonetic = false;

  constructor(private readonly book: Workbook) {}

  take(): SheetRow[] {
    const rows = this.ready;
    this.ready = [];
    return rows;
  }

  open(tag: Tag): void {
    if (tag.is('c')) this.startCell(tag);
    else if (tag.is('v')) this.wantsText = true;
    else if (tag.is('t')) this.wantsText = this.inInline && !this.inPhonetic;
    else if (tag.is('row')) {
      this.rowNumber = tag.find('r') ? digits(tag.text, tag.valueStart, tag.valueEnd) : this.rowNumber + 1;
      this.cells = [];
      this.column = 0;
    } else if (tag.is('is')) this.inInline = true;
    else if (tag.is('rPh')) this.inPhonetic = true;
  }

  close(tag: Tag): void {
    if (tag.is('c')) this.endCell();
    else if (tag.is('v') || tag.is('t')) this.wantsText = false;
    else if (tag.is('row')) this.ready.push({ rowNumber: this.rowNumber, cells: this.cells });
    else if (tag.is('is')) this.inInline = false;
    else if (tag.is('rPh')) this.inPhonetic = false;
    else if (tag.is('sheetData')) this.done = true;
  }

  text(text: string): void {
    this.value += text;
  }

  private startCell(tag: Tag): void {
    let column = this.column + 1;
    this.type = CellType.Number;
    this.dateStyle = false;
    while (tag.nextAttribute()) {
      if (tag.attributeIsChar(CHAR_R)) column = columnOf(tag.text, tag.valueStart, tag.valueEnd);
      else if (tag.attributeIsChar(CHAR_T))
        this.type = cellType(tag.text.slice(tag.valueStart, tag.valueEnd));
      else if (tag.attributeIsChar(CHAR_S))
        this.dateStyle = this.book.dateStyles[digits(tag.text, tag.valueStart, tag.valueEnd)] === true;
    }
    this.column = column;
    this.value = '';
  }

  private endCell(): void {
    const text = this.cellText();
    if (text === '') return;
    const cells = this.cells;
    const index = this.column - 1;
    while (cells.length < index) cells.push('');
    cells[index] = text;
  }

  private cellText(): string {
    const value = this.value;
    switch (this.type) {
      case CellType.Shared:
        return this.book.strings.get(Number(value)) ?? '';
      case CellType.Inline:
        return unescapeOoxml(value);
      case CellType.Text:
        return value;
      case CellType.Boolean:
        return value === '' ? '' : Number(value) !== 0 ? 'TRUE' : 'FALSE';
      case CellType.IsoDate:
        return isoDateText(value);
      default: {
        if (value === '') return '';
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        if (this.dateStyle) return excelSerialToIso(this.book.date1904 ? number + 1462 : number);
        return numberText(value, number);
      }
    }
  }
}

function cellType(type: string): CellType {
  switch (type) {
    case 's':
      return CellType.Shared;
    case 'inlineStr':
      return CellType.Inline;
    case 'str':
    case 'e':
      return CellType.Text;
    case 'b':
      return CellType.Boolean;
    case 'd':
      return CellType.IsoDate;
    default:
      return CellType.Number;
  }
}

/** A cell reference's column, 1-based, from its letters ('B7' → 2, 'AA1' → 27). */
function columnOf(text: string, start: number, end: number): number {
  let column = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

function digits(text: string, start: number, end: number): number {
  let number = 0;
  for (let at = start; at < end; at++) number = number * 10 + (text.charCodeAt(at) - 0x30);
  return number;
}

/** A cell of type `d` holds an ISO 8601 date-time; it reads as the other dates do. */
function isoDateText(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match) return value;
  const time = match[2] === undefined ? '00:00:00' : match[2].length === 5 ? `${match[2]}:00` : match[2];
  return time === '00:00:00' ? match[1]! : `${match[1]} ${time}`;
}

/** A plain decimal of at most 15 significant digits, as Excel writes most amounts: it reads as written. */
const SHORT_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{0,14}[1-9]$/;

/** Excel keeps 15 significant digits; binary noise beyond them (12.300000000000001) is dropped. */
function numberText(text: string, number: number): string {
  if (Number.isInteger(number)) return String(number);
  if (text.length <= 16 && SHORT_DECIMAL.test(text)) return text;
  return String(Number(number.toPrecision(15)));
}
