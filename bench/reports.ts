/**
 * Report timings on an existing database (e.g. `stratum demo --customers 100000`), for the busiest rep, their
 * manager and an admin: the receivables aging and the first page of the overdue list (oldest due first, with its
 * total), today or as of AS_OF; the follow-up summary and the first page of the follow-up log over the last
 * DAYS days (default 31) before AS_OF or today; the sales summary of that period (with the period before) and the
 * first page of its orders.
 */
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { agingReport } from '../src/modules/payments/aging.service.js';
import { listPayments } from '../src/modules/payments/payment.service.js';
import { activitySummary } from '../src/modules/activities/activity-summary.service.js';
import { listActivities } from '../src/modules/activities/activity.service.js';
import { addDays, businessDay } from '../src/modules/worklist/business-day.js';
import { salesSummary } from '../src/modules/orders/sales-summary.service.js';
import { listOrders } from '../src/modules/orders/order.service.js';
import { benchPeople, timeThrice } from './people.js';

const runtime = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'error' }));
const db = runtime.database.db;
const { rep, repOwns, manager, admin, actor } = await benchPeople(db);
console.log('rep', rep.login, 'owns', repOwns);
const asOf = process.env.AS_OF;
const to = asOf ?? businessDay(new Date());
const from = addDays(to, -Number(process.env.DAYS ?? 31));
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
    () =>
      listPayments(db, actor(person), { asOf, status: 'overdue', sort: 'dueDate', order: 'asc', limit: 20 }),
    (r) => `${r.total} in all`,
  );
  await timeThrice(
    `follow-up summary, ${from}–${to} (${person.role})`,
    () => activitySummary(db, actor(person), { from, to }),
    (r) => `${r.total.count} follow-ups, ${r.total.customers} customers, ${r.users.length} people`,
  );
  await timeThrice(
    `follow-up log, first page of 20 (${person.role})`,
    () => listActivities(db, actor(person), { from, to, limit: 20 }),
    (r) => `${r.total} in all`,
  );
  await timeThrice(
    `sales summary, ${from}–${to} and the period before (${person.role})`,
    () => salesSummary(db, actor(person), { from, to }, new Date()),
    (r) => `${r.total.orders} orders, ${r.total.amount} yuan, ${r.owners.length} owners`,
  );
  await timeThrice(
    `orders, first page of 20 (${person.role})`,
    () => listOrders(db, actor(person), { from, to, sort: 'orderDate', order: 'desc', limit: 20 }),
    (r) => `${r.total} in all`,
  );
}
await runtime.close();
