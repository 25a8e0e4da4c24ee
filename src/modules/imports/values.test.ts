import { describe, expect, it } from 'vitest';
import { parseDate, parseDecimal, parseShare } from './values.js';

describe('dates in the forms Chinese spreadsheets use', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['45356', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
  ])('%s is %s', (raw, expected) => expect(parseDate(raw)).toEqual({ ok: true, value: expected }));

  it('keeps the time when asked', () =>
    expect(parseDate('2024/3/5 9:07', true)).toEqual({ ok: true, value: '2024-03-05 09:07:00' }));
  it('an Excel serial with a fraction carries the time of day', () =>
    expect(parseDate('45356.5', true)).toEqual({ ok: true, value: '2024-03-05 12:00:00' }));
  it.each(['2024-02-30', '2024-13-01', 'yesterday', '5'])('%s is not a date', (raw) =>
    expect(parseDate(raw)).toEqual({ ok: false, reason: 'invalid_date' }),
  );
});

describe('amounts with separators, symbols and 万', () => {
  const money = (raw: string) => parseDecimal(raw, 2, { negative: true });
  it.each([
    ['1,234.50', '1234.50'],
    ['¥1,234.5', '1234.50'],
    ['￥88', '88.00'],
    ['£3.39', '3.39'],
    ['$-2', '-2.00'],
    ['12.5万', '125000.00'],
    ['1.23456万', '12345.60'],
    ['300元', '300.00'],
    ['(45.10)', '-45.10'],
  ])('%s is %s', (raw, expected) => expect(money(raw)).toEqual({ ok: true, value: expected }));
  it('three decimals in a money column are refused, not rounded', () =>
    expect(money('1.005')).toEqual({ ok: false, reason: 'invalid_amount' }));
  it('a negative where none is allowed is named as such', () =>
    expect(parseDecimal('-5', 2, { negative: false })).toEqual({ ok: false, reason: 'negative' }));
  it('misplaced thousands separators are refused', () =>
    expect(money('12,34')).toEqual({ ok: false, reason: 'invalid_amount' }));
});

describe('a share of wallet, as a fraction or a percentage', () => {
  it.each([
    ['0.35', '0.3500'],
    ['35%', '0.3500'],
    ['３５％', '0.3500'],
    ['12.5%', '0.1250'],
    ['100%', '1.0000'],
    ['1', '1.0000'],
    ['0', '0.0000'],
  ])('%s is %s', (raw, expected) => expect(parseShare(raw)).toEqual({ ok: true, value: expected }));

  it.each(['35', '101%', '1.2'])('%s is more than the whole and is refused', (raw) =>
    expect(parseShare(raw)).toEqual({ ok: false, reason: 'share_above_one' }),
  );

  it('a negative share and a fifth decimal are refused as the amounts are', () => {
    expect(parseShare('-5%')).toEqual({ ok: false, reason: 'negative' });
    expect(parseShare('0.12345')).toEqual({ ok: false, reason: 'invalid_amount' });
  });
});
