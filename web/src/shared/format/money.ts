const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * ¥ with thousands separators and exactly two decimals. Works on the decimal string the API sends so that
 * amounts beyond double precision are never rounded by a float conversion.
 */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > 2) return formatMoney(Number(text).toFixed(2));
  const cents = fraction.padEnd(2, '0');
  const negative = sign === '-' && /[1-9]/.test(whole + cents);
  return `${negative ? '-' : ''}¥${groupThousands(whole.replace(/^0+(?=\d)/, ''))}.${cents}`;
}

/** Cents of a decimal amount as typed or sent (at most two decimals); blanks count as nothing. */
function centsOf(value: string | null | undefined): bigint {
  const match = value ? DECIMAL.exec(value.trim()) : null;
  if (!match) return 0n;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/**
 * The exact sum of decimal amounts (a row of money inputs), as a decimal string: in cents, so no float drift at any
 * size. Blank and unreadable cells count as nothing.
 */
export function sumMoney(values: readonly (string | null | undefined)[]): string {
  const total = values.reduce((sum, value) => sum + centsOf(value), 0n);
  const magnitude = (total < 0n ? -total : total).toString().padStart(3, '0');
  return `${total < 0n ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
}

const chineseUnits = [
  { size: 1e8, unit: '亿' },
  { size: 1e4, unit: '万' },
] as const;

/**
 * A short money figure for summary places: 万/亿 in Chinese (¥123.46万), K/M/B in English (¥1.23M).
 * Below ten thousand it is the full figure.
 */
export function formatMoneyShort(value: string | number | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const amount = Number(value);
  if (!Number.isFinite(amount) || Math.abs(amount) < 1e4) return formatMoney(value);
  if (language.startsWith('zh')) {
    const unit = chineseUnits.find((candidate) => Math.abs(amount) >= candidate.size) ?? chineseUnits[1];
    const [whole = '0', cents = '00'] = (Math.abs(amount) / unit.size).toFixed(2).split('.');
    return `${amount < 0 ? '-' : ''}¥${groupThousands(whole)}.${cents}${unit.unit}`;
  }
  const compact = new Intl.NumberFormat('en-US', {
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(Math.abs(amount));
  return `${amount < 0 ? '-' : ''}¥${compact}`;
}
