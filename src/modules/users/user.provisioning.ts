import type { Role, UserLevel } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import { findUserForLogin, insertUser, teamExists } from './user.repository.js';

export interface NewUser {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
  readonly teamId?: number | null;
  readonly level?: UserLevel;
  readonly capacity?: number;
  readonly email?: string | null;
  readonly phone?: string | null;
}

/** Creates a user with a hashed password; shared by the API, the CLI and first-run setup. */
export async function createUser(db: Db, actorId: number | null, input: NewUser) {
  if (input.password.length < 8) throw AppError.invalid('password', 'too_short');
  if (await findUserForLogin(db, input.login)) throw AppError.duplicate('login');
  if (input.teamId != null && !(await teamExists(db, input.teamId)))
    throw AppError.invalid('teamId', 'unknown_reference');
  const user = await insertUser(db, {
    login: input.login,
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    team_id: input.teamId ?? null,
    level: input.level,
    capacity: input.capacity,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  await recordAudit(db, { actorId, entity: 'user', entityId: user.id, action: 'create', after: user });
  return user;
}
