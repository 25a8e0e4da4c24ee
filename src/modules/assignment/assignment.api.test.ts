import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { expectRefused } from '../audit/api-fixtures.js';
import { insertGradedCustomer, modelIdOf } from '../policies/testing/graded-customers.js';

/**
 * East under the composite policy: mgr.east senior, rep.east1 junior, rep.east2 and rep.east3 middle.
 *   K1 A  rep.east1 (too junior)                   → mgr.east (the only senior with room)
 *   I1–I3 B rep.east2: 3 × 1/2 = 1.5 managers      → I1 to rep.east3 (one move brings rep.east2 to 1.0)
 *   G1 C  no owner                                 → rep.east1 (the least senior who qualifies, free once K1 leaves)
 *   P1 D  no owner, pool mode                      stays
 * South: S1 A without owner → mgr.south.
 */
let t: TestApp;
let admin: Client;
let managerEast: Client;
let managerSouth: Client;
let repEast1: Client;
let repEast3: number;
const ids: Record<string, number> = {};

interface Plan {
  teamId: number | null;
  moves: Array<{
    code: string;
    customerId: number;
    fromOwnerId: number | null;
    toOwnerId: number;
    fixes: string[];
  }>;
  unfixable: Array<{ code: string; reason: string }>;
  managers: Array<{ id: number; loadBefore: number | null; loadAfter: number | null }>;
  headcount: Array<{ level: string; formula: string; needed: number; existing: number; gap: number }>;
}

