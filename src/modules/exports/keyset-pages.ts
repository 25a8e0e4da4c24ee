import type { Locale } from '../../server/messages.js';
import type { Cursor } from '../shared/pagination.js';
import type { Label } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const EXPORT_PAGE = 1000;

/**
 * Every page of a keyset-paged list, in order, `size` rows each (the last may be shorter): a list query asked for
 * one row more than its limit says whether another page follows. Memory holds one page whatever the list's length.
 */
export async function* keysetPages<R extends { readonly id: number; readonly sort_key: string | null }>(
  fetchPage: (cursor: Cursor | undefined, limit: number) => Promise<R[]>,
  size: number,
): AsyncGenerator<R[]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const fetched = await fetchPage(cursor, size);
    const page = fetched.slice(0, size);
    if (page.length) yield page;
    const last = page.at(-1);
    if (fetched.length <= size || !last) return;
    cursor = { key: last.sort_key, id: last.id };
  }
}

export interface ListColumn<R> {
  readonly label: Label;
  readonly cell: (row: R, locale: Locale) => ExportCell;
}

/** A keyset-paged list as an export table: one row per listed row, a column per `columns`, read a page at a time. */
export function keysetTable<C, R extends C & { readonly id: number; readonly sort_key: string | null }>(
  sheet: Label,
  columns: readonly ListColumn<C>[],
  fetchPage: (cursor: Cursor | undefined, limit: number) => Promise<R[]>,
  locale: Locale,
): ExportTable {
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for await (const page of keysetPages(fetchPage, EXPORT_PAGE))
      for (const row of page) yield columns.map((column) => column.cell(row, locale));
  }
  return { sheet: sheet[locale], header: columns.map((column) => column.label[locale]), rows: rows() };
}
