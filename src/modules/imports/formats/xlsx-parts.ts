import { PackedStrings } from './packed-strings.js';
import { XmlScanner, type Tag, type XmlHandler } from './xml-scanner.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

/** An XLSX package's index: its worksheets and where its shared strings and styles are. */
export interface WorkbookIndex {
  /** Worksheets in the order Excel shows them, with their part in the archive. */
  readonly sheets: readonly { readonly name: string; readonly entry: ZipEntry }[];
  /** Serials count from 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  readonly date1904: boolean;
  readonly sharedStrings?: ZipEntry;
  readonly styles?: ZipEntry;
}

/** What must be known before any sheet is read: the index, the shared strings and which styles are dates. */
export interface Workbook extends WorkbookIndex {
  readonly strings: PackedStrings;
  /** Per cell style index: whether a number in that style is a date or time. */
  readonly dateStyles: readonly boolean[];
}

export async function readWorkbookIndex(zip: ZipArchive): Promise<WorkbookIndex> {
  const workbookPath = (await relationships(zip, '_rels/.rels', '')).find((r) =>
    r.type.endsWith('/officeDocument'),
  )?.target;
  if (!workbookPath) throw new Error('no workbook in the package');
  const workbookRels = await relationships(zip, relsPathOf(workbookPath), directoryOf(workbookPath));
  // Transitional and Strict OOXML name the relationship types under different roots.
  const partOf = (type: string) => {
    const target = workbookRels.find((r) => r.type.endsWith(`/${type}`))?.target;
    return target === undefined ? undefined : zip.entry(target);
  };
  const book = await workbookPart(zip, workbookPath);
  const sheets = book.sheets.flatMap(({ name, relationship }) => {
    const rel = workbookRels.find((r) => r.id === relationship);
    const entry = rel?.type.endsWith('/worksheet') ? zip.entry(rel.target) : undefined;
    return entry ? [{ name, entry }] : [];
  });
  return {
    sheets,
    date1904: book.date1904,
    sharedStrings: partOf('sharedStrings'),
    styles: partOf('styles'),
  };
}

/** Reads the shared strings (`consumed`: their compressed bytes read so far) and the styles. */
export async function readWorkbook(
  zip: ZipArchive,
  index: WorkbookIndex,
  consumed?: (compressedBytes: number) => void,
): Promise<Workbook> {
  return {
    ...index,
    strings: index.sharedStrings
      ? await sharedStrings(zip, index.sharedStrings, consumed)
      : new PackedStrings(),
    dateStyles: index.styles ? await dateStyles(zip, index.styles) : [],
  };
}

/** Scans a part of the package with `handler`; a part the package lacks scans as empty. */
async function scanPart(
  zip: ZipArchive,
  part: string | ZipEntry,
  handler: XmlHandler,
  consumed?: (compressedBytes: number) => void,
): Promise<void> {
  const entry = typeof part === 'string' ? zip.entry(part) : part;
  if (entry) for await (const _chunk of scanEntry(zip, entry, handler, consumed)) continue;
}

/**
 * Scans an entry's XML with `handler` as it is inflated, pausing after each chunk so that the caller can take
 * what the handler has collected; ends early once the handler is done.
 */
export async function* scanEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  handler: XmlHandler,
  consumed?: (compressedBytes: number) => void,
): AsyncGenerator<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.chunks(entry, consumed)) {
    scanner.feed(decoder.decode(chunk, { stream: true }));
    yield;
    if (handler.done) return;
  }
  scanner.feed(decoder.decode());
  scanner.end();
  yield;
}

/** A handler for parts read only for some elements' attributes. */
function onElements(open: (tag: Tag) => void): XmlHandler {
  return { open, close: () => undefined, text: () => undefined, wantsText: false };
}

const directoryOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsPathOf = (path: string) =>
  `${directoryOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

/** A relationship's target as a path in the archive: absolute targets from the root, others from `base`. */
function resolveTarget(base: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target.slice(1) : base + target).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

async function relationships(zip: ZipArchive, path: string, base: string) {
  const found: { id: string; type: string; target: string }[] = [];
  await scanPart(
    zip,
    path,
    onElements((tag) => {
      if (!tag.is('Relationship') || tag.attribute('TargetMode') === 'External') return;
      const target = tag.attribute('Target');
      if (target)
        found.push({
          id: tag.attribute('Id') ?? '',
          type: tag.attribute('Type') ?? '',
          target: resolveTarget(base, target),
        });
    }),
  );
  return found;
}

async function workbookPart(zip: ZipArchive, path: string) {
  const sheets: { name: string; relationship: string }[] = [];
  let date1904 = false;
  await scanPart(
    zip,
    path,
    onElements((tag) => {
      if (tag.is('sheet'))
        sheets.push({ name: tag.attribute('name') ?? '', relationship: tag.attribute('id') ?? '' });
      else if (tag.is('workbookPr')) date1904 = ['1', 'true'].includes(tag.attribute('date1904') ?? '');
    }),
  );
  return { sheets, date1904 };
}

/**
 * Every shared string, in order: the text of its runs joined, phonetic guides (`rPh`) left out, and Excel's
 * `_xHHHH_` escapes of control characters decoded.
 */
async function sharedStrings(
  zip: ZipArchive,
  entry: ZipEntry,
  consumed?: (compressedBytes: number) => void,
): Promise<PackedStrings> {
  const strings = new PackedStrings();
  let current = '';
  let inPhonetic = false;
  const handler = {
    wantsText: false,
    open(tag: Tag) {
      if (tag.is('si')) current = '';
      else if (tag.is('rPh')) inPhonetic = true;
      else if (tag.is('t')) handler.wantsText = !inPhonetic;
    },
    close(tag: Tag) {
      if (tag.is('t')) handler.wantsText = false;
      else if (tag.is('rPh')) inPhonetic = false;
      else if (tag.is('si')) strings.push(unescapeOoxml(current));
    },
    text(text: string) {
      current += text;
    },
  };
  await scanPart(zip, entry, handler, consumed);
  return strings;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** ST_Xstring: a character XML cannot carry is written `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(OOXML_ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * Built-in number formats that show a date or a time: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the East
 * Asian editions of Excel (yyyy"年"m"月"d"日" and the like in zh-CN).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date or time when, outside quoted text, brackets and escapes, it has y, m, d, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*]|\\.|_.|\*./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

async function dateStyles(zip: ZipArchive, entry: ZipEntry): Promise<boolean[]> {
  const customFormats = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellFormats = false;
  await scanPart(zip, entry, {
    wantsText: false,
    text: () => undefined,
    open(tag) {
      if (tag.is('numFmt')) {
        customFormats.set(Number(tag.attribute('numFmtId')), isDateFormat(tag.attribute('formatCode') ?? ''));
      } else if (tag.is('cellXfs')) inCellFormats = true;
      else if (inCellFormats && tag.is('xf')) {
        const id = Number(tag.attribute('numFmtId') ?? 0);
        styles.push(customFormats.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(tag) {
      if (tag.is('cellXfs')) inCellFormats = false;
    },
  });
  return styles;
}
