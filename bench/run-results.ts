/**
 * The run page's list of who moved, on an existing database (e.g. `stratum demo --customers 100000`), for the
 * busiest rep, their manager and an admin: the first page of 20 with its total, of the newest run of a model
 * (MODEL, default `composite`) compared with its first run — unfiltered, one migration cell (the top grade kept),
 * the customers who left the population, and one province.
 */
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { runResults } from '../src/modules/grading/run-views.service.js';
import type { RunResultsFilter } from '../src/modules/grading/run-views.repository.js';
import { benchPeople, timeThrice } from './people.js';

const runtime = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'error' }));
const db = runtime.database.db;
const { rep, repOwns, manager, admin, actor } = await benchPeople(db);
const runs = await db
  .selectFrom('grading_runs as r')
  .innerJoin('grading_models as m', 'm.id', 'r.model_id')
  .select(['r.id'])
  .where('m.key', '=', process.env.MODEL ?? 'composite')
  .orderBy('r.id')
  .execute();
const [first, newest] = [runs[0]?.id, runs.at(-1)?.id];
if (first === undefined || newest === undefined || first === newest)
  throw new Error('needs two runs of the model: run `stratum grade run --model composite` twice');
const province = (
  await db.selectFrom('customers').select('province').where('province', 'is not', null).executeTakeFirst()
)?.province;
console.log(`run ${newest} against run ${first}; rep ${rep.login} owns ${repOwns}`);
const cases: [string, RunResultsFilter][] = [
  ['no comparison', {}],
  ['compared', { against: first }],
  ['cell top → top', { against: first, fromGrade: 0, grade: 0 }],
  ['left the population', { against: first, grade: -1 }],
  [`province ${province}`, { against: first, province: province ? [province] : undefined }],
];
for (const person of [rep, manager, admin]) {
  if (!person) continue;
  for (const [label, filter] of cases)
    await timeThrice(
      `${label}, first page of 20 (${person.role})`,
      () => runResults(db, actor(person), newest, filter, { limit: 20 }),
      (r) => `${r.total} in all`,
    );
}
await runtime.close();
