import type { Insertable, Updateable } from 'kysely';
import type { TeamTable } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';

function teamViews(db: Db) {
  return db
    .selectFrom('teams')
    .leftJoin('users as manager', 'manager.id', 'teams.manager_id')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.region',
      'teams.manager_id',
      'manager.name as manager_name',
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('users.team_id', '=', 'teams.id')
        .where('users.active', '=', true)
        .as('member_count'),
    ]);
}

export type TeamViewRow = Awaited<ReturnType<ReturnType<typeof teamViews>['executeTakeFirstOrThrow']>>;

export function listTeamViews(db: Db) {
  return teamViews(db).orderBy('teams.id').execute();
}

export function findTeamView(db: Db, id: number) {
  return teamViews(db).where('teams.id', '=', id).executeTakeFirst();
}

export function findTeamForUpdate(db: Db, id: number) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function teamNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('teams').select('id').where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Whether anyone or anything still belongs to the team: deleting it would drop them out of every manager's scope. */
export async function teamInUse(db: Db, id: number): Promise<boolean> {
  const member = await db.selectFrom('users').select('id').where('team_id', '=', id).executeTakeFirst();
  if (member) return true;
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('team_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return customer !== undefined;
}

export function insertTeam(db: Db, values: Insertable<TeamTable>) {
  return db.insertInto('teams').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTeam(db: Db, id: number, values: Updateable<TeamTable>) {
  return db
    .updateTable('teams')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTeam(db: Db, id: number): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', id).execute();
}
