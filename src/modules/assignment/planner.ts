import type { UserLevel } from '../../db/database.js';
import { LEVEL_RANK, meetsLevel, needsOwner } from '../policies/policy.rules.js';
import type { ManagerMode } from '../policies/policy.tables.js';

/**
 * The assignment planner: pure, no database, no clock. It reads who owns which customer under which rule and
 * proposes owner changes that remove the assignment violations (no owner, owner too junior, owner over capacity).
 */

export interface PlanRule {
  readonly mode: ManagerMode;
  /** At most this many customers of the grade per manager; NULL (channel, pool) counts against users.capacity. */
  readonly max: number | null;
  readonly requiredLevel: UserLevel | null;
}

export interface PlanCustomer {
  readonly id: number;
  readonly teamId: number | null;
  readonly ownerId: number | null;
  /** The governing policy's rule for the customer's grade; NULL when no policy governs (never moved). */
  readonly rule: PlanRule | null;
  /** Outside the plan's scope: counts in its owner's load, never moves. */
  readonly fixed?: boolean;
}

export interface PlanManager {
  readonly id: number;
  readonly teamId: number | null;
  readonly level: UserLevel;
  /** Accounts the person can carry, for customers whose grade has no manager ratio. */
  readonly capacity: number;
  /** Reps and managers take customers; an admin who happens to own some only carries them. */
  readonly assignable: boolean;
}

export type AssignmentViolation = 'no_owner' | 'level_below' | 'over_capacity';
export type UnfixableReason = 'no_team' | 'no_eligible_manager' | 'no_capacity';

export interface Move {
  readonly customerId: number;
  readonly fromOwnerId: number | null;
  readonly toOwnerId: number;
  readonly fixes: readonly AssignmentViolation[];
}

export interface Unfixable {
  readonly customerId: number;
  readonly ownerId: number | null;
  readonly violations: readonly AssignmentViolation[];
  readonly reason: UnfixableReason;
}

export interface Plan {
  readonly moves: readonly Move[];
  readonly unfixable: readonly Unfixable[];
}

/** Loads are sums of 1/N; a manager filled exactly by three 1:3 customers is full, not over. */
export const LOAD_EPSILON = 1e-9;

/**
 * A customer's share of one manager: 1/N for a grade with N customers per manager, otherwise one account of the
 * manager's capacity (a manager with no capacity cannot carry any such account).
 */
export function customerWeight(rule: PlanRule | null, manager: PlanManager): number {
  if (rule?.max) return 1 / rule.max;
  return manager.capacity > 0 ? 1 / manager.capacity : Number.POSITIVE_INFINITY;
}

/** Who owns what, with each owner's load; owners that are not known managers count as no owner. */
class Book {
  readonly owner = new Map<number, number | null>();
  readonly owned = new Map<number, Set<number>>();
  /** Σ 1/N of the customers with a manager ratio, and the count of those without, per manager. */
  private readonly ratioed = new Map<number, number>();
  private readonly accounts = new Map<number, number>();

  constructor(
    readonly customers: ReadonlyMap<number, PlanCustomer>,
    readonly managers: ReadonlyMap<number, PlanManager>,
  ) {
    for (const m of managers.values()) {
      this.ratioed.set(m.id, 0);
      this.accounts.set(m.id, 0);
      this.owned.set(m.id, new Set());
    }
    for (const c of customers.values())
      this.place(c.id, c.ownerId !== null && managers.has(c.ownerId) ? c.ownerId : null);
  }

  private add(managerId: number, rule: PlanRule | null, sign: 1 | -1) {
    if (rule?.max) this.ratioed.set(managerId, this.ratioed.get(managerId)! + sign / rule.max);
    else this.accounts.set(managerId, this.accounts.get(managerId)! + sign);
  }

  place(customerId: number, ownerId: number | null) {
    const previous = this.owner.get(customerId);
    const rule = this.customers.get(customerId)!.rule;
    if (previous !== undefined && previous !== null) {
      this.add(previous, rule, -1);
      this.owned.get(previous)!.delete(customerId);
    }
    this.owner.set(customerId, ownerId);
    if (ownerId !== null) {
      this.add(ownerId, rule, 1);
      this.owned.get(ownerId)!.add(customerId);
    }
  }

  /** The manager's load, with `extra` more customers of `rule` (accounts over capacity 0 are an infinite load). */
  load(managerId: number, extra?: PlanRule | null): number {
    const manager = this.managers.get(managerId)!;
    const ratioed = this.ratioed.get(managerId)! + (extra?.max ? 1 / extra.max : 0);
    const accounts = this.accounts.get(managerId)! + (extra !== undefined && !extra?.max ? 1 : 0);
    if (accounts === 0) return ratioed;
    return manager.capacity > 0 ? ratioed + accounts / manager.capacity : Number.POSITIVE_INFINITY;
  }

