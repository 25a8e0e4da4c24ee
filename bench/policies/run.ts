/**
 * Compliance and assignment-plan latency on a loaded database (three warm runs each, after one cold):
 *
 *   STRATUM_DATA_DIR=/tmp/perf npx tsx src/cli/main.ts demo --customers 20000 --seed 11
 *   STRATUM_DATA_DIR=/tmp/perf npx tsx src/cli/main.ts grade run --model composite
 *   npx tsx bench/policies/run.ts --data-dir /tmp/perf          # or --database-url postgres://…
 *
 * Acts as the demo's admin, manager1 and rep1. Not a test: it prints figures and never fails on a timing.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/connect.js';
import { getPlan } from '../../src/modules/assignment/assignment.service.js';
import { complianceSummary, listViolations } from '../../src/modules/compliance/compliance.service.js';
import { businessDay } from '../../src/modules/grading/instant.service.js';
import { findUserActor } from '../../src/modules/imports/cli-actor.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
});
const database = await openDatabase({
  databaseUrl: values['database-url'],
  dataDir: values['data-dir'] ?? './data',
});
const { db } = database;
const [admin, manager, rep] = [
  await findUserActor(db, undefined),
  await findUserActor(db, 'manager1'),
  await findUserActor(db, 'rep1'),
];
const today = businessDay(new Date());
const customers = await db
  .selectFrom('customers')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`${customers.n} customers, as of ${today}`);

async function time(label: string, run: () => Promise<string>) {
  const ms: number[] = [];
  let result = '';
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    result = await run();
    ms.push(performance.now() - start);
  }
  const warm = ms.slice(1).sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} cold ${ms[0]!.toFixed(0).padStart(5)} ms · warm median ${warm[1]!.toFixed(0).padStart(5)} ms · ${result}`,
  );
}

await time('compliance summary (admin)', async () => {
  const s = await complianceSummary(db, admin, today, {});
  return `${s.violating} of ${s.checked} violating`;
});
await time(
  'compliance page 50 (admin)',
  async () => `total ${(await listViolations(db, admin, today, { limit: 50 })).total}`,
);
await time(
  'compliance summary (manager)',
  async () => `${(await complianceSummary(db, manager, today, {})).checked} checked`,
);
await time(
  'compliance page 50 (rep)',
  async () => `total ${(await listViolations(db, rep, today, { limit: 50 })).total}`,
);
await time('assignment plan (team)', async () => {
  const plan = await getPlan(db, manager, {});
  return `${plan.moves.length} moves, ${plan.unfixable.length} unfixable`;
});
await time('assignment plan (all teams)', async () => `${(await getPlan(db, admin, {})).moves.length} moves`);
await database.close();
