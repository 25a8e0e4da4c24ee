import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../src/db/connect.js';

export interface BenchDatabase {
  readonly handle: DatabaseHandle;
  /** True when the database was just created (load the data), false when a kept one is reused. */
  readonly fresh: boolean;
  readonly cleanup: () => Promise<void>;
}

/**
 * A benchmark's database. Without a server URL, PGlite: in the directory `keep` (loaded once and kept for the next
 * invocation) or in a throwaway temporary directory. With one, a database on that server, named `keep` (created
 * once and kept) or a throwaway `<prefix>_<pid>`.
 */
export async function openBenchDatabase(
  serverUrl: string | undefined,
  keep: string | undefined,
  prefix: string,
): Promise<BenchDatabase> {
  if (!serverUrl && keep) {
    const fresh = !fs.existsSync(keep);
    return { handle: await openPglite(keep), fresh, cleanup: async () => undefined };
  }
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    const handle = await openPglite(dir);
    return { handle, fresh: true, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = keep ?? `${prefix.replaceAll('-', '_')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 4);
  return {
    handle,
    fresh: !exists,
    cleanup: async () => {
      if (keep) return;
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
