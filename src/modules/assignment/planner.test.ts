import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserLevel } from '../../db/database.js';
import { LEVEL_RANK } from '../policies/policy.rules.js';
import {
  assignmentViolations,
  checkMoves,
  customerWeight,
  LOAD_EPSILON,
  planAssignments,
  type PlanCustomer,
  type PlanManager,
  type PlanRule,
} from './planner.js';

const KEY: PlanRule = { mode: 'dedicated', max: 1, requiredLevel: 'senior' };
const IMPORTANT: PlanRule = { mode: 'shared', max: 2, requiredLevel: 'middle' };
const GENERAL: PlanRule = { mode: 'shared', max: 5, requiredLevel: 'junior' };
const POOL: PlanRule = { mode: 'pool', max: null, requiredLevel: null };

const manager = (id: number, level: UserLevel, teamId = 1, capacity = 100): PlanManager => ({
  id,
  teamId,
  level,
  capacity,
  assignable: true,
});
const customer = (
  id: number,
  ownerId: number | null,
  rule: PlanRule | null,
  teamId: number | null = 1,
): PlanCustomer => ({
  id,
  teamId,
  ownerId,
  rule,
});

/** The owners after the plan's moves. */
function applied(customers: readonly PlanCustomer[], moves: ReturnType<typeof planAssignments>['moves']) {
  const to = new Map(moves.map((m) => [m.customerId, m.toOwnerId]));
  return customers.map((c) => ({ ...c, ownerId: to.get(c.id) ?? c.ownerId }));
}

describe('assignment planner', () => {
  it('gives an unowned key account to a senior with room, and keeps a compliant relationship as it is', () => {
    const managers = [manager(1, 'senior'), manager(2, 'senior'), manager(3, 'junior')];
    const customers = [customer(10, 1, KEY), customer(11, null, KEY), customer(12, 3, GENERAL)];
    const plan = planAssignments(customers, managers);
    expect(plan.moves).toEqual([{ customerId: 11, fromOwnerId: null, toOwnerId: 2, fixes: ['no_owner'] }]);
    expect(plan.unfixable).toEqual([]);
  });

  it('moves a key account away from a junior owner to a senior of the same team only', () => {
    const managers = [manager(1, 'junior'), manager(2, 'senior', 2), manager(3, 'senior', 1)];
    const plan = planAssignments([customer(10, 1, KEY)], managers);
    expect(plan.moves).toEqual([{ customerId: 10, fromOwnerId: 1, toOwnerId: 3, fixes: ['level_below'] }]);
  });

  it('prefers the least senior qualifying manager, then the lightest', () => {
    const managers = [manager(1, 'senior'), manager(2, 'middle'), manager(3, 'middle')];
    const customers = [customer(10, 2, IMPORTANT), customer(11, null, IMPORTANT)];
    expect(planAssignments(customers, managers).moves).toMatchObject([{ customerId: 11, toOwnerId: 3 }]);
  });

  it('sheds one customer that covers the excess rather than several small ones', () => {
    // Load 1/1 + 2·1/5 = 1.4: moving one 1/2 customer would do, but there is none; the key account (1.0) is the only
    // single customer covering 0.4, so it moves and the two general ones stay.
    const managers = [manager(1, 'senior'), manager(2, 'senior')];
    const customers = [customer(10, 1, KEY), customer(11, 1, GENERAL), customer(12, 1, GENERAL)];
    const plan = planAssignments(customers, managers);
    expect(plan.moves).toEqual([{ customerId: 10, fromOwnerId: 1, toOwnerId: 2, fixes: ['over_capacity'] }]);
  });

  it('reports what it cannot fix with the reason', () => {
    const managers = [manager(1, 'junior'), manager(2, 'junior', 2), manager(3, 'senior', 2)];
    const customers = [
      customer(10, 1, KEY),
      customer(11, null, GENERAL, null),
      customer(12, 2, KEY, 2),
      customer(13, null, KEY, 2),
    ];
    const plan = planAssignments(customers, managers);
    expect(plan.moves).toEqual([{ customerId: 12, fromOwnerId: 2, toOwnerId: 3, fixes: ['level_below'] }]);
    expect(plan.unfixable).toEqual([
      { customerId: 10, ownerId: 1, violations: ['level_below'], reason: 'no_eligible_manager' },
      { customerId: 11, ownerId: null, violations: ['no_owner'], reason: 'no_team' },
      { customerId: 13, ownerId: null, violations: ['no_owner'], reason: 'no_capacity' },
    ]);
  });

  it('leaves pool and channel customers without an owner alone, and counts them in accounts of capacity', () => {
    const managers = [manager(1, 'junior', 1, 2), manager(2, 'junior', 1, 10)];
    const customers = [
      customer(10, null, POOL),
      customer(11, 1, POOL),
      customer(12, 1, POOL),
      customer(13, 1, POOL),
    ];
    const plan = planAssignments(customers, managers);
    expect(plan.moves).toEqual([{ customerId: 11, fromOwnerId: 1, toOwnerId: 2, fixes: ['over_capacity'] }]);
    expect(assignmentViolations(applied(customers, plan.moves), managers).size).toBe(0);
  });

  it('treats an owner that is no longer a manager (deactivated) as no owner', () => {
    const plan = planAssignments([customer(10, 99, GENERAL)], [manager(1, 'junior')]);
    expect(plan.moves).toEqual([{ customerId: 10, fromOwnerId: null, toOwnerId: 1, fixes: ['no_owner'] }]);
  });

  it('refuses an edited move of a compliant customer, to another team, to a junior for a key account, or into overload', () => {
    const managers = [
      manager(1, 'senior'),
      manager(2, 'junior'),
      manager(3, 'senior', 2),
      manager(4, 'senior'),
      manager(5, 'senior'),
    ];
    const customers = [customer(10, null, KEY), customer(11, 2, KEY), customer(12, 4, KEY)];
    expect(
      checkMoves(customers, managers, [
        { customerId: 10, toOwnerId: 3 },
        { customerId: 10, toOwnerId: 2 },
        { customerId: 10, toOwnerId: 4 },
        { customerId: 99, toOwnerId: 1 },
        { customerId: 12, toOwnerId: 1 },
      ]),
    ).toEqual([
      { index: 0, field: 'toOwnerId', problem: 'not_in_team' },
      { index: 1, field: 'toOwnerId', problem: 'level_below_required' },
      { index: 2, field: 'toOwnerId', problem: 'over_capacity' },
      { index: 3, field: 'customerId', problem: 'unknown_customer' },
      { index: 4, field: 'customerId', problem: 'already_compliant' },
    ]);
    expect(
      checkMoves(customers, managers, [
        { customerId: 10, toOwnerId: 1 },
        { customerId: 11, toOwnerId: 5 },
      ]),
    ).toEqual([]);
  });
});

