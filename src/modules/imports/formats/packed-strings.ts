const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * A list of strings kept as UTF-8 in large buffers, for a workbook's shared strings: Excel stores every text cell
 * there, so a sheet of a million orders brings millions of them (order numbers, codes, names). As JavaScript strings
 * each costs its header and slot (≈ 40 bytes for a ten-character code) in the heap; here it costs its bytes and
 * twelve bytes of position, off the heap, and is decoded when a cell reads it.
 */
export class PackedStrings {
  private readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.alloc(0);
  private used = 0;
  private chunkOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private endOf = new Uint32Array(1024);
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
      this.used = 0;
    }
    if (this.count === this.chunkOf.length) this.grow();
    const start = this.used;
    this.used += this.current.write(text, start, 'utf8');
    this.chunkOf[this.count] = this.chunks.length - 1;
    this.startOf[this.count] = start;
    this.endOf[this.count] = this.used;
    this.count++;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.chunks[this.chunkOf[index]!]!.toString('utf8', this.startOf[index], this.endOf[index]);
  }

  private grow(): void {
    const larger = (array: Uint32Array) => {
      const next = new Uint32Array(array.length * 2);
      next.set(array);
      return next;
    };
    this.chunkOf = larger(this.chunkOf);
    this.startOf = larger(this.startOf);
    this.endOf = larger(this.endOf);
  }
}
