import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openTestDatabase } from '../../testing/test-database.js';

const counts = async (db: DatabaseHandle['db']) =>
  (
    await sql<{ customers: number; orders: number; audits: number }>`
      SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM orders) AS orders,
             (SELECT count(*)::int FROM audit_log WHERE entity = 'import') AS audits`.execute(db)
  ).rows[0];

describe('an import killed with SIGKILL just before its commit', () => {
  it('leaves the database as it was: no customer, order or audit entry of it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stratum-import-kill-'));
    const file = path.join(dataDir, 'orders.csv');
    const lines = ['订单号,客户编号,成交日期,金额'];
    for (let i = 1; i <= 12_000; i++)
      lines.push(`K-${i},KC${i % 300},2024-03-${String((i % 28) + 1).padStart(2, '0')},${i}.50`);
    writeFileSync(file, lines.join('\n'));
    const onServer = Boolean(process.env.DATABASE_URL);
    const database = onServer
      ? await openTestDatabase()
      : await openDatabase({ dataDir: path.join(dataDir, 'db') });
    if (!onServer) await migrateToLatest(database.db);
    const before = await counts(database.db);
    // PGlite is single-process: the child can open the files only once this process has let go of them.
    if (!onServer) await database.close();
    const url = onServer
      ? (database.pool as unknown as { options: { connectionString: string } }).options.connectionString
      : undefined;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./testing/import-until-commit.ts', import.meta.url)),
        file,
        path.join(dataDir, 'db'),
      ],
      {
        env: { ...process.env, ...(url ? { DATABASE_URL: url } : {}) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready-to-commit')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const reopened = onServer ? database : await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      expect(await counts(reopened.db)).toEqual(before);
    } finally {
      await reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
