import { sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { markedCopy, runCopy } from './copy.js';
import { markedCopyOut, runCopyOut } from './copy-out.js';

const MARK = '/* prepared */';

/**
 * Marks a hot read of fixed shape (`query.modifyFront(preparedStatement)`) to run as a named prepared statement on
 * PostgreSQL: parsed and planned once per connection instead of on every call, where planning the customer list
 * costs more than running it. PGlite, and anything unmarked, run as before; the comment changes nothing else.
 * Write a LIMIT as a literal, not a parameter: a generic plan cannot see a parameter's limit, costs the query as if
 * it returned a tenth of the table, and PostgreSQL then plans the statement afresh on every call.
 */
export const preparedStatement = sql.raw(MARK);

/** Distinct statement texts given names, at most; beyond them marked queries run unnamed (IN lists of every length). */
const MOST_STATEMENTS = 500;

/**
 * The pg pool Kysely is given on PostgreSQL: marked statements are sent with a name, prepared once per connection,
 * a marked COPY (`copyFromStdin`) streams its rows in on the same connection, and a marked COPY TO (`copyOut`)
 * streams a result out.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (!text.startsWith(`select ${MARK}`)) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MOST_STATEMENTS) {
      name = `stratum_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    // pg's Pool carries the Client class Kysely uses to cancel a query; its typings do not declare it.
    Client: (pool as unknown as { Client: PostgresPool['Client'] }).Client,
    options: pool.options,
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      return {
        query: clientQuery(client, nameOf),
        release: (destroy?: boolean) => client.release(destroy),
      } as PostgresPoolClient;
    },
  };
}

/**
 * A pool of one client that its caller holds (a bulk session, inside its own transaction) and releases: Kysely
 * borrows it and never releases it. Its statements run unnamed: the names belong to the main pool's texts, and a
 * client it lent before may hold them.
 */
export function borrowedClientPool(client: pg.PoolClient): PostgresPool {
  const borrowed = { query: clientQuery(client, () => undefined), release: () => undefined };
  return {
    options: {},
    end: async () => undefined,
    connect: async () => borrowed as PostgresPoolClient,
  };
}

function clientQuery(client: pg.PoolClient, nameOf: (text: string) => string | undefined) {
  return (text: unknown, values?: readonly unknown[]) => {
    const copy = typeof text === 'string' ? markedCopy(text) : undefined;
    if (copy) return runCopy(client, copy, values![0] as Iterable<string | Uint8Array>);
    const copyOut = typeof text === 'string' ? markedCopyOut(text) : undefined;
    if (copyOut) return runCopyOut(client, copyOut);
    const name = typeof text === 'string' ? nameOf(text) : undefined;
    if (name) return client.query({ name, text: text as string, values: values as unknown[] });
    return (client.query as (text: unknown, values?: readonly unknown[]) => unknown)(text, values);
  };
}
