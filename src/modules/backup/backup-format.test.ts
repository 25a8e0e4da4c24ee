import { describe, expect, it } from 'vitest';
import { BackupReader } from './backup-format.js';

const file = [
  '{"header":1}',
  '{"table":"empty"}',
  '\\.',
  '{"table":"rows"}',
  '1\t南京\\\\.',
  '\\\\.',
  '2\t\\N',
  '\\.',
  '{"end":true}',
  '',
].join('\n');

/** The file's bytes cut into pieces of `size` bytes (a line, a character or the `\.` line cut anywhere). */
async function* pieces(size: number) {
  const bytes = Buffer.from(file);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(size: number, rowPiece = 1) {
  const reader = new BackupReader(pieces(size));
  const out: string[] = [];
  const rows = async () => {
    const got: string[] = [];
    for await (const piece of reader.rows(rowPiece, () => new Error('cut'))) got.push(piece.toString());
    return got.join('');
  };
  out.push(String(await reader.line()), String(await reader.line()), await rows());
  out.push(
    String(await reader.line()),
    await rows(),
    String(await reader.line()),
    String(await reader.line()),
  );
  return out;
}

describe('reading a backup file', () => {
  it('finds every line and every table’s rows however the bytes are cut, a row that starts with \\\\. included', async () => {
    const expected = [
      '{"header":1}',
      '{"table":"empty"}',
      '',
      '{"table":"rows"}',
      '1\t南京\\\\.\n\\\\.\n2\t\\N\n',
      '{"end":true}',
      'undefined',
    ];
    for (let size = 1; size <= Buffer.byteLength(file); size++) expect(await read(size)).toEqual(expected);
    expect(await read(1 << 20, 1 << 20)).toEqual(expected);
  });

  it('hands rows over in pieces of whole lines', async () => {
    const reader = new BackupReader(pieces(3));
    await reader.line();
    await reader.line();
    for await (const _ of reader.rows(1, () => new Error('cut'))) expect.unreachable();
    await reader.line();
    const got: string[] = [];
    for await (const piece of reader.rows(1, () => new Error('cut'))) got.push(piece.toString());
    expect(got.length).toBeGreaterThan(1);
    expect(got.every((piece) => piece.endsWith('\n'))).toBe(true);
  });

  it('says the file is cut when it ends inside a table', async () => {
    const cut = async function* () {
      yield Buffer.from('{"table":"rows"}\n1\tA\n2\t');
    };
    const reader = new BackupReader(cut());
    await reader.line();
    await expect(
      (async () => {
        for await (const _ of reader.rows(1, () => new Error('cut in rows')));
      })(),
    ).rejects.toThrow('cut in rows');
  });
});
