/**
 * Worklist and pool timings on an existing database (e.g. `stratum demo --customers 100000`): the busiest rep's
 * today and week lists, their manager's list with the team's escalations, an admin opening the rep's list, one recall
 * over every customer (it changes the database: use a throwaway one) and a pool page. AS_OF sets the business day.
 */
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { getWorklist } from '../src/modules/worklist/worklist.service.js';
import { listPool, runRecall } from '../src/modules/pool/pool.service.js';
import { sql } from 'kysely';
import { benchPeople, timeThrice } from './people.js';

const runtime = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'error' }));
const db = runtime.database.db;
const count = async (q: string) => (await sql.raw<{ n: number }>(q).execute(db)).rows[0]?.n;
console.log(
  'customers',
  await count('SELECT count(*)::int AS n FROM customers'),
  'with policy',
  await count('SELECT count(*)::int AS n FROM customer_service_policy'),
  'owned',
  await count('SELECT count(*)::int AS n FROM customers WHERE owner_id IS NOT NULL'),
);
const { rep: user, repOwns, manager, admin, actor } = await benchPeople(db);
const now = new Date(process.env.AS_OF ? `${process.env.AS_OF}T10:00:00+08:00` : Date.now());
const time = timeThrice;
console.log('rep', user.login, 'owns', repOwns);
await time(
  'worklist today (rep)',
  () => getWorklist(db, actor(user), { view: 'today', limit: 500 }, now),
  (r) => `${r.items.length} items`,
);
await time(
  'worklist week (rep)',
  () => getWorklist(db, actor(user), { view: 'week', limit: 500 }, now),
  (r) => `${r.items.length} items ${JSON.stringify(r.counts)}`,
);
if (manager) {
  const teamSize = await count(`SELECT count(*)::int AS n FROM customers WHERE team_id = ${user.team_id}`);
  await time(
    `worklist today (manager, team of ${teamSize})`,
    () => getWorklist(db, actor(manager), { view: 'today', limit: 500 }, now),
    (r) => `${r.items.length} items, ${r.escalated} escalated`,
  );
}
await time(
  'worklist today of the rep, opened by admin',
  () => getWorklist(db, actor(admin), { view: 'today', userId: user.id, limit: 500 }, now),
  (r) => `${r.items.length} items`,
);
const asOf = process.env.AS_OF ?? now.toISOString().slice(0, 10);
const t0 = performance.now();
const result = await db.transaction().execute((trx) => runRecall(trx, asOf));
console.log(
  'pool recall (all customers)',
  (performance.now() - t0).toFixed(0),
  'ms',
  result.recalled,
  'recalled',
  result.warned,
  'warned',
);
await time(
  'pool list (rep)',
  () => listPool(db, actor(user), { limit: 50, offset: 0 }, asOf),
  (r) => `${r.total} in pool`,
);
await runtime.close();
