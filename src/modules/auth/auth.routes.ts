import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { SESSION_COOKIE } from './auth.middleware.js';
import { ActorResponse, LoginBody, PasswordBody } from './auth.schema.js';
import { changePassword, login, logout } from './auth.service.js';

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Log in; sets the session cookie',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonResponse(ActorResponse, 'The logged-in user'), ...errorResponses },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Log out; ends the session',
  responses: { 204: { description: 'Logged out' } },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The logged-in user',
  responses: { 200: jsonResponse(ActorResponse, 'The logged-in user'), ...errorResponses },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  summary: 'Change the password; other sessions of the user end',
  request: { body: jsonBody(PasswordBody) },
  responses: { 204: { description: 'Changed' }, ...errorResponses },
});

/** Login is public; the rest sit behind the session middleware that the app mounts before them. */
export function registerLoginRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await deps.db
      .transaction()
      .execute((trx) =>
        login(
          trx,
          deps.throttle,
          { ...body, ip: clientAddress(c), userAgent: c.req.header('user-agent') ?? null },
          { now: deps.now(), sessionHours: deps.config.sessionHours },
        ),
      );
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    return c.json(result.actor, 200);
  });
}

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(logoutRoute, async (c) => {
    await deps.db.transaction().execute((trx) => logout(trx, c.get('actor'), c.get('sessionId')));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  app.openapi(meRoute, (c) => c.json(c.get('actor'), 200));
  app.openapi(passwordRoute, async (c) => {
    const body = c.req.valid('json');
    await deps.db
      .transaction()
      .execute((trx) => changePassword(trx, c.get('actor'), c.get('sessionId'), body));
    return c.body(null, 204);
  });
}
