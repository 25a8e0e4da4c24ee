import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { AppError } from '../../server/errors.js';
import { actorForToken, sessionIdOf } from './auth.service.js';

export const SESSION_COOKIE = 'stratum_session';

/** Every /api route but login and the API document requires a live session. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const actor = token ? await actorForToken(deps.db, token, deps.now()) : undefined;
    if (!token || !actor) throw new AppError('UNAUTHENTICATED');
    c.set('actor', actor);
    c.set('sessionId', sessionIdOf(token));
    await next();
  });
}
