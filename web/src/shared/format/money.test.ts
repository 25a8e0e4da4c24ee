import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, sumMoney } from './money';

describe('sumMoney', () => {
  it('adds amounts as typed, to the cent, without float drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['30000', '1234.5', '0.05'])).toBe('31234.55');
  });

  it('counts blank cells as nothing, and nothing at all as zero', () => {
    expect(sumMoney([null, '', undefined, '12'])).toBe('12.00');
    expect(sumMoney([])).toBe('0.00');
  });

  it('stays exact beyond double precision', () => {
    expect(sumMoney(['9007199254740993.01', '1.99'])).toBe('9007199254740995.00');
  });

  it('keeps the sign of a negative total', () => {
    expect(sumMoney(['-5.25', '1'])).toBe('-4.25');
    expect(sumMoney(['-0.05'])).toBe('-0.05');
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('1234567.89')).toBe('¥1,234,567.89');
  });
  it('pads missing decimals', () => {
    expect(formatMoney('12800')).toBe('¥12,800.00');
    expect(formatMoney('5.5')).toBe('¥5.50');
  });
  it('shows zero and small values without grouping', () => {
    expect(formatMoney('0')).toBe('¥0.00');
    expect(formatMoney('999.99')).toBe('¥999.99');
  });
  it('keeps a minus sign before the currency sign', () => {
    expect(formatMoney('-1000.5')).toBe('-¥1,000.50');
  });
  it('does not show negative zero', () => {
    expect(formatMoney('-0.00')).toBe('¥0.00');
  });
  it('formats amounts beyond double precision exactly', () => {
    expect(formatMoney('9999999999999999.99')).toBe('¥9,999,999,999,999,999.99');
  });
  it('accepts numbers', () => {
    expect(formatMoney(1234.5)).toBe('¥1,234.50');
  });
  it('renders nothing for null', () => {
    expect(formatMoney(null)).toBe('');
  });
});

describe('formatMoneyShort', () => {
  it('abbreviates to 万 in Chinese', () => {
    expect(formatMoneyShort('1234567.89', 'zh-CN')).toBe('¥123.46万');
  });
  it('abbreviates to 亿 in Chinese from one hundred million', () => {
    expect(formatMoneyShort('250000000', 'zh-CN')).toBe('¥2.50亿');
  });
  it('groups thousands of 亿', () => {
    expect(formatMoneyShort('123456000000', 'zh-CN')).toBe('¥1,234.56亿');
  });
  it('uses K/M/B in English', () => {
    expect(formatMoneyShort('1234567.89', 'en-US')).toBe('¥1.23M');
  });
  it('keeps small values in full', () => {
    expect(formatMoneyShort('9999.5', 'zh-CN')).toBe('¥9,999.50');
  });
  it('keeps the sign of negative values', () => {
    expect(formatMoneyShort('-50000', 'zh-CN')).toBe('-¥5.00万');
  });
});
