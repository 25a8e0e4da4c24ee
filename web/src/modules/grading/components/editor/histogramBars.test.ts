import { describe, expect, it } from 'vitest';
import type { FactorPreview } from '../../api/grading.api';
import { histogramBars } from './histogramBars';

const score = {
  bins: [
    { from: 0, to: 50, count: 3 },
    { from: 50, to: 100, count: 1 },
  ],
  nulls: 0,
};

describe('histogramBars', () => {
  it('labels numeric bins by their lower edge, compact in the locale', () => {
    const preview: FactorPreview = {
      asOf: '2025-01-01',
      population: 4,
      raw: {
        kind: 'numeric',
        bins: [
          { from: 0, to: 15000, count: 3 },
          { from: 15000, to: 1_250_000, count: 1 },
        ],
        nulls: 0,
      },
      score,
    };
    expect(histogramBars(preview, 'en-US', 'Other').raw).toEqual([
      { label: '0', count: 3 },
      { label: '15K', count: 1 },
    ]);
    expect(histogramBars(preview, 'zh-CN', '其他').raw[1]!.label).toBe('1.5万');
    expect(histogramBars(preview, 'en-US', 'Other').score).toEqual([
      { label: '0', count: 3 },
      { label: '50', count: 1 },
    ]);
  });

  it('lists categories, then the rest as one bar only when there is a rest', () => {
    const base = { asOf: '2025-01-01', population: 5, score };
    const categories = [{ value: 'retail', count: 4 }];
    expect(
      histogramBars({ ...base, raw: { kind: 'category', categories, others: 1, nulls: 0 } }, 'en-US', 'Other')
        .raw,
    ).toEqual([
      { label: 'retail', count: 4 },
      { label: 'Other', count: 1 },
    ]);
    expect(
      histogramBars({ ...base, raw: { kind: 'category', categories, others: 0, nulls: 0 } }, 'en-US', 'Other')
        .raw,
    ).toEqual([{ label: 'retail', count: 4 }]);
  });
});
