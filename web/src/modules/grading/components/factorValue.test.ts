import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './factorValue';

const t = ((key: string, options: { count: number }) => `${options.count} ${key}`) as unknown as TFunction;

describe('formatMetricValue', () => {
  it('shows money as yuan with two decimals', () =>
    expect(formatMetricValue(1234.5, 'currency', t)).toBe('¥1,234.50'));
  it('shows a ratio as a percentage', () => expect(formatMetricValue(0.256, 'ratio', t)).toBe('25.6%'));
  it('shows days with one decimal through the translation', () =>
    expect(formatMetricValue(12.345, 'days', t)).toBe('12.3 unit.days'));
  it('shows a category value as it is', () =>
    expect(formatMetricValue('state_owned', 'category', t)).toBe('state_owned'));
  it('shows a dash for a missing value', () => {
    expect(formatMetricValue(null, 'currency', t)).toBe('—');
    expect(formatMetricValue(Number.NaN, 'count', t)).toBe('—');
  });
});
