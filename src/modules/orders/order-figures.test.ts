import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, multiplyToMoney, sumMoney, toScaled } from './decimal.js';
import { resolveFigures } from './order-figures.js';

describe('exact decimal money', () => {
  it('0.1 + 0.2 is exactly 0.30', () => expect(sumMoney(['0.1', '0.2'])).toBe('0.30'));
  it('3 × 19.99 is 59.97, not a float neighbour', () => expect(multiplyToMoney('3', '19.99')).toBe('59.97'));
  it('rounds half a cent away from zero', () => {
    expect(multiplyToMoney('0.5', '0.01')).toBe('0.01');
    expect(multiplyToMoney('0.4999', '0.01')).toBe('0.00');
  });
  it('formats negatives and values below one', () => {
    expect(fromScaled(-5n, 2)).toBe('-0.05');
    expect(toScaled('-12.3', 2)).toBe(-1230n);
  });
  it('sums of integer cents round-trip exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 20 }), (values) => {
        const total = values.reduce((sum, value) => sum + BigInt(value), 0n);
        expect(sumMoney(values.map((value) => fromScaled(BigInt(value), 2)))).toBe(fromScaled(total, 2));
      }),
    );
  });
});

describe('order figures', () => {
  it('without lines the amount is required', () => {
    expect(() => resolveFigures({ lines: [] })).toThrow(/amount/);
  });
  it('keeps a given gross profit when no cost is known', () => {
    expect(resolveFigures({ amount: '100.00', grossProfit: '-5.00', lines: [] })).toMatchObject({
      cost: null,
      grossProfit: '-5.00',
    });
  });
  it('a cost below the amount gives a positive profit, above it a loss', () => {
    expect(resolveFigures({ amount: '100.00', cost: '120.50', lines: [] }).grossProfit).toBe('-20.50');
  });
  it('does not derive an order cost when one line has none', () => {
    const figures = resolveFigures({
      lines: [
        { product: 'A', quantity: '1', unitPrice: '10', cost: '4' },
        { product: 'B', quantity: '1', unitPrice: '10' },
      ],
    });
    expect(figures).toMatchObject({ amount: '20.00', cost: null, grossProfit: null });
  });
});
