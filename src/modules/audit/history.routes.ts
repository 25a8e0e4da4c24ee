import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonResponse } from '../../server/schema-common.js';
import { HistoryList, HistoryQuery } from './history.schema.js';
import { customerHistory } from './history.service.js';

const historyRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/history',
  tags: ['customers'],
  summary:
    'Who changed what on a customer and on its contacts, orders, payments, activities and relationships',
  request: { params: IdParams, query: HistoryQuery },
  responses: { 200: jsonResponse(HistoryList, 'Audit entries, newest first'), ...errorResponses },
});

export function registerHistoryRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(historyRoute, async (c) =>
    c.json(
      await customerHistory(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query').limit),
      200,
    ),
  );
}
