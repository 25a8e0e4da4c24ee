import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { expect } from 'vitest';

/** An XLSX download read back: every sheet's rows, each cell as text ('' when empty). */
export async function xlsxRows(response: Response): Promise<string[][]> {
  const input = new PassThrough();
  input.end(Buffer.from(await response.arrayBuffer()));
  const rows: string[][] = [];
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(input, {}))
    for await (const row of sheet)
      rows.push(
        Array.from(row.values as unknown[])
          .slice(1)
          .map((v) => (v === undefined || v === null ? '' : String(v))),
      );
  return rows;
}

/** A CSV download read back, after checking that it starts with the UTF-8 byte-order mark Excel needs. */
export const csvRows = async (response: Response) => {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8')) as string[][];
};
