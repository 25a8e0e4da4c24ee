import { excelSerialToIso } from './formats/excel-dates.js';

/** A cell read as a typed value, or the reason it cannot be. */
export type Parsed =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: ImportReason };

export type ImportReason =
  | 'invalid_date'
  | 'invalid_amount'
  | 'invalid_integer'
  | 'invalid_boolean'
  | 'invalid_value'
  | 'negative'
  | 'share_above_one'
  | 'too_long'
  | 'invalid_format'
  | 'unknown_code'
  | 'unknown_user';

const ok = (value: string): Parsed => ({ ok: true, value });
const fail = (reason: ImportReason): Parsed => ({ ok: false, reason });

/** Full-width ASCII (Ａ１，．) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Serials from 1910 to 2100: a number in this range in a date column is an Excel date, not a typo. */
const SERIAL_MIN = 3654;
const SERIAL_MAX = 73415;

/**
 * 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, Excel serials, each optionally followed by a time
 * (10:30, 10:30:15, T10:30:15). Returns 'YYYY-MM-DD', or with `withTime` 'YYYY-MM-DD HH:MM:SS'.
 */
export function parseDate(raw: string, withTime = false): Parsed {
  const text = toHalfWidth(raw).trim();
  let date: [number, number, number] | undefined;
  let rest = '';
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(.*)$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\s+(.*))?$/.exec(text);
  if (separated) {
    date = [Number(separated[1]), Number(separated[2]), Number(separated[3])];
    rest = separated[4] ?? '';
  } else if (compact) {
    date = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    rest = compact[4] ?? '';
  } else if (/^\d+(\.\d+)?$/.test(text) && Number(text) >= SERIAL_MIN && Number(text) <= SERIAL_MAX) {
    return parseDate(excelSerialToIso(Number(text)), withTime);
  } else {
    return fail('invalid_date');
  }
  const [year, month, day] = date;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    year < 1900
  ) {
    return fail('invalid_date');
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = parseTime(rest.trim());
  if (time === undefined) return fail('invalid_date');
  return ok(withTime ? `${iso} ${time}` : iso);
}

function parseTime(text: string): string | undefined {
  if (text === '') return '00:00:00';
  const match = /^T?(\d{1,2})[:时](\d{2})(?:[:分](\d{2})(?:\.\d+)?)?秒?$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * Money as an exact decimal string with at most `scale` places: thousands separators (1,234.50), currency symbols
 * and words (¥ ￥ £ $ € 元 RMB CNY), 万 (×10,000) and parentheses or a trailing minus for negatives.
 */
export function parseDecimal(raw: string, scale: number, options: { negative: boolean }): Parsed {
  let text = toHalfWidth(raw).trim().replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1);
  }
  text = text.replace(/^(RMB|CNY|GBP|USD|EUR)/i, '').replace(/(RMB|CNY|GBP|USD|EUR)$/i, '');
  text = text.replace(/^[-+]?[¥￥£$€]/, (prefix) => prefix.replace(/[¥￥£$€]/, ''));
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  text = text.replace(/^[¥￥£$€]/, '');
  let multiplier = 0;
  if (text.endsWith('元')) text = text.slice(0, -1);
  if (text.endsWith('万')) {
    multiplier = 4;
    text = text.slice(0, -1);
  } else if (text.endsWith('亿')) {
    multiplier = 8;
    text = text.slice(0, -1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(text)) return fail('invalid_amount');
  const [whole = '', fraction = ''] = text.replace(/,/g, '').split('.');
  const digits = `${whole}${fraction}`;
  const point = whole.length + multiplier;
  const shifted = digits.padEnd(point, '0');
  let integer = shifted.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  let decimals = shifted.slice(point).replace(/0+$/, '');
  if (decimals.length > scale) return fail('invalid_amount');
  if (integer.length > 18 - scale) return fail('invalid_amount');
  if (integer === '') integer = '0';
  if (negative && !options.negative && (integer !== '0' || decimals !== '')) return fail('negative');
  decimals = decimals.padEnd(scale, '0');
  const value = scale > 0 ? `${integer}.${decimals}` : integer;
  return ok(negative && /[1-9]/.test(value) ? `-${value}` : value);
}

/**
 * A share from 0 to 1 (share of wallet), written as a fraction (0.35) or a percentage (35%, 35％): four decimals,
 * the column's precision.
 */
export function parseShare(raw: string): Parsed {
  const text = toHalfWidth(raw).trim();
  const percent = text.endsWith('%');
  const parsed = parseDecimal(percent ? text.slice(0, -1) : text, percent ? 2 : 4, { negative: false });
  if (!parsed.ok) return parsed;
  const share = percent ? Number(parsed.value) / 100 : Number(parsed.value);
  return share > 1 ? fail('share_above_one') : ok(share.toFixed(4));
}

export function parseInteger(raw: string, options: { negative: boolean }): Parsed {
  const parsed = parseDecimal(raw, 0, options);
  if (!parsed.ok) return parsed.reason === 'negative' ? parsed : fail('invalid_integer');
  if (Math.abs(Number(parsed.value)) > 2_147_483_647) return fail('invalid_integer');
  return parsed;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是', '×', 'f']);

export function parseBoolean(raw: string): Parsed {
  const text = toHalfWidth(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return ok('true');
  if (FALSE_WORDS.has(text)) return ok('false');
  return fail('invalid_boolean');
}

/** Codes that went through Excel often come back as floats ('17850.0'): the zero fraction is not part of the code. */
export function normaliseCode(raw: string): string {
  const text = toHalfWidth(raw).trim();
  return /^\d+\.0+$/.test(text) ? text.slice(0, text.indexOf('.')) : text;
}
