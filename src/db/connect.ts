import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import { preparingPool } from './prepared.js';
import { pgliteWithCopy } from './pglite-copy.js';
import { lockDataDir } from './data-dir-lock.js';
import { DEFAULT_PGLITE_SHARED_BUFFERS } from '../config.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Present on PostgreSQL: bulk paths (COPY) need a raw client. */
  readonly pool?: pg.Pool;
  /** Present on PGlite: bulk paths (COPY FROM a blob) need the raw instance. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Both drivers return the same JavaScript values: dates as 'YYYY-MM-DD' strings (a calendar date has no time zone),
 * bigint counts as numbers (counts and ids stay far below 2^53), numeric money as exact decimal strings.
 */
const keepText = (value: string) => value;
const toNumber = (value: string) => Number(value);

function postgresTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return keepText;
      if (oid === INT8_OID) return toNumber;
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: postgresTypes() });
  // An idle connection the server closes (restart, dropped test database) must not take the process down.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool) }),
  });
  return { db, kind: 'postgres', pool, close: () => db.destroy() };
}

/**
 * `dataDir` undefined gives an in-memory database (tests); `initialData`, a tarball of another one's data directory
 * (`dumpDataDir`), starts it from that copy instead of an empty cluster.
 */
export async function openPglite(
  dataDir: string | undefined,
  sharedBuffers = DEFAULT_PGLITE_SHARED_BUFFERS,
  initialData?: Blob,
): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const unlock = dataDir ? lockDataDir(path.resolve(dataDir)) : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { [pgliteTypes.DATE]: keepText, [pgliteTypes.INT8]: toNumber },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
      loadDataDir: initialData,
    });
  } catch (error) {
    unlock?.();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pgliteWithCopy(pglite) }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock?.();
      }
    },
  };
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  pgliteSharedBuffers?: string;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(path.join(options.dataDir, 'pglite'), options.pgliteSharedBuffers);
}
