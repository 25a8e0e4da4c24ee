import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { findUserActor } from '../src/modules/imports/cli-actor.js';
import { listDuplicateGroups, mergeCustomers } from '../src/modules/customers/merge.service.js';

/**
 * The duplicates report and a merge on a loaded database (`stratum demo --customers 100000`), as the admin: the
 * report's first page, and merges of customers with the most orders, each in a transaction rolled back, so the
 * database is left as it was. `DATABASE_URL=… npx tsx bench/merge.ts [merges]`
 */
const merges = Number(process.argv[2] ?? 5);
const runtime = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'error' }));
const db = runtime.database.db;
const admin = await findUserActor(db, undefined);
const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
};

for (let round = 1; round <= 3; round++) {
  const [page, ms] = await time(() => listDuplicateGroups(db, admin, { limit: 50, offset: 0 }));
  console.log(`duplicates report, first page of 50: ${ms.toFixed(0)} ms (${page.total} groups)`);
}
const { rows: pairs } = await sql<{ survivor: number; duplicate: number; orders: number }>`
  SELECT a.customer_id AS survivor, b.customer_id AS duplicate, b.order_count AS orders
    FROM (SELECT customer_id, order_count, row_number() OVER (ORDER BY order_count DESC) AS n FROM customer_state) a
    JOIN (SELECT customer_id, order_count, row_number() OVER (ORDER BY order_count DESC) AS n FROM customer_state) b
      ON b.n = a.n + 1
   WHERE a.n % 2 = 1 ORDER BY a.n LIMIT ${merges}`.execute(db);
for (const pair of pairs) {
  const [moved, ms] = await time(() =>
    db
      .transaction()
      .execute(async (trx) => {
        const result = await mergeCustomers(
          trx,
          admin,
          pair.survivor,
          { duplicateIds: [pair.duplicate] },
          new Date(),
        );
        throw Object.assign(new Error('rollback'), { result });
      })
      .catch((error: { result?: { moved: unknown } }) => {
        if (!error.result) throw error;
        return error.result.moved;
      }),
  );
  console.log(`merge of a customer with ${pair.orders} orders: ${ms.toFixed(0)} ms`, JSON.stringify(moved));
}
await runtime.close();
