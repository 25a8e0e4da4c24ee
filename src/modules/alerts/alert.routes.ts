import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonResponse } from '../../server/schema-common.js';
import { AlertListQuery, AlertPage, AlertResponse, AlertSummary, ReadAllResponse } from './alert.schema.js';
import { alertSummary, listAlerts, readAlert, readAllAlerts } from './alert.service.js';

const tags = ['alerts'];

const listRoute = createRoute({
  method: 'get',
  path: '/alerts',
  tags,
  summary: 'Your grade alerts (upgrades, downgrades, top grade, churn risk), newest first',
  request: { query: AlertListQuery },
  responses: { 200: jsonResponse(AlertPage, 'A page of your alerts'), ...errorResponses },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/alerts/summary',
  tags,
  summary: 'How many of your alerts are unread, in total and by kind',
  responses: { 200: jsonResponse(AlertSummary, 'Unread counts'), ...errorResponses },
});

const readRoute = createRoute({
  method: 'post',
  path: '/alerts/{id}/read',
  tags,
  summary: 'Mark one of your alerts read',
  request: { params: IdParams },
  responses: { 200: jsonResponse(AlertResponse, 'The alert, read'), ...errorResponses },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/alerts/read-all',
  tags,
  summary: 'Mark all your alerts read',
  responses: { 200: jsonResponse(ReadAllResponse, 'How many alerts were unread'), ...errorResponses },
});

export function registerAlertRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(await listAlerts(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(summaryRoute, async (c) => c.json(await alertSummary(db, c.get('actor')), 200));
  app.openapi(readRoute, async (c) =>
    c.json(await readAlert(db, c.get('actor'), c.req.valid('param').id, now()), 200),
  );
  app.openapi(readAllRoute, async (c) => c.json(await readAllAlerts(db, c.get('actor'), now()), 200));
}
