import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { markedCopy } from './copy.js';
import { markedCopyOut } from './copy-out.js';

type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

/**
 * A query function that answers the marked COPY statements through PGlite's `/dev/blob` device, which stands in for
 * the client streams PGlite does not have: COPY FROM STDIN (`copyFromStdin`) reads its rows from a blob of their
 * bytes, COPY TO STDOUT (`copyOut`) returns the blob's bytes as its one row. Anything else passes through.
 */
function copyingQuery(target: Queryable): PGlite['query'] {
  return (async (text: string, params?: unknown[], options?: object) => {
    const copyIn = markedCopy(text);
    if (copyIn) {
      const blob = new Blob([...(params![0] as Iterable<Uint8Array>)]);
      return target.query(copyIn.replace(' FROM STDIN', " FROM '/dev/blob'"), [], { blob });
    }
    const copyOut = markedCopyOut(text);
    if (!copyOut) return target.query(text, params, options);
    const result = await target.query(copyOut.replace(/ TO STDOUT (WITH \([^)]*\))$/, " TO '/dev/blob' $1"));
    const bytes = result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    return { ...result, rows: [{ chunk: bytes }] } as Results<{ chunk: Buffer }>;
  }) as PGlite['query'];
}

/**
 * What Kysely's PGlite driver uses of an instance (its state, `query`, and `transaction` whose callback only
 * queries), with the marked COPY statements answered through a blob.
 */
export function pgliteWithCopy(pglite: PGlite): PGlite {
  const view = {
    get closed() {
      return pglite.closed;
    },
    get ready() {
      return pglite.ready;
    },
    get waitReady() {
      return pglite.waitReady;
    },
    close: () => pglite.close(),
    query: copyingQuery(pglite),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      pglite.transaction((tx) => callback({ query: copyingQuery(tx) } as unknown as Transaction)),
  };
  return view as unknown as PGlite;
}
