const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * A list of strings kept as UTF-8 in large buffers, for a workbook's shared strings: Excel stores every text cell
 * there, so a sheet of a million orders brings millions of them (order numbers, codes, names). As JavaScript strings
 * each costs its header and slot (≈ 40 bytes for a ten-character code) in the heap; here it costs its bytes and four
 * bytes for where it ends, off the heap, and is decoded when a cell reads it.
 */
export class PackedStrings {
  private readonly chunks: Buffer[] = [];
  /** The index of the first string of each chunk: a string never spans two chunks. */
  private readonly firstOfChunk: number[] = [];
  private current: Buffer = Buffer.alloc(0);
  private used = 0;
  /** Where each string ends in its chunk; it starts where the one before it ends, or at 0 when first in its chunk. */
  private ends = new Uint32Array(1024);
  private count = 0;

  constructor(private readonly chunkBytes = DEFAULT_CHUNK_BYTES) {}

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.chunks.length === 0 || this.used + bytes > this.current.length) {
      this.current = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
      this.chunks.push(this.current);
      this.firstOfChunk.push(this.count);
      this.used = 0;
    }
    if (this.count === this.ends.length) {
      // By half again, not double: at millions of strings a doubling would leave megabytes unused.
      const larger = new Uint32Array(Math.ceil(this.ends.length * 1.5));
      larger.set(this.ends);
      this.ends = larger;
    }
    this.used += this.current.write(text, this.used, 'utf8');
    this.ends[this.count++] = this.used;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const chunk = this.chunkOf(index);
    const start = index === this.firstOfChunk[chunk] ? 0 : this.ends[index - 1]!;
    return this.chunks[chunk]!.toString('utf8', start, this.ends[index]);
  }

  /** The last chunk whose first string is at or before `index`. */
  private chunkOf(index: number): number {
    let low = 0;
    let high = this.firstOfChunk.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstOfChunk[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
