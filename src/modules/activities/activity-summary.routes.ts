import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonResponse } from '../../server/schema-common.js';
import { ActivitySummary, ActivitySummaryQuery } from './activity-summary.schema.js';
import { activitySummary } from './activity-summary.service.js';

const summaryRoute = createRoute({
  method: 'get',
  path: '/activity-summary',
  tags: ['activities'],
  summary:
    'Follow-ups on your customers counted per person who did them (by kind, customers reached) and in total, with the filters of GET /activities',
  request: { query: ActivitySummaryQuery },
  responses: { 200: jsonResponse(ActivitySummary, 'The follow-up summary'), ...errorResponses },
});

export function registerActivitySummaryRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(summaryRoute, async (c) =>
    c.json(await activitySummary(db, c.get('actor'), c.req.valid('query')), 200),
  );
}
