import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { created } from '../audit/api-fixtures.js';
import { restoreBackup } from './backup.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-12-07T18:00:00Z'));
  const admin = await t.as('admin');
  await created(await admin('POST', '/api/customers', { code: 'API-B1', name: '接口备份客户' }));
});
afterAll(async () => t.close());

describe('GET /api/backup', () => {
  it('gives an admin the whole database as a gzip backup, named for the day in Beijing, and audits it', async () => {
    const admin = await t.as('admin');
    const response = await admin('GET', '/api/backup');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toContain('stratum-2026-12-08.backup.gz');
    const bytes = gunzipSync(Buffer.from(await response.arrayBuffer()));
    const target = await openTestDatabase();
    try {
      const counts = await restoreBackup(
        target.db,
        (async function* () {
          yield bytes;
        })(),
      );
      expect(counts.customers).toBe(1);
      const restored = await target.db.selectFrom('customers').select('name').execute();
      expect(restored).toEqual([{ name: '接口备份客户' }]);
    } finally {
      await target.close();
    }
    const entries = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity', '=', 'database')
      .execute();
    expect(entries).toEqual([{ action: 'backup', user_id: t.people.admin }]);
  });

  it('refuses a manager and a rep, and writes nothing for them', async () => {
    for (const who of ['managerEast', 'repEast1'] as const) {
      const response = await (await t.as(who))('GET', '/api/backup');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('action', '=', 'backup')
      .execute();
    expect(audited.map((entry) => entry.user_id)).not.toContain(t.people.managerEast);
    expect(audited.map((entry) => entry.user_id)).not.toContain(t.people.repEast1);
  });
});