  overloaded(managerId: number) {
    return this.load(managerId) > 1 + LOAD_EPSILON;
  }

  violations(customerId: number): AssignmentViolation[] {
    const { rule } = this.customers.get(customerId)!;
    if (!rule) return [];
    const ownerId = this.owner.get(customerId) ?? null;
    if (ownerId === null) return needsOwner(rule.mode) ? ['no_owner'] : [];
    const found: AssignmentViolation[] = [];
    if (!meetsLevel(this.managers.get(ownerId)!.level, rule.requiredLevel)) found.push('level_below');
    if (this.overloaded(ownerId)) found.push('over_capacity');
    return found;
  }

  /** The customer's team, or its current owner's when it has none recorded: moves stay within it. */
  teamOf(customer: PlanCustomer): number | null {
    if (customer.teamId !== null) return customer.teamId;
    return customer.ownerId === null ? null : (this.managers.get(customer.ownerId)?.teamId ?? null);
  }

  /** The managers of the customer's team who meet its grade's level. */
  eligible(customer: PlanCustomer): PlanManager[] {
    const teamId = this.teamOf(customer);
    return [...this.managers.values()].filter(
      (m) => m.assignable && m.teamId === teamId && meetsLevel(m.level, customer.rule?.requiredLevel ?? null),
    );
  }

  hasRoom(manager: PlanManager, customer: PlanCustomer) {
    return this.load(manager.id, customer.rule) <= 1 + LOAD_EPSILON;
  }

  /**
   * Where the customer could go without breaking anything: an eligible manager with room, the least senior first
   * (seniors stay free for the grades that need them), then the lightest after the move, then the lowest id.
   */
  target(customer: PlanCustomer): PlanManager | UnfixableReason {
    if (this.teamOf(customer) === null) return 'no_team';
    const current = this.owner.get(customer.id);
    const eligible = this.eligible(customer).filter((m) => m.id !== current);
    if (eligible.length === 0) return 'no_eligible_manager';
    const after = (m: PlanManager) => this.load(m.id, customer.rule);
    const room = eligible
      .filter((m) => this.hasRoom(m, customer))
      .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || after(a) - after(b) || a.id - b.id);
    return room[0] ?? 'no_capacity';
  }
}

const byId = <T extends { id: number }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/** Every customer's assignment violations, as the planner counts them. */
export function assignmentViolations(
  customers: readonly PlanCustomer[],
  managers: readonly PlanManager[],
): Map<number, AssignmentViolation[]> {
  const book = new Book(byId(customers), byId(managers));
  const result = new Map<number, AssignmentViolation[]>();
  for (const c of customers) {
    const found = book.violations(c.id);
    if (found.length > 0) result.set(c.id, found);
  }
  return result;
}

/**
 * Proposes the moves. Customers whose own relationship is wrong (no owner, owner too junior) move first, the
 * most demanding grades first; then each overloaded owner sheds customers until it fits: one customer that is
 * heavy enough when there is one (the lightest such), else the heaviest, so the fewest customers move. A
 * customer whose policy holds is never moved, and a move only goes to a manager of the same team who meets the
 * level and stays within capacity, so no move creates a violation. Passes repeat while they make progress (a
 * shed customer can free room for an earlier one); what is left is reported with the reason.
 */
export function planAssignments(customers: readonly PlanCustomer[], managers: readonly PlanManager[]): Plan {
  const book = new Book(byId(customers), byId(managers));
  const before = new Map(customers.map((c) => [c.id, book.violations(c.id)]));
  const reasons = new Map<number, UnfixableReason>();
  const moves = new Map<number, Move>();

  const tryMove = (customer: PlanCustomer): boolean => {
    const target = book.target(customer);
    if (typeof target === 'string') {
      reasons.set(customer.id, target);
      return false;
    }
    const first = moves.get(customer.id);
    moves.set(customer.id, {
      customerId: customer.id,
      fromOwnerId: first ? first.fromOwnerId : (book.owner.get(customer.id) ?? null),
      toOwnerId: target.id,
      fixes: before.get(customer.id)!,
    });
    book.place(customer.id, target.id);
    reasons.delete(customer.id);
    return true;
  };

  const weight = (c: PlanCustomer) => {
    const ownerId = book.owner.get(c.id);
    return ownerId === null || ownerId === undefined
      ? 0
      : customerWeight(c.rule, book.managers.get(ownerId)!);
  };
  const demanding = (a: PlanCustomer, b: PlanCustomer) =>
    rank(b) - rank(a) || weight(b) - weight(a) || a.id - b.id;

  for (let progress = true; progress;) {
    progress = false;
    const misplaced = customers
      .filter((c) => !c.fixed && book.violations(c.id).some((v) => v !== 'over_capacity'))
      .sort(demanding);
    for (const customer of misplaced) progress = tryMove(customer) || progress;
    for (const manager of managers) {
      while (book.overloaded(manager.id)) {
        const shed = shedOrder(book, manager);
        const moved = shed.some((customer) => tryMove(customer));
        if (!moved) break;
        progress = true;
      }
    }
  }

  const unfixable: Unfixable[] = [];
  for (const c of customers) {
    if (c.fixed) continue;
    const violations = book.violations(c.id);
    if (violations.length === 0) continue;
    unfixable.push({
      customerId: c.id,
      ownerId: book.owner.get(c.id) ?? null,
      violations,
      reason: reasons.get(c.id) ?? (book.teamOf(c) === null ? 'no_team' : 'no_capacity'),
    });
  }
  return { moves: [...moves.values()], unfixable };
}

