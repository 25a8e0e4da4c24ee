/**
 * Receivables timings on an existing database (e.g. `stratum demo --customers 100000`): the aging report and the
 * first page of the overdue list (oldest due first, with its total) for the busiest rep, their manager and an admin,
 * today and as of AS_OF when it is set.
 */
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { agingReport } from '../src/modules/payments/aging.service.js';
import { listPayments } from '../src/modules/payments/payment.service.js';
import { benchPeople, timeThrice } from './people.js';

const runtime = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'error' }));
const db = runtime.database.db;
const { rep, repOwns, manager, admin, actor } = await benchPeople(db);
console.log('rep', rep.login, 'owns', repOwns);
const asOf = process.env.AS_OF;
for (const person of [rep, manager, admin]) {
  if (!person) continue;
  await timeThrice(
    `aging (${person.role})`,
    () => agingReport(db, actor(person), { asOf }),
    (r) =>
      `${r.total.outstanding.count} outstanding, ${r.total.overdue.count} overdue, ${r.owners.length} owners`,
  );
  await timeThrice(
    `overdue list, first page of 20 (${person.role})`,
    () => listPayments(db, actor(person), { asOf, status: 'overdue', order: 'due_asc', limit: 20 }),
    (r) => `${r.total} in all`,
  );
}
await runtime.close();
