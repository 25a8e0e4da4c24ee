/**
 * Exact decimal arithmetic on the decimal strings money travels as: values become integers scaled by 10^scale
 * (bigint), so 0.1 + 0.2 is 0.30 and a line of 3 × 19.99 is 59.97, never a binary-float neighbour.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function toScaled(text: string, scale: number): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > scale) throw new RangeError(`more than ${scale} decimals: ${text}`);
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

export function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Divides by 10^digits, rounding half away from zero (what PostgreSQL's round(numeric) does). */
function dropDigits(value: bigint, digits: number): bigint {
  const divisor = 10n ** BigInt(digits);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return value < 0n ? -rounded : rounded;
}

const MONEY_SCALE = 2;
const FACTOR_SCALE = 4;

/** quantity × unit price, each with up to four decimals, rounded to cents. */
export function multiplyToMoney(quantity: string, unitPrice: string): string {
  const product = toScaled(quantity, FACTOR_SCALE) * toScaled(unitPrice, FACTOR_SCALE);
  return fromScaled(dropDigits(product, 2 * FACTOR_SCALE - MONEY_SCALE), MONEY_SCALE);
}

export function sumMoney(values: readonly string[]): string {
  return fromScaled(
    values.reduce((total, value) => total + toScaled(value, MONEY_SCALE), 0n),
    MONEY_SCALE,
  );
}

export function subtractMoney(minuend: string, subtrahend: string): string {
  return fromScaled(toScaled(minuend, MONEY_SCALE) - toScaled(subtrahend, MONEY_SCALE), MONEY_SCALE);
}

export function sameMoney(a: string, b: string): boolean {
  return toScaled(a, MONEY_SCALE) === toScaled(b, MONEY_SCALE);
}
