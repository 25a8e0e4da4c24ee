import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';

interface WrittenEntry {
  readonly name: Buffer;
  readonly offset: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

const FLAGS = 0x0808; // sizes follow the data (bit 3), names are UTF-8 (bit 11)
const DEFLATE = 8;

/**
 * A zip archive written front to back to any stream, one entry at a time, each entry fed in pieces: memory holds
 * one piece, never the archive. Pieces are deflated separately with a sync flush so they form one valid stream.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: WrittenEntry[] = [];

  constructor(private readonly output: Writable) {}

  async entry(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([header, nameBytes]));
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    for await (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      const deflated = deflateRawSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH */, level: 6 });
      compressedSize += deflated.length;
      await this.write(deflated);
    }
    const last = deflateRawSync(Buffer.alloc(0));
    compressedSize += last.length;
    await this.write(last);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: nameBytes, offset, crc, compressedSize, size });
  }

  async finish(): Promise<void> {
    const directoryOffset = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt32LE(entry.crc >>> 0, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([record, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - directoryOffset, 12);
    end.writeUInt32LE(directoryOffset, 16);
    await this.write(end);
    this.output.end();
    if (!this.output.writableFinished) await once(this.output, 'finish');
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.output.write(bytes)) await once(this.output, 'drain');
  }
}
