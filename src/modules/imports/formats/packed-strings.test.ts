import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from './packed-strings.js';

describe('packed strings give back every string as pushed', () => {
  it('Chinese, emoji, empty strings and a string larger than a chunk, across chunk boundaries', () => {
    const strings = ['', '南方贸易有限公司', 'SO000000001', '😀 emoji', 'x'.repeat(40), '', 'Ä', '末'];
    const packed = new PackedStrings(16);
    for (const text of strings) packed.push(text);
    expect(packed.length).toBe(strings.length);
    expect(strings.map((_, i) => packed.get(i))).toEqual(strings);
  });

  it('an index outside the list reads as undefined', () => {
    const packed = new PackedStrings();
    packed.push('a');
    expect([packed.get(-1), packed.get(1), packed.get(0.5), packed.get(Number.NaN)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('any list of strings, pushed past the first positions block (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1000, maxLength: 3000 }),
        (strings) => {
          const packed = new PackedStrings(64);
          for (const text of strings) packed.push(text);
          expect(Array.from(strings, (_, i) => packed.get(i))).toEqual(strings);
        },
      ),
      { numRuns: 20 },
    );
  });
});
