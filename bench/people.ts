import { sql } from 'kysely';
import type { Db } from '../src/modules/audit/audit.repository.js';
import type { Actor } from '../src/modules/auth/actor.js';

/**
 * The people a scoped benchmark acts as on a loaded database: the rep who owns the most customers, their team's
 * manager (when the team has one) and an admin.
 */
export async function benchPeople(db: Db) {
  const busiest = (
    await sql<{ owner_id: number; n: number }>`
      SELECT owner_id, count(*)::int AS n FROM customers WHERE owner_id IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db)
  ).rows[0]!;
  const users = db.selectFrom('users').select(['id', 'login', 'name', 'role', 'team_id']);
  const rep = await users.where('id', '=', busiest.owner_id).executeTakeFirstOrThrow();
  const manager = await users
    .where('role', '=', 'manager')
    .where('team_id', '=', rep.team_id)
    .executeTakeFirst();
  const admin = await users.where('role', '=', 'admin').executeTakeFirstOrThrow();
  const actor = (u: typeof rep): Actor => ({
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    teamId: u.team_id,
  });
  return { rep, repOwns: busiest.n, manager, admin, actor };
}

/** Runs `f` three times and prints each wall time with a description of the (last) result. */
export async function timeThrice<T>(label: string, f: () => Promise<T>, describe: (r: T) => string) {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
  }
  console.log(label, times.map((t) => t.toFixed(0) + ' ms').join(' / '), describe(result));
}
