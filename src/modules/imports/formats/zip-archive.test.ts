import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip, type ZipFile } from '../testing/zip-builder.js';
import { openZip, ZipError } from './zip-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'stratum-zip-'));
let files = 0;
const archive = (bytes: Buffer) => {
  const path = join(dir, `${++files}.zip`);
  writeFileSync(path, bytes);
  return path;
};

async function read(path: string, name: string): Promise<string> {
  const zip = await openZip(path);
  const entry = zip.entry(name);
  if (!entry) throw new Error(`no ${name}`);
  const chunks: Buffer[] = [];
  for await (const chunk of zip.chunks(entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const big = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
const entries: ZipFile[] = [
  { name: 'a.xml', content: '<a>甲</a>' },
  { name: 'stored.xml', content: '<b>stored 乙</b>', stored: true },
  { name: 'xl/worksheets/sheet1.xml', content: big },
  { name: 'empty.xml', content: '' },
];

describe('the ZIP reader takes any entry in any order by the central directory', () => {
  it('deflated, stored, large and empty entries read back byte for byte', async () => {
    const path = archive(buildZip(entries));
    expect(await read(path, 'stored.xml')).toBe('<b>stored 乙</b>');
    expect(await read(path, 'xl/worksheets/sheet1.xml')).toBe(big);
    expect(await read(path, 'a.xml')).toBe('<a>甲</a>');
    expect(await read(path, 'empty.xml')).toBe('');
  });

  it('a ZIP64 directory (sizes and offsets in the extra block) and a trailing comment are read', async () => {
    const path = archive(buildZip(entries, { zip64: true, comment: 'written by a tool 注释' }));
    expect(await read(path, 'xl/worksheets/sheet1.xml')).toBe(big);
    expect(await read(path, 'stored.xml')).toBe('<b>stored 乙</b>');
  });

  it('a name differing only in case is found (writers disagree on the case of [Content_Types].xml)', async () => {
    const zip = await openZip(archive(buildZip([{ name: '[Content_Types].xml', content: 'x' }])));
    expect(zip.entry('[content_types].xml')?.name).toBe('[Content_Types].xml');
    expect(zip.entry('missing.xml')).toBeUndefined();
  });

  it('progress reports the compressed bytes read, rising to the size of the entry', async () => {
    const zip = await openZip(archive(buildZip(entries)));
    const entry = zip.entry('xl/worksheets/sheet1.xml')!;
    const reports: number[] = [];
    for await (const _chunk of zip.chunks(entry, (bytes) => reports.push(bytes))) continue;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBe(entry.compressedSize);
  });

  it('stopping early closes the entry without reading the rest', async () => {
    const noise = randomBytes(4 * 1024 * 1024);
    const zip = await openZip(archive(buildZip([{ name: 'noise.bin', content: noise }])));
    const entry = zip.entry('noise.bin')!;
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    let read = 0;
    for await (const _chunk of zip.chunks(entry, (bytes) => (read = bytes))) break;
    expect(read).toBeLessThan(entry.compressedSize);
    // The descriptor closes asynchronously once the stream is destroyed.
    await expect.poll(openFiles).toBe(before);
  });
});

describe('what the ZIP reader refuses, with the reason', () => {
  it('a file that is not a ZIP archive (a CSV renamed, an old .xls, an encrypted workbook)', async () => {
    await expect(openZip(archive(Buffer.from('code,name\nC1,Acme\n')))).rejects.toThrow(ZipError);
    await expect(openZip(archive(Buffer.alloc(0)))).rejects.toThrow(/not a ZIP archive/);
  });

  it('a truncated archive whose directory runs past the end', async () => {
    const whole = buildZip(entries);
    const end = whole.length - 22;
    const cut = Buffer.concat([whole.subarray(0, 40), whole.subarray(end)]);
    await expect(openZip(archive(cut))).rejects.toThrow(ZipError);
  });

  it('an encrypted entry and an unsupported compression method', async () => {
    await expect(
      openZip(archive(buildZip([{ name: 'a.xml', content: 'x', encrypted: true }]))),
    ).rejects.toThrow(/a\.xml is encrypted/);
    const zip = await openZip(archive(buildZip([{ name: 'b.xml', content: 'x', method: 14, stored: true }])));
    await expect(async () => {
      for await (const _chunk of zip.chunks(zip.entry('b.xml')!)) continue;
    }).rejects.toThrow(/compression method 14/);
  });
});
