import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvParser, detectDelimiter, type Delimiter } from './formats/csv-parser.js';
import { detectEncoding, type TextEncoding } from './formats/encoding.js';
import { openXlsx } from './formats/xlsx-reader.js';

export interface SourceRow {
  /** 1-based: the record number in a text file, the Excel row number in a sheet. */
  readonly rowNumber: number;
  readonly cells: string[];
}

export interface SourceOptions {
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
}

export interface Source {
  readonly format: 'text' | 'xlsx';
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  rows(): AsyncGenerator<SourceRow>;
  /** Share of the file read so far, 0…1, for the ETA. */
  progress(): number;
}

const SAMPLE_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

export class SourceError extends Error {}

export async function openSource(
  path: string,
  options: SourceOptions = {},
  displayName = path,
): Promise<Source> {
  if (/\.(xlsx|xlsm)$/i.test(extname(displayName))) return openSheet(path, options);
  return openText(path, options);
}

async function openSheet(path: string, options: SourceOptions): Promise<Source> {
  const book = await openXlsx(path).catch((error: unknown) => {
    throw new SourceError(`not a readable XLSX file: ${(error as Error).message}`);
  });
  const sheet = options.sheet ?? (await firstSheetWithData(book.sheets, (name) => book.rows(name)));
  if (sheet === undefined || !book.sheets.includes(sheet))
    throw new SourceError(`no sheet named ${options.sheet ?? ''}`);
  const size = book.sheetSize(sheet) || 1;
  return {
    format: 'xlsx',
    sheet,
    sheets: book.sheets,
    rows: () => book.rows(sheet),
    progress: () => Math.min(1, book.bytesRead() / size),
  };
}

/** Without --sheet, the first sheet that has a row (workbooks often start with an empty or cover sheet). */
async function firstSheetWithData(
  sheets: readonly string[],
  rows: (sheet: string) => AsyncGenerator<SourceRow>,
): Promise<string | undefined> {
  for (const sheet of sheets) {
    const iterator = rows(sheet);
    const first = await iterator.next();
    await iterator.return(undefined);
    if (!first.done && first.value.cells.some((cell) => cell.trim() !== '')) return sheet;
  }
  return sheets[0];
}

async function openText(path: string, options: SourceOptions): Promise<Source> {
  const { size } = await stat(path);
  const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
  const file = await open(path, 'r');
  try {
    await file.read(sample, 0, sample.length, 0);
  } finally {
    await file.close();
  }
  const detected = detectEncoding(sample);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bomLength;
  const delimiter =
    options.delimiter ?? detectDelimiter(new TextDecoder(encoding).decode(sample.subarray(bomLength)));
  let read = 0;
  return {
    format: 'text',
    encoding,
    delimiter,
    progress: () => (size === 0 ? 1 : Math.min(1, read / size)),
    async *rows() {
      const decoder = new TextDecoder(encoding, { fatal: false });
      const parser = new CsvParser(delimiter);
      let rowNumber = 0;
      let ready: string[][] = [];
      const collect = (record: string[]) => ready.push(record);
      const stream = createReadStream(path, { start: bomLength, highWaterMark: READ_CHUNK });
      for await (const chunk of stream) {
        read += (chunk as Buffer).length;
        parser.feed(decoder.decode(chunk as Buffer, { stream: true }), collect);
        const batch = ready;
        ready = [];
        for (const cells of batch) yield { rowNumber: ++rowNumber, cells };
      }
      parser.feed(decoder.decode(), collect);
      parser.end(collect);
      for (const cells of ready) yield { rowNumber: ++rowNumber, cells };
    },
  };
}
