import type { Db } from '../audit/audit.repository.js';
import { type Actor, systemActor } from '../auth/actor.js';

/** The CLI acts as a named user (their data scope applies), or as the first admin. */
export async function findUserActor(db: Db, login: string | undefined): Promise<Actor> {
  let query = db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'role', 'team_id'])
    .where('active', '=', true);
  query = login ? query.where('login', '=', login) : query.where('role', '=', 'admin').orderBy('id');
  const user = await query.executeTakeFirst();
  if (user) return { id: user.id, login: user.login, name: user.name, role: user.role, teamId: user.team_id };
  if (login) throw new Error(`no active user ${login}`);
  return systemActor;
}
