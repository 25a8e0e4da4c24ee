import { describe, expect, it } from 'vitest';
import { fieldsOf } from './fields.js';
import { compileMapping } from './mapping.js';
import { checkRow } from './row-validator.js';

const lookups = { dictionaries: new Map(), users: new Map() };

function amountTimes(raw: string, multiply: number): string | null | undefined {
  const fields = fieldsOf('orders');
  const mapping = { amount: { column: 'amount', multiply } };
  const compiled = compileMapping(mapping, ['amount']);
  const checked = checkRow(fields, compiled, new Map([['amount', multiply]]), [raw], 2, lookups);
  return checked.values.amount;
}

describe('the multiply transform is exact decimal arithmetic', () => {
  it('0.15 × 0.5 is 0.075, rounded half away from zero to 0.08 (binary floats give 0.07)', () =>
    expect(amountTimes('0.15', 0.5)).toBe('0.08'));
  it('a column in 万元 becomes yuan without binary noise', () =>
    expect(amountTimes('1.23', 10000)).toBe('12300.00'));
  it('a negative amount keeps its sign and rounds away from zero', () =>
    expect(amountTimes('-0.15', 0.5)).toBe('-0.08'));
  it('a product beyond the column is refused, not truncated', () => {
    const fields = fieldsOf('orders');
    const compiled = compileMapping({ amount: { column: 'amount', multiply: 1e12 } }, ['amount']);
    const checked = checkRow(fields, compiled, new Map([['amount', 1e12]]), ['1000000'], 2, lookups);
    expect(checked.problems.map((p) => p.reason)).toContain('invalid_amount');
  });
});
