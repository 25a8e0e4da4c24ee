import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonResponse } from '../../server/schema-common.js';
import { AgingQuery, AgingReport } from './aging.schema.js';
import { agingReport } from './aging.service.js';

const agingRoute = createRoute({
  method: 'get',
  path: '/receivables/aging',
  tags: ['payments'],
  summary:
    'Receivables aging: the outstanding payments of your customers by days past due, in total and per account manager',
  request: { query: AgingQuery },
  responses: { 200: jsonResponse(AgingReport, 'The aging report'), ...errorResponses },
});

export function registerAgingRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(agingRoute, async (c) =>
    c.json(await agingReport(db, c.get('actor'), c.req.valid('query')), 200),
  );
}
