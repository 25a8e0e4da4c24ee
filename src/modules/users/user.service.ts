import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { isoTimestamp, recordChange } from '../audit/owned-records.js';
import { authorId, isAdmin, type Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/session.repository.js';
import { forgetUserSessions } from '../auth/session-cache.js';
import { findUser, insertUser, listUsers, loginTaken, teamExists, updateUser } from './user.repository.js';
import type { UserCreateInput, UserUpdateInput, UserView } from './user.schema.js';

type PublicUserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

const toUserView = (row: PublicUserRow): UserView => ({
  id: row.id,
  login: row.login,
  name: row.name,
  role: row.role,
  teamId: row.team_id,
  level: row.level,
  capacity: row.capacity,
  email: row.email,
  phone: row.phone,
  active: row.active,
  createdAt: isoTimestamp(row.created_at),
  updatedAt: isoTimestamp(row.updated_at),
});

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw AppError.forbidden();
}

export async function listUserViews(db: Db, actor: Actor) {
  return { items: (await listUsers(db, actor, {})).map(toUserView) };
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView> {
  const row = await findUser(db, actor, id);
  if (!row) throw AppError.notFound();
  return toUserView(row);
}

async function checkUserFields(db: Db, input: UserUpdateInput, exceptId?: number): Promise<void> {
  if (input.login !== undefined && (await loginTaken(db, input.login, exceptId)))
    throw AppError.duplicate('login');
  if (typeof input.teamId === 'number' && !(await teamExists(db, input.teamId))) {
    throw AppError.invalid('teamId', 'unknown_reference');
  }
}

export async function createUser(db: Db, actor: Actor, input: UserCreateInput): Promise<UserView> {
  requireAdmin(actor);
  await checkUserFields(db, input);
  const created = await insertUser(db, {
    login: input.login,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role: input.role,
    team_id: input.teamId ?? null,
    level: input.level,
    capacity: input.capacity,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  await recordChange(db, actor, 'user', { action: 'create', after: created });
  return toUserView(created);
}

/** A new password or a deactivation ends every session of the user: whoever held them must log in again. */
export async function updateUserById(
  db: Db,
  actor: Actor,
  id: number,
  input: UserUpdateInput,
): Promise<UserView> {
  requireAdmin(actor);
  const before = await findUser(db, actor, id);
  if (!before) throw AppError.notFound();
  if (id === actor.id && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw AppError.invalid(input.active === false ? 'active' : 'role', 'own_account');
  }
  await checkUserFields(db, input, id);
  const { password, teamId, ...rest } = input;
  const after = await updateUser(db, id, {
    ...rest,
    team_id: teamId,
    ...(password === undefined
      ? {}
      : { password_hash: await hashPassword(password), password_changed_at: new Date() }),
  });
  if (password !== undefined || input.active === false) await deleteUserSessions(db, id);
  // Role and team travel with the remembered session: any change of the user is checked in the database again.
  forgetUserSessions(id);
  await recordChange(db, actor, 'user', {
    action: 'update',
    before,
    after: password === undefined ? after : { ...after, passwordChanged: true },
  });
  return toUserView(after);
}

/** Users are never removed (their name stays on history); deleting one deactivates it. */
export async function deactivateUser(db: Db, actor: Actor, id: number): Promise<void> {
  requireAdmin(actor);
  const before = await findUser(db, actor, id);
  if (!before) throw AppError.notFound();
  if (id === actor.id) throw AppError.invalid('id', 'own_account');
  const after = await updateUser(db, id, { active: false });
  await deleteUserSessions(db, id);
  forgetUserSessions(id);
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'user',
    entityId: id,
    action: 'delete',
    before,
    after,
  });
}
