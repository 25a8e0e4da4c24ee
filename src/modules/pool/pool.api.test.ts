import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { expectRefused, json } from '../audit/api-fixtures.js';
import type { Client } from '../../testing/test-app.js';
import { keysOf, openWorld, worklist, type World } from '../worklist/testing/world.js';

/**
 * Grade B is recalled 30 days after the last follow-up, grade C after 60, grade A never (see testing/world.ts).
 * Owners are warned 7 days before (the default setting).
 */
let w: World;

const recall = async (asOf: string, client?: Client) => {
  const response = await (client ?? w.admin)('POST', '/api/pool/recall', { asOf });
  return { status: response.status, body: await json(response) };
};
const ownerOf = async (id: number) =>
  (
    await w.t.handle.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).owner_id;
const poolIds = async (client: Client) =>
  ((await json(await client('GET', '/api/pool'))).items ?? []).map((item) => item.id);
const claim = (client: Client, customerId: number) => client('POST', '/api/pool/claims', { customerId });

beforeAll(async () => {
  w = await openWorld('2026-09-20');
}, 60_000);

afterAll(() => w.t.close());

describe('recall to the pool', () => {
  let b: number;
  let a: number;
  let none: number;

  beforeAll(async () => {
    const { people } = w.t;
    const east1 = { owner: people.repEast1, team: people.teamEast };
    // Last follow-up 2026-08-25: recall day 2026-09-24, warned from 2026-09-17.
    b = await w.customer({ name: '公海候选客户', ...east1, grade: 'B', lastActivity: '2026-08-25' });
    a = await w.customer({ name: '关键客户', ...east1, grade: 'A', lastActivity: '2025-01-01' });
    none = await w.customer({ name: '无政策客户', ...east1, lastActivity: '2025-01-01' });
  });

  it('warns nobody the day before the warning window, then warns the owner once, in the inbox', async () => {
    expect((await recall('2026-09-16')).body.warned).toBe(0);
    expect((await recall('2026-09-17')).body.warned).toBe(1);
    expect((await recall('2026-09-18')).body.warned).toBe(0);
    const inbox = await json(await w.repEast1('GET', '/api/alerts'));
    const warnings = (inbox.items ?? []).filter((alert) => alert.kind === 'pool_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ customer: { id: b } });
    expect(JSON.stringify(warnings[0]?.message)).toContain('2026-09-24');
  });

  it('the worklist shows the coming recall to the owner', async () => {
    expect(keysOf((await worklist(w.repEast1)).items)).toContain(`${b}:pool_recall`);
  });

  it('does not recall one day before the recall days are up', async () => {
    const result = await recall('2026-09-23');
    expect(result.body.recalled).toBe(0);
    expect(await ownerOf(b)).toBe(w.t.people.repEast1);
  });

  it('recalls exactly when they are up: no owner, a pool entry, a move and an audit row', async () => {
    const result = await recall('2026-09-24');
    expect(result.body).toMatchObject({
      recalled: 1,
      customers: [{ customerId: b, ownerId: w.t.people.repEast1, recallOn: '2026-09-24' }],
    });
    expect(await ownerOf(b)).toBeNull();
    // A grade never recalled and a customer under no policy stay with their owner, however long ago the contact.
    expect(await ownerOf(a)).toBe(w.t.people.repEast1);
    expect(await ownerOf(none)).toBe(w.t.people.repEast1);
    const history = await json(await w.managerEast('GET', `/api/customers/${b}/history`));
    expect(history.items?.[0]).toMatchObject({ action: 'pool_recall', userId: null });
    const pool = await json(await w.managerEast('GET', '/api/pool'));
    expect(pool.items?.find((item) => item.id === b)).toMatchObject({
      reason: 'recalled',
      enteredOn: '2026-09-24',
      fromOwner: { id: w.t.people.repEast1 },
    });
    expect((await recall('2026-09-25')).body.recalled).toBe(0);
  });

  it('only an admin runs the recall by hand', async () => {
    expect((await recall('2026-09-24', w.managerEast)).status).toBe(403);
    expect((await recall('2026-09-24', w.repEast1)).status).toBe(403);
  });
});

describe('claiming from the pool', () => {
  let east: number[];
  let shared: number;
  let south: number;

  beforeAll(async () => {
    const { people } = w.t;
    w.setToday('2026-10-01');
    east = [];
    for (const name of ['华东公海一', '华东公海二', '华东公海三']) {
      const id = await w.customer({ name, owner: people.repEast2, team: people.teamEast, grade: 'C' });
      await w.repEast2('POST', '/api/pool/releases', { customerId: id, note: '不再跟进' });
      east.push(id);
    }
    shared = await w.customer({ name: '无团队公海客户', owner: null, team: null, grade: 'C' });
    await w.admin('POST', '/api/pool/releases', { customerId: shared }).then(async (r) => {
      // Nobody owns it, so it cannot be released; it enters the pool by the admin assigning and releasing it.
      expect(r.status).toBe(400);
    });
    await w.t.handle.db
      .updateTable('customers')
      .set({ owner_id: people.admin })
      .where('id', '=', shared)
      .execute();
    await w.admin('POST', '/api/pool/releases', { customerId: shared });
    south = await w.customer({
      name: '华南公海客户',
      owner: people.repSouth1,
      team: people.teamSouth,
      grade: 'C',
    });
    await w.repSouth1('POST', '/api/pool/releases', { customerId: south });
  });

  it("a rep sees their team's pool and the shared pool, never another team's", async () => {
    const eastView = await poolIds(w.repEast1);
    expect(eastView).toEqual(expect.arrayContaining([...east, shared]));
    expect(eastView).not.toContain(south);
    const southView = await poolIds(w.repSouth1);
    expect(southView).toContain(south);
    expect(southView).toContain(shared);
    for (const id of east) expect(southView).not.toContain(id);
    expect((await claim(w.repSouth1, east[0]!)).status).toBe(404);
  });

  it('the release is audited and shown in the history', async () => {
    const history = await json(await w.managerEast('GET', `/api/customers/${east[0]}/history`));
    expect(history.items?.[0]).toMatchObject({
      action: 'pool_release',
      userId: w.t.people.repEast2,
      after: { owner_id: null, note: '不再跟进' },
    });
  });

  it('a rep may not re-claim a customer they released within the re-claim days; a colleague may', async () => {
    await expectRefused(await claim(w.repEast2, east[0]!), 409, 'customerId', 'pool_reclaim_blocked');
    const response = await claim(w.repEast1, east[0]!);
    expect(response.status).toBe(200);
    expect(await ownerOf(east[0]!)).toBe(w.t.people.repEast1);
    const history = await json(await w.repEast1('GET', `/api/customers/${east[0]}/history`));
    expect(history.items?.[0]).toMatchObject({ action: 'pool_claim', userId: w.t.people.repEast1 });
    expect(await poolIds(w.repEast1)).not.toContain(east[0]);
  });

  it('claims per day are limited, and the count starts again the next day', async () => {
    await w.admin('PATCH', '/api/worklist/settings', { maxClaimsPerDay: 1 });
    await expectRefused(await claim(w.repEast1, east[1]!), 409, 'customerId', 'pool_daily_limit');
    w.setToday('2026-10-02');
    expect((await claim(w.repEast1, east[1]!)).status).toBe(200);
    await w.admin('PATCH', '/api/worklist/settings', { maxClaimsPerDay: 10 });
  });

  it('owned customers are limited (the setting, else the rep capacity)', async () => {
    const limits = await json(await w.repEast1('GET', '/api/pool/limits'));
    await w.admin('PATCH', '/api/worklist/settings', { maxOwned: limits.owned });
    await expectRefused(await claim(w.repEast1, east[2]!), 409, 'customerId', 'pool_owned_limit');
    await w.admin('PATCH', '/api/worklist/settings', { maxOwned: null });
    await w.t.handle.db
      .updateTable('users')
      .set({ capacity: Number(limits.owned) })
      .where('id', '=', w.t.people.repEast1)
      .execute();
    await expectRefused(await claim(w.repEast1, east[2]!), 409, 'customerId', 'pool_owned_limit');
    await w.t.handle.db
      .updateTable('users')
      .set({ capacity: 60 })
      .where('id', '=', w.t.people.repEast1)
      .execute();
    expect((await claim(w.repEast1, east[2]!)).status).toBe(200);
  });

  it('after the re-claim days the releasing rep may claim again', async () => {
    await w.repEast1('POST', '/api/pool/releases', { customerId: east[2] });
    w.setToday('2026-10-31');
    await expectRefused(await claim(w.repEast1, east[2]!), 409, 'customerId', 'pool_reclaim_blocked');
    w.setToday('2026-11-01');
    expect((await claim(w.repEast1, east[2]!)).status).toBe(200);
  });

  it("a rep cannot release a customer they do not own (another rep's is not found)", async () => {
    const own = await w.customer({
      name: '赵四的客户',
      owner: w.t.people.repEast2,
      team: w.t.people.teamEast,
    });
    expect((await w.repEast1('POST', '/api/pool/releases', { customerId: own })).status).toBe(404);
    expect(await ownerOf(own)).toBe(w.t.people.repEast2);
  });

  it('a claimed customer is not recalled at once: its recall clock starts on the claim day', async () => {
    const result = await recall('2026-11-02');
    const recalledIds = ((result.body.customers ?? []) as { customerId: number }[]).map((r) => r.customerId);
    expect(recalledIds).not.toContain(east[2]);
  });
});

describe('a policy adopted after the last follow-up', () => {
  it('gives the owner the full recall days from the day the policy was introduced, not a recall on that day', async () => {
    const { people } = w.t;
    const db = w.t.handle.db;
    const late = await w.customer({
      name: '政策前久未跟进客户',
      owner: people.repEast1,
      team: people.teamEast,
      grade: 'B',
      lastActivity: '2026-01-05',
    });
    const { rows } = await sql<{ policy_id: number }>`
      SELECT policy_id FROM customer_service_policy WHERE customer_id = ${late}`.execute(db);
    await sql`UPDATE service_policies SET created_at = '2026-10-01T09:00:00+08'
              WHERE id = ${rows[0]!.policy_id}`.execute(db);
    // Grade B: 30 recall days from 2026-10-01, although the last follow-up was nine months before.
    await recall('2026-10-30');
    expect(await ownerOf(late)).toBe(people.repEast1);
    const result = await recall('2026-10-31');
    expect(result.body.customers).toContainEqual({
      customerId: late,
      ownerId: people.repEast1,
      recallOn: '2026-10-31',
    });
    expect(await ownerOf(late)).toBeNull();
  });
});
