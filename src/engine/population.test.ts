import { describe, expect, it } from 'vitest';
import { cellValue, type MetricColumns } from './columns.js';
import { restrict } from './population.js';

describe('restricting columns to a population', () => {
  it('takes each metric column when first read, in row order, and takes no column nobody reads', () => {
    const metrics: MetricColumns = {
      frequency: Float64Array.of(5, 0, 7, 2),
      industry: ['制造', null, '贸易', '制造'],
    };
    // A column whose reading fails: restricting must not read it until asked.
    Object.defineProperty(metrics, 'margin', {
      enumerable: true,
      get: () => {
        throw new Error('margin was read');
      },
    });
    const restricted = restrict({ ids: Int32Array.of(11, 12, 13, 14), metrics }, Int32Array.of(3, 0, 2));
    expect([...restricted.ids]).toEqual([14, 11, 13]);
    expect([...(restricted.metrics.frequency as Float64Array)]).toEqual([2, 5, 7]);
    expect([0, 1, 2].map((row) => cellValue(restricted.metrics.industry!, row))).toEqual([
      '制造',
      '制造',
      '贸易',
    ]);
    expect(restricted.metrics.frequency).toBe(restricted.metrics.frequency);
    expect(Object.keys(restricted.metrics)).toEqual(['frequency', 'industry', 'margin']);
    expect(() => restricted.metrics.margin).toThrow('margin was read');
  });
});
