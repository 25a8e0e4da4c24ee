import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openWorld, type World } from '../worklist/testing/world.js';
import { startPoolRecallJob } from './pool.job.js';

let w: World;
beforeAll(async () => {
  w = await openWorld('2026-09-24');
}, 60_000);
afterAll(() => w.t.close());

it('the daily job recalls at start as of the business day of its clock, and stop waits for it', async () => {
  const { people } = w.t;
  // Grade B: 30 recall days after 2026-08-25 is 2026-09-24, today.
  const due = await w.customer({
    name: '今日回收客户',
    owner: people.repEast1,
    team: people.teamEast,
    grade: 'B',
    lastActivity: '2026-08-25',
  });
  const notYet = await w.customer({
    name: '明日回收客户',
    owner: people.repEast1,
    team: people.teamEast,
    grade: 'B',
    lastActivity: '2026-08-26',
  });
  const job = startPoolRecallJob({
    db: w.t.handle.db,
    logger: pino({ level: 'silent' }),
    now: () => w.clock.now,
  });
  await job.stop();
  const owners = await w.t.handle.db
    .selectFrom('customers')
    .select(['id', 'owner_id'])
    .where('id', 'in', [due, notYet])
    .orderBy('id')
    .execute();
  expect(owners).toEqual([
    { id: due, owner_id: null },
    { id: notYet, owner_id: people.repEast1 },
  ]);
});
