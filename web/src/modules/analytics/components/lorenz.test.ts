import { describe, expect, it } from 'vitest';
import { shareOfTop } from './lorenz';

const curve = [
  { customers: 0, value: 0 },
  { customers: 0.2, value: 0.8 },
  { customers: 1, value: 1 },
];

describe('shareOfTop', () => {
  it('reads a point of the curve exactly: the top 20% bring 80%', () =>
    expect(shareOfTop(curve, 0.2)).toBe(0.8));
  it('interpolates between points', () => expect(shareOfTop(curve, 0.1)).toBeCloseTo(0.4, 12));
  it('interpolates on the flat tail', () => expect(shareOfTop(curve, 0.6)).toBeCloseTo(0.9, 12));
  it('is undefined without a curve', () => expect(shareOfTop([], 0.2)).toBeNull());
});
