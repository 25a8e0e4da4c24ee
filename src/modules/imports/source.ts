import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { detectEncoding, type TextEncoding } from './formats/encoding.js';
import { detectDelimiter, readTextRecords, type Delimiter } from './formats/text-reader.js';
import { MissingSheetError, readXlsxRows } from './formats/xlsx-reader.js';

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
  /** The sheet read (XLSX), known once the first row has been read. */
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  /** The rows, once: a source is read in a single pass. */
  rows(): AsyncGenerator<SourceRow>;
  /** Share of the file read so far, 0…1, for the ETA. */
  progress(): number;
}

const SAMPLE_BYTES = 64 * 1024;

export class SourceError extends Error {}

/** The sheet asked for is not in the workbook. */
export class SheetNotFound extends SourceError {
  constructor(readonly sheet: string) {
    super(`no sheet named ${sheet}`);
  }
}

export function isSpreadsheet(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(extname(name));
}

export async function openSource(
  path: string,
  options: SourceOptions = {},
  displayName = path,
): Promise<Source> {
  const { size } = await stat(path);
  const fraction = (bytes: number) => (size === 0 ? 1 : Math.min(1, bytes / size));
  if (isSpreadsheet(displayName)) {
    const book = readXlsxRows(path, options.sheet);
    return {
      format: 'xlsx',
      get sheet() {
        return book.sheet();
      },
      get sheets() {
        return book.sheets();
      },
      async *rows() {
        try {
          yield* book.rows;
        } catch (error) {
          if (error instanceof MissingSheetError) throw new SheetNotFound(error.sheet);
          throw new SourceError(`not a readable XLSX file: ${(error as Error).message}`);
        }
      },
      progress: () => book.progress(),
    };
  }
  const sample = await readSample(path, Math.min(size, SAMPLE_BYTES));
  const detected = detectEncoding(sample);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bomLength;
  const delimiter =
    options.delimiter ??
    detectDelimiter(iconv.decode(sample.subarray(bomLength), encoding, { stripBOM: false }));
  const text = readTextRecords(path, { encoding, bomLength, delimiter });
  return {
    format: 'text',
    encoding,
    delimiter,
    progress: () => fraction(text.bytesRead()),
    async *rows() {
      let rowNumber = 0;
      for await (const cells of text.records) yield { rowNumber: ++rowNumber, cells };
    },
  };
}

async function readSample(path: string, length: number): Promise<Buffer> {
  const sample = Buffer.alloc(length);
  const file = await open(path, 'r');
  try {
    await file.read(sample, 0, length, 0);
  } finally {
    await file.close();
  }
  return sample;
}
