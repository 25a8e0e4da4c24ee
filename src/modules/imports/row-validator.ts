import type { FieldSpec } from './fields.js';
import { fromScaled, toScaled } from '../orders/decimal.js';
import type { CompiledField } from './mapping.js';
import {
  normaliseCode,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseInteger,
  parseShare,
  toHalfWidth,
  type Parsed,
} from './values.js';

export interface Lookups {
  /** dictionary kind → accepted text (code, zh or en name, lower-cased) → code */
  readonly dictionaries: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** login or name, lower-cased → user */
  readonly users: ReadonlyMap<string, { readonly id: number; readonly teamId: number | null }>;
}

export interface CellProblem {
  readonly field: string;
  readonly column: number | undefined;
  readonly value: string;
  readonly reason: string;
}

/** Canonical text of each field (what the staging table holds), or problems. */
export interface CheckedRow {
  readonly values: Record<string, string | null>;
  readonly problems: CellProblem[];
}

export function checkRow(
  fields: readonly FieldSpec[],
  compiled: readonly CompiledField[],
  multipliers: ReadonlyMap<string, number>,
  cells: readonly string[],
  rowNumber: number,
  lookups: Lookups,
): CheckedRow {
  const values: Record<string, string | null> = {};
  const problems: CellProblem[] = [];
  const byKey = new Map(compiled.map((field) => [field.key, field]));
  for (const spec of fields) {
    const source = byKey.get(spec.key);
    const raw = source ? source.read(cells, rowNumber) : '';
    if (raw === '') {
      values[spec.key] = null;
      if (spec.required)
        problems.push({ field: spec.key, column: source?.column, value: raw, reason: 'required' });
      continue;
    }
    const parsed = parseField(spec, raw, lookups, multipliers.get(spec.key));
    if (parsed.ok) values[spec.key] = parsed.value;
    else {
      values[spec.key] = null;
      problems.push({ field: spec.key, column: source?.column, value: raw, reason: parsed.reason });
    }
  }
  return { values, problems };
}

const ok = (value: string): Parsed => ({ ok: true, value });

function parseField(spec: FieldSpec, raw: string, lookups: Lookups, multiplier: number | undefined): Parsed {
  switch (spec.type) {
    case 'text': {
      const text = raw.replace(/\s+/g, ' ');
      return spec.maxLength !== undefined && text.length > spec.maxLength
        ? { ok: false, reason: 'too_long' }
        : ok(text);
    }
    case 'code': {
      const code = normaliseCode(raw);
      if (spec.maxLength !== undefined && code.length > spec.maxLength)
        return { ok: false, reason: 'too_long' };
      return /[\t\n\r]/.test(code) ? { ok: false, reason: 'invalid_format' } : ok(code);
    }
    case 'integer':
      return parseInteger(raw, { negative: false });
    case 'money':
      return scaled(parseDecimal(raw, 2, { negative: false }), multiplier, 2);
    case 'signed_money':
      return scaled(parseDecimal(raw, 2, { negative: true }), multiplier, 2);
    case 'quantity':
      return scaled(parseDecimal(raw, 4, { negative: true }), multiplier, 4);
    case 'price':
      return scaled(parseDecimal(raw, 4, { negative: true }), multiplier, 4);
    case 'ratio':
      return parseShare(raw);
    case 'date':
      return parseDate(raw);
    case 'datetime':
      return parseDate(raw, true);
    case 'boolean':
      return parseBoolean(raw);
    case 'enum':
      return enumValue(spec, raw);
    case 'dictionary': {
      const code = lookups.dictionaries
        .get(spec.dictionary ?? '')
        ?.get(toHalfWidth(raw).trim().toLowerCase());
      return code === undefined ? { ok: false, reason: 'unknown_code' } : ok(code);
    }
    case 'user': {
      const user = lookups.users.get(raw.trim().toLowerCase());
      return user === undefined ? { ok: false, reason: 'unknown_user' } : ok(String(user.id));
    }
  }
}

function enumValue(spec: FieldSpec, raw: string): Parsed {
  const text = toHalfWidth(raw).trim().toLowerCase();
  for (const [code, labels] of Object.entries(spec.values ?? {})) {
    if (code === text || labels.some((label) => label.toLowerCase() === text)) return ok(code);
  }
  return { ok: false, reason: 'invalid_value' };
}

/**
 * A mapping's multiplier (e.g. 10000 for a column in 万元), in exact decimal arithmetic, rounded half away from zero
 * to the column's scale.
 */
function scaled(parsed: Parsed, multiplier: number | undefined, scale: number): Parsed {
  if (!parsed.ok || multiplier === undefined || multiplier === 1) return parsed;
  const factor = decimalText(multiplier);
  const factorScale = factor.split('.')[1]?.length ?? 0;
  const product = toScaled(parsed.value, scale) * toScaled(factor, factorScale);
  const divisor = 10n ** BigInt(factorScale);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude + divisor / 2n) / divisor;
  const value = fromScaled(product < 0n ? -rounded : rounded, scale);
  const whole = value.replace(/^-/, '').split('.')[0] ?? '';
  if (whole.length > 18 - scale) return { ok: false, reason: 'invalid_amount' };
  return ok(value);
}

/** A multiplier as plain decimal digits (no exponent), exactly as written in the mapping. */
function decimalText(multiplier: number): string {
  const text = String(multiplier);
  return /e/i.test(text) ? multiplier.toFixed(20).replace(/\.?0+$/, '') : text;
}
