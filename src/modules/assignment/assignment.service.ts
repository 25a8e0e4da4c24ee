import { AppError, type FieldProblem } from '../../server/errors.js';
import type { FieldReason } from '../../server/messages.js';
import { recordAudit, recordAudits, type Db } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { findCustomersForUpdate, updateCustomers } from '../customers/customer.repository.js';
import { headcountPlan, type HeadcountGroup } from './headcount.js';
import {
  planCustomers,
  planManagers,
  type PlanCustomerRow,
  type PlanManagerRow,
} from './assignment.repository.js';
import {
  checkMoves,
  managerLoads,
  planAssignments,
  type MoveProblem,
  type PlanCustomer,
  type PlanManager,
} from './planner.js';

/**
 * Whose plan: a manager plans their own team (a rep none at all); an admin one team or every team. The team also
 * bounds what an apply may touch.
 */
function planTeam(actor: Actor, teamId: number | undefined): number | null {
  if (actor.role === 'rep') throw AppError.forbidden();
  if (actor.role === 'manager') {
    if (actor.teamId === null) throw AppError.forbidden();
    if (teamId !== undefined && teamId !== actor.teamId) throw AppError.invalid('teamId', 'not_in_team');
    return actor.teamId;
  }
  return teamId ?? null;
}

interface Loaded {
  rows: PlanCustomerRow[];
  people: PlanManagerRow[];
  customers: PlanCustomer[];
  managers: PlanManager[];
}

async function load(db: Db, teamId: number | null): Promise<Loaded> {
  const rows = await planCustomers(db, teamId);
  const owners = [...new Set(rows.flatMap((r) => (r.owner_id === null ? [] : [r.owner_id])))];
  const people = await planManagers(db, owners, teamId);
  return {
    rows,
    people,
    customers: rows.map((r) => ({
      id: r.id,
      teamId: r.team_id,
      ownerId: r.owner_id,
      rule: r.manager_mode
        ? { mode: r.manager_mode, max: r.max_customers_per_manager, requiredLevel: r.required_level }
        : null,
      fixed: !r.in_plan,
    })),
    managers: people.map((p) => ({
      id: p.id,
      teamId: p.team_id,
      level: p.level,
      capacity: p.capacity,
      assignable: (p.role === 'rep' || p.role === 'manager') && (teamId === null || p.team_id === teamId),
    })),
  };
}

const rounded = (load: number | undefined) =>
  load === undefined || !Number.isFinite(load) ? null : Math.round(load * 1000) / 1000;

export async function getPlan(db: Db, actor: Actor, query: { teamId?: number }) {
  const teamId = planTeam(actor, query.teamId);
  const { rows, people, customers, managers } = await load(db, teamId);
  const plan = planAssignments(customers, managers);
  const row = new Map(rows.map((r) => [r.id, r]));
  const name = new Map(people.map((p) => [p.id, p.name]));
  const loads = managerLoads(customers, managers, plan.moves);
  const groups = new Map<string, HeadcountGroup>();
  for (const r of rows) {
    if (!r.in_plan || r.policy_id === null || r.max_customers_per_manager === null) continue;
    const key = `${r.policy_id}|${r.grade_code}`;
    const group = groups.get(key);
    groups.set(key, {
      policyId: r.policy_id,
      gradeCode: r.grade_code!,
      level: r.required_level,
      max: r.max_customers_per_manager,
      customers: (group?.customers ?? 0) + 1,
    });
  }
  const existing: Partial<Record<string, number>> = {};
  for (const m of managers) if (m.assignable) existing[m.level] = (existing[m.level] ?? 0) + 1;
  return {
    teamId,
    moves: plan.moves.map((m) => {
      const r = row.get(m.customerId)!;
      return {
        customerId: m.customerId,
        code: r.code,
        name: r.name,
        gradeCode: r.grade_code,
        requiredLevel: r.required_level,
        teamId: r.team_id,
        fromOwnerId: m.fromOwnerId,
        fromOwnerName: m.fromOwnerId === null ? null : (name.get(m.fromOwnerId) ?? null),
        toOwnerId: m.toOwnerId,
        toOwnerName: name.get(m.toOwnerId)!,
        fixes: [...m.fixes],
      };
    }),
    unfixable: plan.unfixable.map((u) => {
      const r = row.get(u.customerId)!;
      return {
        customerId: u.customerId,
        code: r.code,
        name: r.name,
        gradeCode: r.grade_code,
        ownerId: u.ownerId,
        ownerName: u.ownerId === null ? null : (name.get(u.ownerId) ?? null),
        violations: [...u.violations],
        reason: u.reason,
      };
    }),
    managers: people.map((p, i) => ({
      id: p.id,
      name: p.name,
      teamId: p.team_id,
      level: p.level,
      capacity: p.capacity,
      assignable: managers[i]!.assignable,
      loadBefore: rounded(loads.get(p.id)?.before),
      loadAfter: rounded(loads.get(p.id)?.after),
    })),
    headcount: headcountPlan([...groups.values()], existing).map((line) => ({
      ...line,
      groups: line.groups.map((g) => ({
        policyId: g.policyId,
        gradeCode: g.gradeCode,
        max: g.max,
        customers: g.customers,
      })),
    })),
  };
}

