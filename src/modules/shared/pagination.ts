import { AppError } from '../../server/errors.js';

export interface Cursor {
  readonly key: string | null;
  readonly id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof key === 'string' || key === null) && Number.isInteger(id)) return { key, id: id as number };
  } catch {
    // fall through to the validation error below
  }
  throw AppError.invalid('cursor', 'invalid_format');
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/** Rows were fetched with limit + 1: the extra row only says whether another page exists. */
export function toPage<T extends { id: number }>(
  rows: T[],
  limit: number,
  total: number,
  keyOf: (row: T) => string | null,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null;
  return { items, total, nextCursor };
}

/** LIKE patterns match the user's text literally: % and _ are not wildcards to a person typing a name. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
