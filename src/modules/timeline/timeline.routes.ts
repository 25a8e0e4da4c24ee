import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonResponse } from '../../server/schema-common.js';
import { TimelinePage, TimelineQuery } from './timeline.schema.js';
import { customerTimeline } from './timeline.service.js';

const timelineRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/timeline',
  tags: ['customers'],
  summary:
    'Everything that happened with a customer, newest first: orders, payments, follow-ups, grades, opportunities',
  request: { params: IdParams, query: TimelineQuery },
  responses: { 200: jsonResponse(TimelinePage, 'A page of events'), ...errorResponses },
});

export function registerTimelineRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(timelineRoute, async (c) =>
    c.json(await customerTimeline(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
