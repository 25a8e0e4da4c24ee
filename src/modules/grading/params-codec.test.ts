import { describe, expect, it } from 'vitest';
import { decodeParams, encodeParams } from './params-codec.js';

describe('run parameter codec', () => {
  it('round-trips typed arrays, non-finite numbers, maps and nesting to the bit', () => {
    const params = {
      factors: [
        {
          id: 'sales',
          breakpoints: Float64Array.from([-0, 1.5, Number.NaN, 2 ** 60]),
          ids: Int32Array.from([3, 1]),
        },
      ],
      cutoffs: [Number.POSITIVE_INFINITY, Number.NaN, Number.NEGATIVE_INFINITY, 42],
      tiles: new Map([[1, Uint8Array.from([1, 2, 3])]]),
      label: '关键客户',
      skipped: undefined,
    };
    const encoded = encodeParams(params);
    const stored = { json: JSON.parse(JSON.stringify(encoded.json)) as unknown, blobs: encoded.blobs };
    const decoded = decodeParams<typeof params>(stored);
    const breakpoints = decoded.factors[0]!.breakpoints;
    expect(breakpoints).toBeInstanceOf(Float64Array);
    expect(Object.is(breakpoints[0], -0)).toBe(true);
    expect(Array.from(breakpoints).slice(1)).toEqual([1.5, Number.NaN, 2 ** 60]);
    expect(Array.from(decoded.factors[0]!.ids)).toEqual([3, 1]);
    expect(decoded.cutoffs).toEqual([Number.POSITIVE_INFINITY, Number.NaN, Number.NEGATIVE_INFINITY, 42]);
    expect(Array.from(decoded.tiles.get(1)!)).toEqual([1, 2, 3]);
    expect(decoded.label).toBe('关键客户');
    expect('skipped' in decoded).toBe(false);
  });

  it('a typed array becomes a blob, not JSON text', () => {
    const encoded = encodeParams({ values: new Float64Array(1000) });
    expect(encoded.blobs).toHaveLength(1);
    expect(encoded.blobs[0]!.byteLength).toBe(8000);
    expect(JSON.stringify(encoded.json).length).toBeLessThan(60);
  });

  it('a missing blob is an error, never silently empty parameters', () => {
    expect(() => decodeParams({ json: { a: { $typed: 'Float64Array', blob: 0 } }, blobs: [] })).toThrow(
      /missing blob/,
    );
  });
});
