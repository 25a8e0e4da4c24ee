import type { Insertable, Updateable } from 'kysely';
import type { UserTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';

/** Columns a response may carry: never the password hash. */
export const publicUserColumns = [
  'id',
  'login',
  'name',
  'role',
  'team_id',
  'level',
  'capacity',
  'email',
  'phone',
  'active',
  'created_at',
  'updated_at',
] as const;

/** Admins see every user, managers their team, reps themselves. */
export function scopedUsers(db: Db, actor: Actor) {
  const query = db.selectFrom('users');
  if (actor.role === 'admin') return query;
  if (actor.role === 'manager' && actor.teamId !== null) {
    return query.where((eb) => eb.or([eb('team_id', '=', actor.teamId), eb('id', '=', actor.id)]));
  }
  return query.where('id', '=', actor.id);
}

export async function listUsers(
  db: Db,
  actor: Actor,
  filter: { teamId?: number; role?: string; active?: boolean },
) {
  let query = scopedUsers(db, actor).select(publicUserColumns).orderBy('id');
  if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
  if (filter.role !== undefined) query = query.where('role', '=', filter.role as UserTable['role']);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query.execute();
}

export async function findUser(db: Db, actor: Actor, id: number) {
  return scopedUsers(db, actor).select(publicUserColumns).where('id', '=', id).executeTakeFirst();
}

export async function findUserForLogin(db: Db, login: string) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'role', 'team_id', 'password_hash', 'active'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst();
}

export async function findPasswordHash(db: Db, id: number) {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function insertUser(db: Db, values: Insertable<UserTable>) {
  return db.insertInto('users').values(values).returning(publicUserColumns).executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, id: number, values: Updateable<UserTable>) {
  return db
    .updateTable('users')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returning(publicUserColumns)
    .executeTakeFirstOrThrow();
}

export async function countUsers(db: Db) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function teamExists(db: Db, teamId: number) {
  return Boolean(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst());
}

export async function findActiveUserTeam(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'team_id', 'role'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function loginTaken(db: Db, login: string, exceptId?: number): Promise<boolean> {
  let query = db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
