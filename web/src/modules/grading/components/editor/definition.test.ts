import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '../../api/grading.api';
import { normalisedShares, resizeLadder, scaleTo100 } from './definition';

describe('normalisedShares', () => {
  it('gives each weight its share of the sum', () =>
    expect(normalisedShares([10, 30, 60])).toEqual([10, 30, 60]));
  it('scales weights that do not sum to 100', () => expect(normalisedShares([1, 3])).toEqual([25, 75]));
  it('splits equally when every weight is zero', () => expect(normalisedShares([0, 0])).toEqual([50, 50]));
  it('treats a negative weight as zero', () => expect(normalisedShares([-5, 5])).toEqual([0, 100]));
  it('is empty for no factors', () => expect(normalisedShares([])).toEqual([]));
});

describe('scaleTo100', () => {
  it('puts the rounding remainder on the largest weight so the sum is exactly 100', () => {
    const scaled = scaleTo100([1, 1, 1]);
    expect(scaled).toEqual([33.4, 33.3, 33.3]);
    expect(scaled.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
});

describe('resizeLadder', () => {
  const model: ModelDefinition = {
    name: { 'zh-CN': 'm', 'en-US': 'm' },
    factors: [],
    method: { kind: 'thresholds', thresholds: [80, 60] },
    ladder: ['A', 'B', 'C'].map((code) => ({
      code,
      name: { 'zh-CN': code, 'en-US': code },
      color: '#000000',
    })),
  };
  it('adds a grade with a threshold ten points below the last', () => {
    const grown = resizeLadder(model, 4);
    expect(grown.ladder.map((g) => g.code)).toEqual(['A', 'B', 'C', 'G4']);
    expect(grown.method.thresholds).toEqual([80, 60, 50]);
  });
  it('drops the last grade and its threshold', () =>
    expect(resizeLadder(model, 2).method.thresholds).toEqual([80]));
});
