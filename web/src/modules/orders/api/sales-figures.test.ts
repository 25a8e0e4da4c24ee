import { describe, expect, it } from 'vitest';
import { formatChange } from '../../../shared/format/localised';
import { growthOf, marginOf } from './orders.api';

describe('sales figures on screen', () => {
  it('a margin is on the orders whose profit is known, and none is shown when no profit is known', () => {
    expect(marginOf({ grossProfit: '700.05', profitedAmount: '3000.10' })).toBeCloseTo(0.233342, 5);
    expect(marginOf({ grossProfit: '0.00', profitedAmount: '0.00' })).toBeNull();
  });

  it('a change needs something before: from nothing it is a dash, not an infinite growth', () => {
    expect(growthOf({ amount: '1500.50', previousAmount: '300.00' })).toBeCloseTo(4.00167, 5);
    expect(growthOf({ amount: '0.00', previousAmount: '100.00' })).toBe(-1);
    expect(growthOf({ amount: '100.00', previousAmount: '0.00' })).toBeNull();
    expect(formatChange(0.125)).toBe('+12.5%');
    expect(formatChange(-0.03)).toBe('-3.0%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(null)).toBe('—');
  });
});
