import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource, SourceError } from '../source.js';
import { buildZip, type ZipFile } from '../testing/zip-builder.js';
import { MissingSheetError, readXlsxRows, type SheetRow } from './xlsx-reader.js';
import { XlsxWriter } from './xlsx-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'stratum-xlsx-'));
let count = 0;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TRANSITIONAL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

interface SheetPart {
  readonly name: string;
  readonly data: string;
  readonly chart?: boolean;
}

/** A workbook package written by hand, so each test states exactly the XML a writer may produce. */
function workbook(
  sheets: readonly SheetPart[],
  options: {
    strings?: string;
    styles?: string;
    date1904?: boolean;
    strict?: boolean;
    absolute?: boolean;
  } = {},
): string {
  const ns = options.strict ? STRICT : TRANSITIONAL;
  const target = (path: string) => (options.absolute ? `/xl/${path}` : path);
  const files: ZipFile[] = [
    {
      name: '_rels/.rels',
      content: `<Relationships><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content:
        `<workbook xmlns="${MAIN}" xmlns:r="${ns}">` +
        (options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
        `<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<Relationships>' +
        sheets
          .map((s, i) =>
            s.chart
              ? `<Relationship Id="rId${i + 1}" Type="${ns}/chartsheet" Target="${target(`chartsheets/sheet${i + 1}.xml`)}"/>`
              : `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`,
          )
          .join('') +
        `<Relationship Id="rIdS" Type="${ns}/sharedStrings" Target="${target('sharedStrings.xml')}"/>` +
        `<Relationship Id="rIdT" Type="${ns}/styles" Target="${target('styles.xml')}"/>` +
        `<Relationship Id="rIdL" Type="${ns}/hyperlink" Target="https://example.com/" TargetMode="External"/>` +
        '</Relationships>',
    },
    ...sheets.map((s, i) => ({
      name: s.chart ? `xl/chartsheets/sheet${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`,
      content: `<worksheet xmlns="${MAIN}"><sheetData>${s.data}</sheetData></worksheet>`,
    })),
  ];
  if (options.strings)
    files.push({ name: 'xl/sharedStrings.xml', content: `<sst xmlns="${MAIN}">${options.strings}</sst>` });
  if (options.styles)
    files.push({
      name: 'xl/styles.xml',
      content: `<styleSheet xmlns="${MAIN}">${options.styles}</styleSheet>`,
    });
  const path = join(dir, `${++count}.xlsx`);
  writeFileSync(path, buildZip(files));
  return path;
}

async function rowsOf(path: string, sheet?: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readXlsxRows(path, sheet).rows) rows.push(row);
  return rows;
}

const cellsOf = async (path: string, sheet?: string) => (await rowsOf(path, sheet)).map((row) => row.cells);

/** Cell formats 0–7: General, builtin date 14, custom date, zh-CN builtin date 31, time 20, money, percent, custom time. */
const styles =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
  '<numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00;[Red]\\-&quot;¥&quot;#,##0.00"/>' +
  '<numFmt numFmtId="166" formatCode="[$-804]hh:mm:ss"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/>' +
  '<xf numFmtId="31"/><xf numFmtId="20"><alignment horizontal="left"/></xf><xf numFmtId="165"/>' +
  '<xf numFmtId="10"/><xf numFmtId="166"/></cellXfs>' +
  '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs>';