const plan = async (client: Client, query = '') => {
  const response = await client('GET', `/api/assignment/plan${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Plan;
};
const ownerOf = async (code: string) =>
  (
    await t.handle.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', ids[code]!)
      .executeTakeFirstOrThrow()
  ).owner_id;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.handle.db;
  const p = t.people;
  await db.updateTable('users').set({ level: 'middle' }).where('id', '=', p.repEast2).execute();
  repEast3 = (
    await db
      .insertInto('users')
      .values({
        login: 'rep.east3',
        name: '钱七',
        role: 'rep',
        team_id: p.teamEast,
        level: 'middle',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const composite = await modelIdOf(db, 'composite');
  const specs: Array<[string, number, number | null, string]> = [
    ['K1', p.teamEast, p.repEast1, 'A'],
    ['I1', p.teamEast, p.repEast2, 'B'],
    ['I2', p.teamEast, p.repEast2, 'B'],
    ['I3', p.teamEast, p.repEast2, 'B'],
    ['G1', p.teamEast, null, 'C'],
    ['P1', p.teamEast, null, 'D'],
    ['S1', p.teamSouth, null, 'A'],
  ];
  for (const [code, teamId, ownerId, grade] of specs) {
    ids[code] = await insertGradedCustomer(db, composite, grade, {
      code,
      name: `客户 ${code}`,
      team_id: teamId,
      owner_id: ownerId,
    });
  }
  [admin, managerEast, managerSouth, repEast1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('managerSouth'),
    t.as('repEast1'),
  ]);
});
afterAll(async () => t.close());

describe('assignment plan API', () => {
  it("proposes the fewest moves for the manager's own team, most demanding grade first", async () => {
    const body = await plan(managerEast);
    const p = t.people;
    expect(body.teamId).toBe(p.teamEast);
    expect(body.moves.map((m) => [m.code, m.fromOwnerId, m.toOwnerId, m.fixes])).toEqual([
      ['K1', p.repEast1, p.managerEast, ['level_below']],
      ['G1', null, p.repEast1, ['no_owner']],
      ['I1', p.repEast2, repEast3, ['over_capacity']],
    ]);
    expect(body.unfixable).toEqual([]);
    expect(body.managers.find((m) => m.id === p.repEast2)).toMatchObject({ loadBefore: 1.5, loadAfter: 1 });
  });

  it('shows the headcount each level needs for the grade distribution, with the arithmetic', async () => {
    const body = await plan(managerEast);
    expect(body.headcount.map((l) => [l.level, l.formula, l.needed, l.existing, l.gap])).toEqual([
      ['senior', '1/1 = 1.00', 1, 1, 0],
      ['middle', '3/2 = 1.50', 2, 2, 0],
      ['junior', '1/5 = 0.20', 1, 1, 0],
    ]);
  });

  it('lets an admin plan every team, and refuses a manager another team or a rep any plan', async () => {
    expect((await plan(admin)).moves.map((m) => m.code)).toContain('S1');
    expect((await plan(admin, `?teamId=${t.people.teamSouth}`)).moves.map((m) => m.code)).toEqual(['S1']);
    expect((await managerEast('GET', `/api/assignment/plan?teamId=${t.people.teamSouth}`)).status).toBe(400);
    expect((await repEast1('GET', '/api/assignment/plan')).status).toBe(403);
  });

  it('refuses a rep applying anything, and changes nothing', async () => {
    const response = await repEast1('POST', '/api/assignment/apply', {
      moves: [{ customerId: ids.G1, toOwnerId: t.people.repEast1 }],
    });
    expect(response.status).toBe(403);
    expect(await ownerOf('G1')).toBeNull();
  });

  it("refuses a manager moving another team's customer, naming the move", async () => {
    await expectRefused(
      await managerEast('POST', '/api/assignment/apply', {
        moves: [
          { customerId: ids.G1, toOwnerId: t.people.repEast1 },
          { customerId: ids.S1, toOwnerId: t.people.managerEast },
        ],
      }),
      400,
      'moves.1.customerId',
      'unknown_customer',
    );
    expect(await ownerOf('G1')).toBeNull();
    expect(await ownerOf('S1')).toBeNull();
  });

  it('refuses an edited move that would add a violation or moves a compliant customer', async () => {
    await expectRefused(
      await managerEast('POST', '/api/assignment/apply', {
        moves: [{ customerId: ids.I1, toOwnerId: t.people.repEast1 }],
      }),
      400,
      'moves.0.toOwnerId',
      'level_below_required',
    );
    await expectRefused(
      await managerEast('POST', '/api/assignment/apply', {
        moves: [
          { customerId: ids.I2, toOwnerId: t.people.managerEast },
          { customerId: ids.K1, toOwnerId: t.people.managerEast },
        ],
      }),
      400,
      'moves.1.toOwnerId',
      'over_capacity',
    );
    await expectRefused(
      await managerSouth('POST', '/api/assignment/apply', {
        moves: [
          { customerId: ids.S1, toOwnerId: t.people.managerSouth },
          { customerId: ids.S1, toOwnerId: t.people.managerSouth },
        ],
      }),
      400,
      'moves.1.customerId',
      'duplicate',
    );
    expect(await ownerOf('I1')).toBe(t.people.repEast2);
  });

  it('applies a reviewed plan with a move dropped, in one go, audited in each customer history', async () => {
    const response = await managerEast('POST', '/api/assignment/apply', {
      moves: [
        { customerId: ids.K1, toOwnerId: t.people.managerEast },
        { customerId: ids.I1, toOwnerId: repEast3 },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ applied: 2 });
    expect([await ownerOf('K1'), await ownerOf('I1'), await ownerOf('G1')]).toEqual([
      t.people.managerEast,
      repEast3,
      null,
    ]);
    const history = (await (await managerEast('GET', `/api/customers/${ids.K1}/history`)).json()) as {
      items: Array<{ entity: string; action: string; after: { owner_id: number } }>;
    };
    expect(history.items[0]).toMatchObject({
      entity: 'customer',
      action: 'update',
      after: { owner_id: t.people.managerEast },
    });
    const plans = await t.handle.db
      .selectFrom('audit_log')
      .select(['user_id', 'after'])
      .where('entity', '=', 'assignment_plan')
      .execute();
    expect(plans).toHaveLength(1);
    expect(plans[0]!.user_id).toBe(t.people.managerEast);
    expect((await plan(managerEast)).moves.map((m) => m.code)).toEqual(['G1']);
    await expectRefused(
      await managerEast('POST', '/api/assignment/apply', {
        moves: [{ customerId: ids.K1, toOwnerId: t.people.managerEast }],
      }),
      400,
      'moves.0.customerId',
      'already_compliant',
    );
  });
});
