import { describe, expect, it } from 'vitest';
import type { Cursor } from '../shared/pagination.js';
import { keysetPages } from './keyset-pages.js';

/** A list of `n` rows newest first (ids n…1), paged as the list queries page: after the cursor, limit + 1 rows. */
function listOf(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ id: n - i, sort_key: `k${n - i}` }));
  const calls: (Cursor | undefined)[] = [];
  const fetchPage = (cursor: Cursor | undefined, limit: number) => {
    calls.push(cursor);
    const start = cursor ? rows.findIndex((row) => row.id < cursor.id) : 0;
    return Promise.resolve(start < 0 ? [] : rows.slice(start, start + limit + 1));
  };
  return { rows, calls, fetchPage };
}

async function collect(n: number, size: number) {
  const list = listOf(n);
  const pages: number[][] = [];
  for await (const page of keysetPages(list.fetchPage, size)) pages.push(page.map((row) => row.id));
  return { pages, calls: list.calls.length };
}

describe('reading a keyset-paged list whole', () => {
  it('gives every row once, in order, in pages of the size asked', async () => {
    const { pages, calls } = await collect(7, 3);
    expect(pages).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
    expect(calls).toBe(3);
  });

  it('a list of exactly whole pages asks for no empty page after the last', async () => {
    const { pages, calls } = await collect(6, 3);
    expect(pages).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(calls).toBe(2);
  });

  it('an empty list gives no page', async () => {
    expect(await collect(0, 3)).toEqual({ pages: [], calls: 1 });
  });

  it('a page of one row at a time still reaches the end', async () => {
    expect((await collect(3, 1)).pages).toEqual([[3], [2], [1]]);
  });
});