describe('XLSX cells read as the text a person sees in Excel', () => {
  it('shared strings (rich text runs joined, phonetic guides left out, _xHHHH_ decoded), inline strings, formula strings, booleans and errors', async () => {
    const strings =
      '<si><t>南方贸易</t></si>' +
      '<si><r><rPr><b/></rPr><t>Acme</t></r><r><t xml:space="preserve">, Ltd</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' +
      '<si><t>line_x000D_break &amp; _x005F_x0041_</t></si>';
    const path = workbook(
      [
        {
          name: 'S',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="s"><v>3</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &lt;text&gt;</t></is></c>' +
            '<c r="B2" t="inlineStr"><is><r><t>rich</t></r><r><t> inline</t></r></is></c>' +
            '<c r="C2" t="str"><f>A1&amp;"x"</f><v>南方贸易x</v></c>' +
            '<c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#N/A</v></c></row>',
        },
      ],
      { strings },
    );
    expect(await cellsOf(path)).toEqual([
      ['南方贸易', 'Acme, Ltd', '東京', 'line\rbreak & _x0041_'],
      ['内联 <text>', 'rich inline', '南方贸易x', 'TRUE', 'FALSE', '#N/A'],
    ]);
  });

  it('numbers as Excel shows them (15 significant digits), and as written when shorter', async () => {
    const values = [
      '3',
      '-0.5',
      '19951.22',
      '12.300000000000001',
      '1E-3',
      '1.5E+20',
      '0.1',
      '123456789012345678',
    ];
    const path = workbook([
      { name: 'N', data: `<row r="1">${values.map((v) => `<c><v>${v}</v></c>`).join('')}</row>` },
    ]);
    expect(await cellsOf(path)).toEqual([
      ['3', '-0.5', '19951.22', '12.3', '0.001', '150000000000000000000', '0.1', '123456789012345680'],
    ]);
  });

  it('numbers in date and time formats read as dates; money, percent and General stay numbers', async () => {
    const cell = (style: number, value: string) => `<c s="${style}"><v>${value}</v></c>`;
    const path = workbook(
      [
        {
          name: 'D',
          data:
            `<row r="1">${cell(1, '45356')}${cell(2, '45357')}${cell(3, '45358')}${cell(4, '0.5')}` +
            `${cell(1, '45356.75')}${cell(5, '1234.5')}${cell(6, '0.25')}${cell(0, '45356')}${cell(7, '0.75')}</row>` +
            '<row r="2"><c t="d"><v>2024-03-05T10:20:00Z</v></c><c t="d"><v>2024-03-06</v></c></row>',
        },
      ],
      { styles },
    );
    expect(await cellsOf(path)).toEqual([
      [
        '2024-03-05',
        '2024-03-06',
        '2024-03-07',
        '1899-12-30 12:00:00',
        '2024-03-05 18:00:00',
        '1234.5',
        '0.25',
        '45356',
        '1899-12-30 18:00:00',
      ],
      ['2024-03-05 10:20:00', '2024-03-06'],
    ]);
  });

  it('a workbook in the 1904 date system counts its serials from 1904-01-01', async () => {
    const path = workbook([{ name: 'D', data: '<row r="1"><c s="1"><v>43894</v></c></row>' }], {
      styles,
      date1904: true,
    });
    expect(await cellsOf(path)).toEqual([['2024-03-05']]);
  });
});

describe('XLSX layout', () => {
  it('cell and row references place values (gaps read blank); without references cells and rows follow on', async () => {
    const path = workbook([
      {
        name: 'L',
        data:
          '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>' +
          '<row r="5" spans="1:3"><c r="B5"><v>2</v></c><c><v>3</v></c><c r="AA5"><v>27</v></c></row>' +
          '<row><c><v>7</v></c><c r="C6" s="0"/></row>' +
          '<row r="9"/>',
      },
    ]);
    const rows = await rowsOf(path);
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 5, 6, 9]);
    expect(rows[0]!.cells).toEqual(['1', '', '3']);
    expect(rows[1]!.cells).toEqual(['', '2', '3', ...Array<string>(23).fill(''), '27']);
    expect(rows[2]!.cells).toEqual(['7']);
    expect(rows[3]!.cells).toEqual([]);
  });

  it('Strict OOXML relationships, absolute targets and prefixed elements read the same', async () => {
    const data = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>strict</x:t></x:is></x:c></x:row>';
    const path = workbook([{ name: 'Strict', data }], { strict: true, absolute: true });
    expect(await cellsOf(path)).toEqual([['strict']]);
  });

  it('what follows the sheet data (merged ranges, page setup) is not needed to read the rows', async () => {
    const path = workbook([
      {
        name: 'M',
        data: '<row r="1"><c t="inlineStr"><is><t>合并</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><sheetData>',
      },
    ]);
    expect(await cellsOf(path)).toEqual([['合并']]);
  });
});

