import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { databaseUrlOf, withServer } from './database-template.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway database on the
 * PostgreSQL server named by DATABASE_URL (CI's second leg). Both are copies of the suite's migrated template
 * (database-template.ts); migrating afterwards only confirms it is current. Closing it drops the throwaway database.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  const handle =
    template.kind === 'postgres'
      ? await openThrowawayPostgres(template.serverUrl, template.name)
      : await openPglite(undefined, undefined, new Blob([readFileSync(template.file)]));
  await migrateToLatest(handle.db);
  return handle;
}

async function openThrowawayPostgres(serverUrl: string, template: string): Promise<DatabaseHandle> {
  const name = `stratum_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const handle = openPostgres(databaseUrlOf(serverUrl, name), 4);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
