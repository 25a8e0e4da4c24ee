import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/** One file inside the archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipArchive {
  /** The entry of that name, compared without case as a fallback (writers disagree on `[Content_Types]` case). */
  entry(name: string): ZipEntry | undefined;
  /**
   * The entry's bytes, decompressed, in chunks; `consumed` reports how many of its compressed bytes have been read,
   * for progress. Breaking out of the loop closes the file stream.
   */
  chunks(entry: ZipEntry, consumed?: (compressedBytes: number) => void): AsyncGenerator<Buffer>;
}

export class ZipError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const LONGEST_TAIL = 22 + 0xffff;
const READ_CHUNK = 256 * 1024;

/**
 * Reads a ZIP archive (an XLSX file) by its central directory, so any entry can be streamed in any order without
 * unpacking the others to disk. ZIP64 archives are read; encrypted entries and methods other than stored and
 * deflate are refused with a ZipError.
 */
export async function openZip(path: string): Promise<ZipArchive> {
  const file = await open(path, 'r');
  let entries: ZipEntry[];
  try {
    entries = await readDirectory(file);
  } finally {
    await file.close();
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const byLowerName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  return {
    entry: (name) => byName.get(name) ?? byLowerName.get(name.toLowerCase()),
    chunks: (entry, consumed) => entryChunks(path, entry, consumed),
  };
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readDirectory(file: FileHandle): Promise<ZipEntry[]> {
  const { size } = await file.stat();
  const tailStart = Math.max(0, size - LONGEST_TAIL);
  const tail = await readAt(file, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a ZIP archive (no end of central directory)');
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR)
      throw new ZipError('damaged ZIP64 archive');
    const record = await readAt(file, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY)
      throw new ZipError('damaged ZIP64 archive');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  const directory = await readAt(file, directoryOffset, directorySize);
  if (directory.length < directorySize) throw new ZipError('truncated ZIP archive');
  return parseDirectory(directory, count);
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipError('damaged ZIP central directory');
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const sizes = {
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);
    if (flags & 0x1) throw new ZipError(`${name} is encrypted`);
    entries.push({
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize: sizes.compressedSize,
      localHeaderOffset: sizes.localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 keeps a field's 64-bit value in an extra block, in this order, for each field saturated at 0xFFFFFFFF. */
function applyZip64Extra(
  extra: Buffer,
  sizes: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (sizes[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + length) break;
        sizes[key] = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

async function* entryChunks(
  path: string,
  entry: ZipEntry,
  consumed?: (compressedBytes: number) => void,
): AsyncGenerator<Buffer> {
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  const file = await open(path, 'r');
  let header: Buffer;
  try {
    header = await readAt(file, entry.localHeaderOffset, 30);
  } finally {
    await file.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
    throw new ZipError(`${entry.name}: damaged local header`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const input = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: READ_CHUNK,
  });
  const output = entry.method === DEFLATED ? input.pipe(createInflateRaw()) : input;
  input.on('error', (error) => output.destroy(error));
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      consumed?.(input.bytesRead);
      yield chunk;
    }
  } finally {
    input.destroy();
    output.destroy();
  }
}
