import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { DatabaseHandle } from './connect.js';
import { preparedStatement } from './prepared.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

const teamsNamed = (name: string) =>
  handle.db
    .selectFrom('teams')
    .modifyFront(preparedStatement)
    .select(['id', 'name'])
    .where('name', '=', name)
    .execute();

describe('prepared statements', () => {
  it('a marked select gives the same rows as an unmarked one, with different parameters each call', async () => {
    await handle.db
      .insertInto('teams')
      .values([{ name: '华东' }, { name: '华南' }])
      .execute();
    for (const name of ['华东', '华南', '华东', '西北', '华南', '华东', '华南']) {
      const plain = await handle.db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('name', '=', name)
        .execute();
      expect(await teamsNamed(name)).toEqual(plain);
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'on PostgreSQL a marked select is prepared once on its connection and then reused by name',
    async () => {
      await handle.db.connection().execute(async (connection) => {
        const query = connection
          .selectFrom('teams')
          .modifyFront(preparedStatement)
          .select('id')
          .where('name', '=', '华东');
        await query.execute();
        await query.execute();
        const { rows } = await sql<{ name: string; calls: number }>`
          SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements
          WHERE statement = ${query.compile().sql}`.execute(connection);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.name).toMatch(/^stratum_\d+$/);
        expect(Number(rows[0]!.calls)).toBe(2);
      });
    },
  );
});