const rank = (c: PlanCustomer) => (c.rule?.requiredLevel ? LEVEL_RANK[c.rule.requiredLevel] : -1);

/** The overloaded owner's movable customers in the order worth trying: one that fits the excess, then heaviest. */
function shedOrder(book: Book, manager: PlanManager): PlanCustomer[] {
  const excess = book.load(manager.id) - 1;
  const movable = [...book.owned.get(manager.id)!]
    .map((id) => book.customers.get(id)!)
    .filter((c) => c.rule !== null && !c.fixed)
    .map((c) => ({ c, w: customerWeight(c.rule, manager) }));
  const enough = movable
    .filter((x) => x.w >= excess - LOAD_EPSILON)
    .sort((a, b) => a.w - b.w || a.c.id - b.c.id);
  const heaviest = movable
    .filter((x) => x.w < excess - LOAD_EPSILON)
    .sort((a, b) => b.w - a.w || a.c.id - b.c.id);
  return [...enough, ...heaviest].map((x) => x.c);
}

export type MoveProblem =
  | 'unknown_customer'
  | 'already_compliant'
  | 'unknown_reference'
  | 'not_in_team'
  | 'level_below_required'
  | 'over_capacity';

/**
 * Checks an edited plan (moves dropped or retargeted) before it is applied: only customers with an assignment
 * violation move, and each target must be an assignable manager of the customer's team who meets its level and
 * has room once all the moves are made.
 */
export function checkMoves(
  customers: readonly PlanCustomer[],
  managers: readonly PlanManager[],
  moves: ReadonlyArray<{ customerId: number; toOwnerId: number }>,
): Array<{ index: number; field: 'customerId' | 'toOwnerId'; problem: MoveProblem }> {
  const book = new Book(byId(customers), byId(managers));
  const problems: Array<{ index: number; field: 'customerId' | 'toOwnerId'; problem: MoveProblem }> = [];
  const violating = new Set(
    moves
      .filter((m) => book.customers.has(m.customerId) && book.violations(m.customerId).length > 0)
      .map((m) => m.customerId),
  );
  // Capacity is judged on the end state: every moving customer leaves first, then each joins its target.
  for (const id of violating) book.place(id, null);
  moves.forEach((move, index) => {
    const customer = book.customers.get(move.customerId);
    if (!customer || customer.fixed)
      return problems.push({ index, field: 'customerId', problem: 'unknown_customer' });
    if (!violating.has(customer.id))
      return problems.push({ index, field: 'customerId', problem: 'already_compliant' });
    const target = book.managers.get(move.toOwnerId);
    if (!target?.assignable)
      return problems.push({ index, field: 'toOwnerId', problem: 'unknown_reference' });
    if (target.teamId !== book.teamOf(customer))
      return problems.push({ index, field: 'toOwnerId', problem: 'not_in_team' });
    if (!meetsLevel(target.level, customer.rule?.requiredLevel ?? null))
      return problems.push({ index, field: 'toOwnerId', problem: 'level_below_required' });
    if (!book.hasRoom(target, customer))
      return problems.push({ index, field: 'toOwnerId', problem: 'over_capacity' });
    book.place(customer.id, target.id);
  });
  return problems;
}

/** Each manager's load (share of one manager; over 1 is over capacity) with the moves made and without. */
export function managerLoads(
  customers: readonly PlanCustomer[],
  managers: readonly PlanManager[],
  moves: readonly Move[],
): Map<number, { before: number; after: number }> {
  const book = new Book(byId(customers), byId(managers));
  const before = new Map(managers.map((m) => [m.id, book.load(m.id)]));
  for (const move of moves) book.place(move.customerId, move.toOwnerId);
  return new Map(managers.map((m) => [m.id, { before: before.get(m.id)!, after: book.load(m.id) }]));
}
