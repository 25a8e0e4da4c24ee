import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../../server/errors.js';
import { findPasswordHash, findUserForLogin, updateUser } from '../users/user.repository.js';
import type { Actor } from './actor.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { deleteSession, deleteUserSessions, findSessionActor, insertSession } from './session.repository.js';
import { checkGeneration, forgetSession, forgetUserSessions, recordCheck } from './session-cache.js';

/** The cookie carries a random token; the database keeps only its hash, so a leaked table opens no session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A hash to compare against when the login does not exist, so timing does not reveal which logins exist. */
const decoyHash = hashPassword(randomBytes(12).toString('hex'));

export interface LoginRequest {
  readonly login: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string | null;
}

export async function login(
  db: Db,
  throttle: LoginThrottle,
  request: LoginRequest,
  options: { now: Date; sessionHours: number },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const now = options.now.getTime();
  const wait = throttle.retryAfterSeconds(request.login, request.ip, now);
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', [], wait);
  const user = await findUserForLogin(db, request.login);
  const valid = await verifyPassword(request.password, user?.password_hash ?? (await decoyHash));
  if (!user || !valid || !user.active) {
    throttle.recordFailure(request.login, request.ip, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  throttle.recordSuccess(request.login);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + options.sessionHours * 3600_000);
  await insertSession(db, {
    id: sessionIdOf(token),
    userId: user.id,
    expiresAt,
    ip: request.ip,
    userAgent: request.userAgent,
  });
  await recordAudit(db, { actorId: user.id, entity: 'user', entityId: user.id, action: 'login' });
  return {
    token,
    expiresAt,
    actor: { id: user.id, login: user.login, name: user.name, role: user.role, teamId: user.team_id },
  };
}

/** The session's user, checked in the database; the answer is kept for `freshSession` and the PGlite fallback. */
export async function actorForSession(db: Db, sessionId: string, now: Date): Promise<Actor | undefined> {
  const generation = checkGeneration();
  const row = await findSessionActor(db, sessionId, now);
  const actor = row && { id: row.id, login: row.login, name: row.name, role: row.role, teamId: row.team_id };
  recordCheck(sessionId, actor && { actor, expiresAt: new Date(row.expires_at) }, { at: now, generation });
  return actor;
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
  forgetSession(sessionId);
  await recordAudit(db, { actorId: actor.id, entity: 'user', entityId: actor.id, action: 'logout' });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await findPasswordHash(db, actor.id);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw AppError.invalid('currentPassword', 'invalid');
  }
  await updateUser(db, actor.id, {
    password_hash: await hashPassword(input.newPassword),
    password_changed_at: new Date(),
  });
  await deleteUserSessions(db, actor.id, sessionId);
  forgetUserSessions(actor.id);
  await recordAudit(db, { actorId: actor.id, entity: 'user', entityId: actor.id, action: 'password' });
}
