import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import {
  deleteTeam,
  findTeamForUpdate,
  findTeamView,
  insertTeam,
  listTeamViews,
  teamInUse,
  teamNameTaken,
  updateTeam,
  type TeamViewRow,
} from './team.repository.js';
import { findActiveUserTeam } from './user.repository.js';
import { requireAdmin } from './user.service.js';
import type { TeamCreateInput, TeamUpdateInput, TeamView } from './user.schema.js';

const toTeamView = (row: TeamViewRow): TeamView => ({
  id: row.id,
  name: row.name,
  region: row.region,
  managerId: row.manager_id,
  managerName: row.manager_name,
  memberCount: Number(row.member_count ?? 0),
});

/** Teams are reference data everyone may read (names for filters and owner pickers); only admins change them. */
export async function listTeams(db: Db) {
  return { items: (await listTeamViews(db)).map(toTeamView) };
}

async function getTeam(db: Db, id: number): Promise<TeamView> {
  const row = await findTeamView(db, id);
  if (!row) throw AppError.notFound();
  return toTeamView(row);
}

async function checkTeamFields(db: Db, input: TeamUpdateInput, exceptId?: number): Promise<void> {
  if (input.name !== undefined && (await teamNameTaken(db, input.name, exceptId)))
    throw AppError.duplicate('name');
  if (typeof input.managerId === 'number' && !(await findActiveUserTeam(db, input.managerId))) {
    throw AppError.invalid('managerId', 'unknown_reference');
  }
}

export async function createTeam(db: Db, actor: Actor, input: TeamCreateInput): Promise<TeamView> {
  requireAdmin(actor);
  await checkTeamFields(db, input);
  const created = await insertTeam(db, {
    name: input.name,
    region: input.region ?? null,
    manager_id: input.managerId ?? null,
  });
  await recordChange(db, actor, 'team', { action: 'create', after: created });
  return getTeam(db, created.id);
}

export async function updateTeamById(
  db: Db,
  actor: Actor,
  id: number,
  input: TeamUpdateInput,
): Promise<TeamView> {
  requireAdmin(actor);
  const before = await findTeamForUpdate(db, id);
  if (!before) throw AppError.notFound();
  await checkTeamFields(db, input, id);
  const after = await updateTeam(db, id, {
    name: input.name,
    region: input.region,
    manager_id: input.managerId,
  });
  await recordChange(db, actor, 'team', { action: 'update', before, after });
  return getTeam(db, id);
}

export async function deleteTeamById(db: Db, actor: Actor, id: number): Promise<void> {
  requireAdmin(actor);
  const before = await findTeamForUpdate(db, id);
  if (!before) throw AppError.notFound();
  if (await teamInUse(db, id)) throw new AppError('CONFLICT', [{ path: 'id', reason: 'in_use' }]);
  await deleteTeam(db, id);
  await recordChange(db, actor, 'team', { action: 'delete', before });
}
