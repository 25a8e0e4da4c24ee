import type { Cursor } from '../shared/pagination.js';

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