const levels: UserLevel[] = ['junior', 'middle', 'senior'];
const rules: Array<PlanRule | null> = [
  KEY,
  IMPORTANT,
  GENERAL,
  { mode: 'shared', max: 3, requiredLevel: null },
  POOL,
  { mode: 'channel', max: null, requiredLevel: null },
  null,
];

const world = fc
  .record({
    managers: fc.array(
      fc.record({
        teamId: fc.constantFrom(1, 2, null),
        level: fc.constantFrom(...levels),
        capacity: fc.constantFrom(0, 1, 3, 20),
        assignable: fc.boolean(),
      }),
      { minLength: 0, maxLength: 8 },
    ),
    customers: fc.array(
      fc.record({
        teamId: fc.constantFrom(1, 2, null),
        owner: fc.integer({ min: -1, max: 9 }),
        rule: fc.constantFrom(...rules),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ managers, customers }) => {
    const ms: PlanManager[] = managers.map((m, i) => ({ id: i + 1, ...m }));
    const cs: PlanCustomer[] = customers.map((c, i) => ({
      id: 100 + i,
      teamId: c.teamId,
      ownerId: c.owner < 0 ? null : c.owner,
      rule: c.rule,
    }));
    return { managers: ms, customers: cs };
  });

const kinds = (map: Map<number, string[]>, id: number) => new Set(map.get(id) ?? []);

describe('assignment planner invariants (fast-check)', () => {
  it('never adds a violation, moves no compliant customer, and leaves only what it reports', () => {
    fc.assert(
      fc.property(world, ({ managers, customers }) => {
        const before = assignmentViolations(customers, managers);
        const plan = planAssignments(customers, managers);
        const after = assignmentViolations(applied(customers, plan.moves), managers);
        for (const c of customers) {
          const was = kinds(before, c.id);
          for (const kind of kinds(after, c.id)) expect(was.has(kind)).toBe(true);
        }
        for (const move of plan.moves) expect(before.has(move.customerId)).toBe(true);
        expect(new Set(plan.unfixable.map((u) => u.customerId))).toEqual(new Set(after.keys()));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every moved customer in its team, with an assignable owner of the required level', () => {
    fc.assert(
      fc.property(world, ({ managers, customers }) => {
        const byId = new Map(managers.map((m) => [m.id, m]));
        for (const move of planAssignments(customers, managers).moves) {
          const c = customers.find((x) => x.id === move.customerId)!;
          const target = byId.get(move.toOwnerId)!;
          const home = c.teamId ?? (c.ownerId === null ? undefined : byId.get(c.ownerId)?.teamId);
          expect(target.teamId).toBe(home);
          expect(target.assignable).toBe(true);
          if (c.rule?.requiredLevel)
            expect(LEVEL_RANK[target.level]).toBeGreaterThanOrEqual(LEVEL_RANK[c.rule.requiredLevel]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fixes all it can: an unfixable customer has no eligible manager with room for it once the plan is made', () => {
    fc.assert(
      fc.property(world, ({ managers, customers }) => {
        const plan = planAssignments(customers, managers);
        const final = applied(customers, plan.moves);
        const load = new Map(managers.map((m) => [m.id, 0]));
        for (const c of final) {
          const owner = managers.find((m) => m.id === c.ownerId);
          if (owner) load.set(owner.id, load.get(owner.id)! + customerWeight(c.rule, owner));
        }
        for (const u of plan.unfixable) {
          const c = customers.find((x) => x.id === u.customerId)!;
          const home =
            c.teamId ??
            (c.ownerId === null ? null : (managers.find((m) => m.id === c.ownerId)?.teamId ?? null));
          if (u.reason === 'no_team') {
            expect(home).toBeNull();
            continue;
          }
          const eligible = managers.filter(
            (m) =>
              m.assignable &&
              m.teamId === home &&
              m.id !== u.ownerId &&
              (!c.rule?.requiredLevel || LEVEL_RANK[m.level] >= LEVEL_RANK[c.rule.requiredLevel]),
          );
          if (u.reason === 'no_eligible_manager') expect(eligible).toEqual([]);
          for (const m of eligible)
            expect(load.get(m.id)! + customerWeight(c.rule, m)).toBeGreaterThan(1 + LOAD_EPSILON);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts its own plan when checked for applying', () => {
    fc.assert(
      fc.property(world, ({ managers, customers }) => {
        const plan = planAssignments(customers, managers);
        expect(checkMoves(customers, managers, plan.moves)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
