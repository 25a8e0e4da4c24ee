import { fieldsOf, headerKey, type ImportEntity } from './fields.js';

export interface DetectedHeader {
  /** Index among the sampled rows of the last header row; data starts after it. */
  readonly lastHeaderIndex: number;
  readonly headers: string[];
}

const SCAN_ROWS = 20;

function score(entity: ImportEntity, row: readonly string[]): number {
  const aliases = new Set(fieldsOf(entity).flatMap((field) => field.aliases.map(headerKey)));
  return row.filter((cell) => aliases.has(headerKey(cell))).length;
}

/**
 * The header is the row among the first twenty that names the most known fields (title rows above it are skipped).
 * A header of two rows (a group cell merged across columns above its sub-headers, or a cell merged down over both
 * rows) is read as one: a merged cell's value sits in its first cell only, so the upper row is filled rightwards
 * and a blank lower cell takes the upper value.
 */
export function detectHeader(entity: ImportEntity, rows: readonly (readonly string[])[]): DetectedHeader {
  const scanned = rows.slice(0, SCAN_ROWS);
  let best = 0;
  let bestScore = -1;
  scanned.forEach((row, index) => {
    const value = score(entity, row);
    if (value > bestScore) {
      best = index;
      bestScore = value;
    }
  });
  const upper = scanned[best] ?? [];
  const lower = scanned[best + 1];
  if (bestScore > 0 && lower && isSubHeader(entity, upper, lower)) {
    const width = Math.max(upper.length, lower.length);
    const filled: string[] = [];
    for (let i = 0; i < width; i++) filled.push((upper[i] ?? '').trim() || (filled[i - 1] ?? ''));
    const headers = filled.map((group, i) => (lower[i] ?? '').trim() || group);
    return { lastHeaderIndex: best + 1, headers: dedupe(headers) };
  }
  return { lastHeaderIndex: best, headers: dedupe(upper.map((cell) => cell.trim())) };
}

/** The row below is a sub-header when the row above has gaps (merged cells) and the row below fills them with names. */
function isSubHeader(entity: ImportEntity, upper: readonly string[], lower: readonly string[]): boolean {
  const gaps =
    upper.some((cell, i) => cell.trim() === '' && (lower[i] ?? '').trim() !== '') ||
    lower.length > upper.length;
  return gaps && score(entity, lower) > 0;
}

/** Blank or repeated names get a suffix so every column can be addressed by its header. */
function dedupe(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header, i) => {
    const base = header === '' ? `#${i + 1}` : header;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base} (${count + 1})`;
  });
}
