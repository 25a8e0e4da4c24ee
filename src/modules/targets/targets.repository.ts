import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { scopedUsers } from '../users/user.repository.js';

export interface TargetRow {
  readonly user_id: number;
  readonly month: string;
  readonly amount: string;
}

/** The account managers a target grid lists: active reps and managers the user sees, with their targets of a year. */
export async function findTargetGrid(db: Db, actor: Actor, year: number, teamId: number | undefined) {
  let people = scopedUsers(db, actor)
    .select(['users.id', 'users.name', 'users.role', 'users.team_id'])
    .where('users.active', '=', true)
    .where('users.role', 'in', ['rep', 'manager']);
  if (teamId !== undefined) people = people.where('users.team_id', '=', teamId);
  const { rows } = await sql<{
    id: number;
    name: string;
    role: string;
    team_id: number | null;
    team_name: string | null;
    months: (string | null)[];
    total: string;
  }>`
    SELECT p.id, p.name, p.role, p.team_id, tm.name AS team_name,
           array(SELECT (SELECT t.amount::text FROM sales_targets t
                          WHERE t.user_id = p.id AND t.month = make_date(${year}, m, 1))
                   FROM generate_series(1, 12) m ORDER BY m) AS months,
           (SELECT coalesce(sum(t.amount), 0.00)::text FROM sales_targets t
             WHERE t.user_id = p.id AND t.month >= make_date(${year}, 1, 1) AND t.month < make_date(${year} + 1, 1, 1)) AS total
      FROM (${people}) p LEFT JOIN teams tm ON tm.id = p.team_id
     ORDER BY tm.name NULLS LAST, p.role DESC, p.name`.execute(db);
  return rows;
}

/**
 * Which of these users the actor may set targets for: the active account managers the grid lists (reps and
 * managers), any of them for an admin, the others of their team for a manager. The service refuses reps first.
 */
export async function usersTargetableBy(
  db: Db,
  actor: Actor,
  userIds: readonly number[],
): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  let query = db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...userIds])
    .where('active', '=', true)
    .where('role', 'in', ['rep', 'manager']);
  if (actor.role === 'manager') {
    query = query.where('team_id', '=', actor.teamId ?? -1).where('id', '<>', actor.id);
  }
  return new Set((await query.execute()).map((row) => row.id));
}

export async function findTargets(db: Db, keys: readonly { userId: number; month: string }[]) {
  const { rows } = await sql<TargetRow>`
    SELECT t.user_id, to_char(t.month, 'YYYY-MM') AS month, t.amount::text AS amount FROM sales_targets t
      JOIN unnest(${keys.map((k) => k.userId)}::int[], ${keys.map((k) => `${k.month}-01`)}::date[]) AS k(user_id, month)
        ON k.user_id = t.user_id AND k.month = t.month
     ORDER BY t.user_id, t.month`.execute(db);
  return rows;
}

export async function writeTargets(
  db: Db,
  authorId: number | null,
  set: readonly { userId: number; month: string; amount: string }[],
  removed: readonly { userId: number; month: string }[],
): Promise<void> {
  if (set.length) {
    await sql`
      INSERT INTO sales_targets (user_id, month, amount, updated_by)
      SELECT k.user_id, k.month, k.amount, ${authorId}::integer
        FROM unnest(${set.map((t) => t.userId)}::int[], ${set.map((t) => `${t.month}-01`)}::date[],
                    ${set.map((t) => t.amount)}::numeric[]) AS k(user_id, month, amount)
      ON CONFLICT (user_id, month) DO UPDATE
        SET amount = excluded.amount, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
  }
  if (removed.length) {
    await sql`
      DELETE FROM sales_targets t USING unnest(${removed.map((t) => t.userId)}::int[],
                                               ${removed.map((t) => `${t.month}-01`)}::date[]) AS k(user_id, month)
       WHERE t.user_id = k.user_id AND t.month = k.month`.execute(db);
  }
}

/**
 * Each listed user's target for a period, prorated by day: a month's target counts in the share of its days that
 * fall in the period (this month to date on the 7th of a 31-day month: 7/31 of it). Exact decimals, as text.
 */
export async function findPeriodTargets(
  db: Db,
  actor: Actor,
  filter: { ownerId?: number; teamId?: number },
  period: { from: string; to: string },
) {
  let people = scopedUsers(db, actor).select(['users.id', 'users.name']);
  if (filter.ownerId !== undefined) people = people.where('users.id', '=', filter.ownerId);
  if (filter.teamId !== undefined) people = people.where('users.team_id', '=', filter.teamId);
  const { rows } = await sql<{ user_id: number; user_name: string; target: string }>`
    SELECT p.id AS user_id, p.name AS user_name,
           round(sum(t.amount * (least(e.last_day, ${period.to}::date) - greatest(t.month, ${period.from}::date) + 1)
                     / (e.last_day - t.month + 1)), 2)::text AS target
      FROM (${people}) p
      JOIN sales_targets t ON t.user_id = p.id
      CROSS JOIN LATERAL (SELECT (t.month + interval '1 month' - interval '1 day')::date AS last_day) e
     WHERE t.month <= ${period.to}::date AND e.last_day >= ${period.from}::date
     GROUP BY p.id, p.name`.execute(db);
  return rows;
}