describe('which sheet is read', () => {
  const book = () =>
    workbook([
      {
        name: '空白',
        data: '<row r="1"><c r="A1" s="0"/></row><row r="2"><c t="inlineStr"><is><t> </t></is></c></row>',
      },
      { name: 'Chart', data: '', chart: true },
      { name: '订单', data: '<row r="3"><c t="inlineStr"><is><t>订单号</t></is></c></row>' },
      { name: '客户', data: '<row r="1"><c t="inlineStr"><is><t>客户编号</t></is></c></row>' },
    ]);

  it('without a choice, the first worksheet with a non-blank row; chart sheets are not worksheets', async () => {
    const rows = readXlsxRows(book());
    const read: SheetRow[] = [];
    for await (const row of rows.rows) read.push(row);
    expect(read).toEqual([{ rowNumber: 3, cells: ['订单号'] }]);
    expect(rows.sheet()).toBe('订单');
    expect(rows.sheets()).toEqual(['空白', '订单', '客户']);
  });

  it('a chosen sheet is read directly, blank rows included; a missing one is refused by name', async () => {
    expect(await cellsOf(book(), '客户')).toEqual([['客户编号']]);
    expect(await cellsOf(book(), '空白')).toEqual([[], [' ']]);
    await expect(cellsOf(book(), '不存在')).rejects.toThrow(MissingSheetError);
  });

  it('stopping after the first row ends the read', async () => {
    const path = workbook([
      {
        name: 'Big',
        data: Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join(''),
      },
    ]);
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const rows = readXlsxRows(path);
    for await (const row of rows.rows) {
      expect(row.cells).toEqual(['0']);
      break;
    }
    expect(rows.progress()).toBeGreaterThan(0);
    // The descriptor closes asynchronously once the stream is destroyed.
    await expect.poll(openFiles).toBe(before);
  });
});

describe('XLSX written by exceljs (the blank templates and problem reports) reads back', () => {
  it.each([
    ['inline', false],
    ['in the shared strings table, stored after the sheet', true],
  ])('strings %s, numbers, dates and date-times, a title row and merged cells', async (_, sharedStrings) => {
    const path = join(dir, `exceljs-${String(sharedStrings)}.xlsx`);
    const file = createWriteStream(path);
    const writer = new XlsxWriter(file, { sharedStrings });
    await writer.sheet('说明', [['本表为演示']]);
    await writer.sheet(
      '订单',
      [
        ['2024 年订单'],
        ['订单号', '金额', '成交日期', '时间'],
        ['SO-1', 1200.5, { date: '2024-03-05' }, { date: '2024-03-05 09:30:15' }],
        ['SO-2', -3, null, '¥1,200'],
      ],
      { merges: ['A1:D1'] },
    );
    await writer.finish();
    if (!file.closed) await once(file, 'close');
    expect(await cellsOf(path, '订单')).toEqual([
      ['2024 年订单'],
      ['订单号', '金额', '成交日期', '时间'],
      ['SO-1', '1200.5', '2024-03-05', '2024-03-05 09:30:15'],
      ['SO-2', '-3', '', '¥1,200'],
    ]);
  });
});

describe('progress', () => {
  it('covers the shared strings, read first, and then the sheet: it starts above 0, never goes back and ends at 1', async () => {
    const path = join(dir, 'progress.xlsx');
    const file = createWriteStream(path);
    const writer = new XlsxWriter(file, { sharedStrings: true });
    await writer.sheet(
      'orders',
      Array.from({ length: 30_000 }, (_, i) => [`SO-${i}`, `客户 ${i % 997}`, i]),
    );
    await writer.finish();
    if (!file.closed) await once(file, 'close');
    const rows = readXlsxRows(path);
    const seen: number[] = [];
    for await (const _row of rows.rows) seen.push(rows.progress());
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(rows.progress()).toBe(1);
  });
});

describe('a file that is not a workbook is refused as unreadable, naming why', () => {
  it('a CSV saved with an .xlsx name', async () => {
    const path = join(dir, 'renamed.xlsx');
    writeFileSync(path, 'code,name\nC1,Acme\n');
    const source = await openSource(path);
    const failure = await (async () => {
      for await (const _row of source.rows()) continue;
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as Error).message).toMatch(/not a readable XLSX file: not a ZIP archive/);
  });

  it('a ZIP archive without a workbook, and a sheet whose XML is cut off', async () => {
    const path = join(dir, 'no-book.xlsx');
    writeFileSync(path, buildZip([{ name: 'readme.txt', content: 'hello' }]));
    await expect(cellsOf(path)).rejects.toThrow(/no workbook/);
    const cut = workbook([{ name: 'Cut', data: '<row r="1"><c><v>1</v></c></row><row r="2"><c' }]);
    await expect(cellsOf(cut)).rejects.toThrow();
  });
});