const problemReasons: Record<MoveProblem, FieldReason> = {
  unknown_customer: 'unknown_customer',
  already_compliant: 'already_compliant',
  unknown_reference: 'unknown_reference',
  not_in_team: 'not_in_team',
  level_below_required: 'level_below_required',
  over_capacity: 'over_capacity',
};

/**
 * Applies a reviewed plan, all or nothing, in the caller's transaction: every customer must be in the caller's
 * scope and plan team and still break its policy, and every target must keep the end state free of new
 * violations (the planner's own check). Each owner change is audited on its customer, so it shows in the
 * customer's history, and the plan as a whole once.
 */
export async function applyPlan(
  db: Db,
  actor: Actor,
  input: { teamId?: number; moves: Array<{ customerId: number; toOwnerId: number }> },
) {
  const teamId = planTeam(actor, input.teamId);
  const ids = input.moves.map((m) => m.customerId);
  const seen = new Set<number>();
  const duplicates: FieldProblem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) duplicates.push({ path: `moves.${i}.customerId`, reason: 'duplicate' });
    seen.add(id);
  });
  if (duplicates.length > 0) throw new AppError('VALIDATION_FAILED', duplicates);
  const befores = new Map((await findCustomersForUpdate(db, actor, ids)).map((c) => [c.id, c]));
  const invisible = input.moves.flatMap((m, i) =>
    befores.has(m.customerId) ? [] : [{ path: `moves.${i}.customerId`, reason: 'unknown_customer' as const }],
  );
  if (invisible.length > 0) throw new AppError('VALIDATION_FAILED', invisible);
  const { customers, managers } = await load(db, teamId);
  const problems = checkMoves(customers, managers, input.moves);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      problems.map((p) => ({ path: `moves.${p.index}.${p.field}`, reason: problemReasons[p.problem] })),
    );
  const byTarget = new Map<number, number[]>();
  for (const m of input.moves)
    byTarget.set(m.toOwnerId, [...(byTarget.get(m.toOwnerId) ?? []), m.customerId]);
  const afters = new Map<number, unknown>();
  for (const [ownerId, customerIds] of byTarget)
    for (const row of await updateCustomers(db, customerIds, { owner_id: ownerId })) afters.set(row.id, row);
  await recordAudits(
    db,
    input.moves.map((m) => ({
      actorId: authorId(actor),
      entity: 'customer',
      entityId: m.customerId,
      action: 'update',
      before: befores.get(m.customerId),
      after: afters.get(m.customerId),
    })),
  );
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'assignment_plan',
    entityId: teamId,
    action: 'apply',
    after: { teamId, moves: input.moves },
  });
  return { applied: input.moves.length };
}
