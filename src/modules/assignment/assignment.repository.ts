import { sql } from 'kysely';
import type { Role, UserLevel } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import type { ManagerMode } from '../policies/policy.tables.js';

export interface PlanCustomerRow {
  id: number;
  code: string;
  name: string;
  team_id: number | null;
  owner_id: number | null;
  policy_id: number | null;
  grade_code: string | null;
  manager_mode: ManagerMode | null;
  max_customers_per_manager: number | null;
  required_level: UserLevel | null;
  /** In the plan's team (or every team): may move. Others only weigh on their owner. */
  in_plan: boolean;
}

export interface PlanManagerRow {
  id: number;
  name: string;
  role: Role;
  team_id: number | null;
  level: UserLevel;
  capacity: number;
}

/**
 * The customers a plan for `teamId` (every team when null) works on, with their governing rule, plus every other
 * customer their team's people own, which weighs on those people's loads but stays where it is.
 */
export async function planCustomers(db: Db, teamId: number | null): Promise<PlanCustomerRow[]> {
  const inPlan = teamId === null ? sql`true` : sql`c.team_id = ${teamId}`;
  const owners =
    teamId === null ? sql`true` : sql`c.owner_id IN (SELECT id FROM users WHERE team_id = ${teamId})`;
  const result = await sql<PlanCustomerRow>`
    SELECT c.id, c.code, c.name, c.team_id, c.owner_id, p.policy_id, p.grade_code, p.manager_mode,
           p.max_customers_per_manager, p.required_level, ${inPlan} AS in_plan
    FROM customers c
    LEFT JOIN customer_service_policy p ON p.customer_id = c.id
    WHERE c.deleted_at IS NULL AND ((${inPlan}) OR (${owners}))
    ORDER BY c.id`.execute(db);
  return result.rows;
}

/** Active people: the plan's team's reps and managers take customers; any other active owner only carries. */
export function planManagers(
  db: Db,
  ownerIds: readonly number[],
  teamId: number | null,
): Promise<PlanManagerRow[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id', 'level', 'capacity'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        ...(ownerIds.length > 0 ? [eb('id', 'in', [...ownerIds])] : []),
        teamId === null ? eb('role', 'in', ['rep', 'manager']) : eb('team_id', '=', teamId),
      ]),
    )
    .orderBy('id')
    .execute();
}
