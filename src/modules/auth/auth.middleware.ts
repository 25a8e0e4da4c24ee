import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { AppError } from '../../server/errors.js';
import { actorForSession, sessionIdOf } from './auth.service.js';
import { checkWithFallback, freshSession } from './session-cache.js';

export const SESSION_COOKIE = 'stratum_session';

/** Every /api route but login and the API document requires a live session. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const sessionId = sessionIdOf(token);
    const now = deps.now();
    const actor = freshSession(sessionId, now) ?? (await checkSession(deps, sessionId, now));
    if (!actor) throw new AppError('UNAUTHENTICATED');
    c.set('actor', actor);
    c.set('sessionId', sessionId);
    await next();
  });
}

function checkSession(deps: AppDeps, sessionId: string, now: Date) {
  const lookup = actorForSession(deps.db, sessionId, now);
  return deps.database.kind === 'pglite' ? checkWithFallback(sessionId, now, lookup) : lookup;
}
