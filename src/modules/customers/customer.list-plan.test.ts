import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import type { Actor } from '../auth/actor.js';
import { CustomerListQuery } from './customer.schema.js';
import { listCustomerRows, listCustomerViews } from './customer.repository.js';

let handle: DatabaseHandle;
const admin: Actor = { id: 1, login: 'admin', name: 'Admin', role: 'admin', teamId: null };

beforeAll(async () => {
  handle = await openTestDatabase();
  await sql`INSERT INTO customers (name) SELECT '客户 ' || i FROM generate_series(1, 20000) AS i`.execute(
    handle.db,
  );
  await sql`ANALYZE customers`.execute(handle.db);
});
afterAll(async () => handle.close());

describe('the customer list statement', () => {
  it("serves each user's scope from its own reused base: a rep between two admin pages sees only their own", async () => {
    const repId = (
      await handle.db
        .insertInto('users')
        .values({ login: 'rep.list', name: '列表销售', role: 'rep', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await sql`UPDATE customers SET owner_id = ${repId} WHERE id IN (SELECT id FROM customers ORDER BY id LIMIT 3)`.execute(
      handle.db,
    );
    const rep: Actor = { id: repId, login: 'rep.list', name: '列表销售', role: 'rep', teamId: null };
    const filter = CustomerListQuery.parse({ limit: '500' });
    expect(await listCustomerRows(handle.db, admin, filter)).toHaveLength(501);
    const repRows = await listCustomerRows(handle.db, rep, filter);
    expect(repRows).toHaveLength(3);
    expect(repRows.every((row) => row.owner_id === repId)).toBe(true);
    expect(await listCustomerRows(handle.db, admin, filter)).toHaveLength(501);
  });

  it('a page read inside a transaction is read by that transaction, whatever was read outside it before', async () => {
    const filter = CustomerListQuery.parse({ limit: '5', q: '事务内新客户' });
    expect(await listCustomerRows(handle.db, admin, filter)).toHaveLength(0);
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('customers').values({ name: '事务内新客户' }).execute();
        expect(await listCustomerRows(trx, admin, filter)).toHaveLength(1);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await listCustomerRows(handle.db, admin, filter)).toHaveLength(0);
  });

  it("keeps the table's rows and the full records apart: each keeps its own columns, in either order", async () => {
    const filter = CustomerListQuery.parse({ limit: '2' });
    for (let round = 0; round < 2; round++) {
      const [row] = await listCustomerRows(handle.db, admin, filter);
      const [record] = await listCustomerViews(handle.db, admin, filter);
      expect(row).not.toHaveProperty('referred_by_name');
      expect(record).toHaveProperty('referred_by_name');
      expect(record).toHaveProperty('state_profit');
    }
  });

  it('gives the page it is asked for, one row more telling that another page follows', async () => {
    const rows = await listCustomerRows(handle.db, admin, CustomerListQuery.parse({ limit: '20' }));
    expect(rows).toHaveLength(21);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'on PostgreSQL is planned once per connection and then run on its generic plan, not planned on every call',
    async () => {
      await handle.db.connection().execute(async (connection) => {
        const filter = CustomerListQuery.parse({ limit: '50' });
        for (let call = 0; call < 8; call++) await listCustomerRows(connection, admin, filter);
        const { rows } = await sql<{ generic: number; custom: number }>`
          SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements
          WHERE statement LIKE '%from "customers"%order by%'
          ORDER BY generic_plans + custom_plans DESC LIMIT 1`.execute(connection);
        expect(Number(rows[0]!.generic) + Number(rows[0]!.custom)).toBeGreaterThanOrEqual(8);
        // PostgreSQL tries five custom plans before it compares them with the generic one.
        expect(Number(rows[0]!.custom)).toBeLessThanOrEqual(5);
        expect(Number(rows[0]!.generic)).toBeGreaterThanOrEqual(3);
      });
    },
  );
});
