import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './app-env.js';
import { mountApiDocs } from './api-docs.js';
import { translateDatabaseError } from './database-errors.js';
import { AppError, renderError } from './errors.js';
import { pickLocale } from './messages.js';
import { validationError } from './validation.js';
import { mountWebApp } from './web-assets.js';
import { requireSession } from '../modules/auth/auth.middleware.js';
import { registerLoginRoute, registerSessionRoutes } from '../modules/auth/auth.routes.js';
import { registerApiRoutes } from './routes.js';
import { UPLOAD_ROUTE } from '../modules/imports/uploads.js';

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (error.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (error.status === 400) return new AppError('MALFORMED_JSON');
    if (error.status === 401) return new AppError('UNAUTHENTICATED');
  }
  return translateDatabaseError(error);
}

export function createApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  api.use('*', async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    await next();
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE');
    },
  });
  // The import upload streams to disk under its own limit: hono's bodyLimit would buffer a chunked body whole.
  // A GET or HEAD has no body to limit, and asking for one builds the whole fetch Request of every read.
  api.use('*', (c, next) =>
    c.req.method === 'GET' ||
    c.req.method === 'HEAD' ||
    (c.req.method === 'POST' && c.req.path === `/api${UPLOAD_ROUTE}`)
      ? next()
      : jsonBodyLimit(c, next),
  );
  api.onError((error, c) => {
    const appError = toAppError(error);
    const locale = pickLocale(c.req.header('accept-language'));
    if (!appError) {
      deps.logger.error({ err: error, path: c.req.path, method: c.req.method }, 'unhandled error');
      return c.json(renderError(new AppError('INTERNAL'), locale), 500);
    }
    if (appError.retryAfterSeconds) c.header('Retry-After', String(appError.retryAfterSeconds));
    return c.json(renderError(appError, locale), appError.status);
  });
  api.notFound((c) => c.json(renderError(AppError.notFound(), c.get('locale') ?? 'zh-CN'), 404));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Stratum API',
      version: '0.1.0',
      description:
        'Customer tiering management (客户分级管理). Log in with POST /api/auth/login; the session cookie ' +
        'authorises the other calls. Every read is limited to the caller’s data scope: a rep sees their own ' +
        'customers, a manager their team’s, an admin all. Errors: { error: { code, message, fields[] } }, ' +
        'localised by Accept-Language (zh-CN default, en-US).',
    },
  });
  registerLoginRoute(api, deps);
  api.use('*', requireSession(deps));
  registerSessionRoutes(api, deps);
  registerApiRoutes(api, deps);
  return api;
}

export function createApp(deps: AppDeps, options: { webRoot?: string } = {}): Hono {
  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  mountApiDocs(app);
  app.route('/api', createApi(deps));
  if (options.webRoot) mountWebApp(app, options.webRoot);
  return app;
}
