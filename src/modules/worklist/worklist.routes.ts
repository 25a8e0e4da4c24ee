import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import { changeSettings, getSettings } from './settings.service.js';
import {
  SnoozeCreate,
  SnoozeResponse,
  WorklistQuery,
  WorklistResponse,
  WorklistSettings,
  WorklistSettingsUpdate,
  WorklistUsers,
} from './worklist.schema.js';
import { getWorklist, snoozeItem, worklistUsers } from './worklist.service.js';

const tags = ['worklist'];

const worklistRoute = createRoute({
  method: 'get',
  path: '/worklist',
  tags,
  summary:
    "An account manager's worklist for today or this week: contacts overdue, pool recalls, birthdays, holidays, repurchases, downgrades, churn risk",
  request: { query: WorklistQuery },
  responses: { 200: jsonResponse(WorklistResponse, 'The worklist'), ...errorResponses },
});

const snoozeRoute = createRoute({
  method: 'post',
  path: '/worklist/snoozes',
  tags,
  summary: 'Hide a worklist item until a later day',
  request: { body: jsonBody(SnoozeCreate) },
  responses: { 201: jsonResponse(SnoozeResponse, 'The snooze'), ...errorResponses },
});

const usersRoute = createRoute({
  method: 'get',
  path: '/worklist/users',
  tags,
  summary: 'Whose worklists you may open: yourself; a manager their team; an admin everyone',
  responses: { 200: jsonResponse(WorklistUsers, 'Users'), ...errorResponses },
});

const settingsRoute = createRoute({
  method: 'get',
  path: '/worklist/settings',
  tags,
  summary: 'Lead times, escalation delay and public-pool limits',
  responses: { 200: jsonResponse(WorklistSettings, 'Settings'), ...errorResponses },
});

const settingsUpdateRoute = createRoute({
  method: 'patch',
  path: '/worklist/settings',
  tags,
  summary: 'Change lead times, escalation delay and public-pool limits (admins)',
  request: { body: jsonBody(WorklistSettingsUpdate) },
  responses: { 200: jsonResponse(WorklistSettings, 'Settings'), ...errorResponses, ...forbidden },
});

export function registerWorklistRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;
  app.openapi(worklistRoute, async (c) =>
    c.json(await getWorklist(db, c.get('actor'), c.req.valid('query'), deps.now()), 200),
  );
  app.openapi(snoozeRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => snoozeItem(trx, c.get('actor'), body, deps.now())),
      201,
    );
  });
  app.openapi(usersRoute, async (c) => c.json(await worklistUsers(db, c.get('actor')), 200));
  app.openapi(settingsRoute, async (c) => c.json(await getSettings(db), 200));
  app.openapi(settingsUpdateRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => changeSettings(trx, c.get('actor'), body)), 200);
  });
}
