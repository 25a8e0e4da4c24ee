import { excelSerialToIso } from './excel-dates.js';
import { attribute, columnIndex, decodeXml } from './xml.js';
import { openZipEntry, readZipDirectory, readZipText, type ZipEntry } from './zip-reader.js';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  readonly rowNumber: number;
  readonly cells: string[];
}

export interface XlsxBook {
  readonly sheets: readonly string[];
  /** Streams the rows of a sheet; cells are text, dates (date-formatted numbers) ISO text. */
  rows(sheet: string): AsyncGenerator<SheetRow>;
  /** Uncompressed size of a sheet's XML, for progress. */
  sheetSize(sheet: string): number;
  bytesRead(): number;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57, 58,
]);

export async function openXlsx(path: string): Promise<XlsxBook> {
  const entries = await readZipDirectory(path);
  const text = async (name: string) => {
    const entry = entries.get(name);
    return entry ? readZipText(path, entry) : '';
  };
  const sheetTargets = readSheetTargets(
    await text('xl/workbook.xml'),
    await text('xl/_rels/workbook.xml.rels'),
  );
  const sharedStrings = readSharedStrings(await text('xl/sharedStrings.xml'));
  const dateStyles = readDateStyles(await text('xl/styles.xml'));
  let read = 0;
  const entryOf = (sheet: string): ZipEntry => {
    const target = sheetTargets.get(sheet);
    const entry = target === undefined ? undefined : entries.get(target);
    if (!entry) throw new Error(`no sheet named ${sheet}`);
    return entry;
  };
  return {
    sheets: [...sheetTargets.keys()],
    sheetSize: (sheet) => entryOf(sheet).compressedSize,
    bytesRead: () => read,
    async *rows(sheet) {
      const stream = await openZipEntry(path, entryOf(sheet));
      const decoder = new TextDecoder('utf-8');
      let buffer = '';
      let expected = 1;
      let compressedSeen = 0;
      for await (const chunk of stream) {
        compressedSeen += (chunk as Buffer).length;
        read = compressedSeen;
        buffer += decoder.decode(chunk as Buffer, { stream: true });
        let consumed = 0;
        for (const match of buffer.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
          const rowNumber = Number(attribute(match[1] ?? '', 'r') ?? expected);
          expected = rowNumber + 1;
          consumed = (match.index ?? 0) + match[0].length;
          yield { rowNumber, cells: readCells(match[2] ?? '', sharedStrings, dateStyles) };
        }
        buffer = buffer.slice(consumed);
      }
    },
  };
}

function readSheetTargets(workbook: string, relations: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(match[0], 'name');
    const id = attribute(match[0], 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) sheets.set(name, target);
  }
  return sheets;
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) strings.push(textRuns(match[1] ?? ''));
  return strings;
}

function textRuns(xml: string): string {
  let text = '';
  for (const run of xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += decodeXml(run[1] ?? '');
  return text;
}

/** Style indexes whose number format shows a date, so their numbers are Excel serial dates. */
function readDateStyles(xml: string): Set<number> {
  const customDate = new Set<number>();
  for (const match of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attribute(match[0], 'numFmtId'));
    const code = (attribute(match[0], 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if (/[ymdhs]/i.test(code) && !/^general$/i.test(code)) customDate.add(id);
  }
  const styles = new Set<number>();
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const match of cellXfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attribute(match[0], 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

function readCells(xml: string, sharedStrings: readonly string[], dateStyles: Set<number>): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1] ?? '';
    const reference = attribute(attributes, 'r');
    const column = reference ? columnIndex(reference) : next;
    next = column + 1;
    while (cells.length < column) cells.push('');
    cells.push(cellText(attributes, match[2] ?? '', sharedStrings, dateStyles));
  }
  return cells;
}

function cellText(
  attributes: string,
  body: string,
  sharedStrings: readonly string[],
  dateStyles: Set<number>,
): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') return textRuns(body);
  const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (value === undefined) return '';
  if (type === 's') return sharedStrings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  if (type !== 'n') return decodeXml(value);
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  if (dateStyles.has(Number(attribute(attributes, 's') ?? -1))) return excelSerialToIso(number);
  return cleanNumber(number);
}

/** Excel keeps 15 significant digits; binary noise beyond them (12.300000000000001) is dropped. */
function cleanNumber(number: number): string {
  if (Number.isInteger(number)) return String(number);
  return String(Number(number.toPrecision(15)));
}
