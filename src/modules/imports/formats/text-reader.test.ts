import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTextRecords } from './text-reader.js';
import type { TextEncoding } from './encoding.js';

const dir = mkdtempSync(join(tmpdir(), 'stratum-text-'));

/** Rows long enough that the file spans many read chunks, each with characters of two, three and four bytes. */
const rows = Array.from({ length: 6000 }, (_, i) => [
  `C${String(i).padStart(6, '0')}`,
  `南方贸易有限公司第${i}分公司 😀`,
  i % 7 === 0 ? '"备注, 含逗号\n与换行"' : '普通',
]);
const expected = rows.map(([code, name, note]) => [code!, name!, note!.replaceAll('"', '')]);

async function read(encoding: TextEncoding, bytes: Buffer, bomLength = 0): Promise<string[][]> {
  const path = join(dir, `${encoding}.csv`);
  writeFileSync(path, bytes);
  const records: string[][] = [];
  for await (const record of readTextRecords(path, { encoding, bomLength, delimiter: ',' }).records)
    records.push(record);
  return records;
}

describe('a text file many read chunks long reads whole, whatever a chunk boundary cuts', () => {
  const text = rows.map((row) => row.join(',')).join('\r\n') + '\r\n';

  it('UTF-8 with a BOM: characters of up to four bytes and quoted line breaks across boundaries', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(bytes.length).toBeGreaterThan(4 * 64 * 1024);
    expect(await read('utf-8', bytes, 3)).toEqual(expected);
  });

  it('GB18030 and UTF-16LE', async () => {
    expect(await read('gb18030', iconv.encode(text, 'gb18030'))).toEqual(expected);
    expect(await read('utf-16le', iconv.encode(text, 'utf-16le'))).toEqual(expected);
  });
});
