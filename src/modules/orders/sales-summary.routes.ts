import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonResponse } from '../../server/schema-common.js';
import { SalesSummary, SalesSummaryQuery } from './sales-summary.schema.js';
import { salesSummary } from './sales-summary.service.js';

const summaryRoute = createRoute({
  method: 'get',
  path: '/sales-summary',
  tags: ['orders'],
  summary:
    'Sales of a period (orders, amount, gross profit, customers who bought) in total and per account manager, beside the period of equal length before',
  request: { query: SalesSummaryQuery },
  responses: { 200: jsonResponse(SalesSummary, 'The sales summary'), ...errorResponses },
});

export function registerSalesSummaryRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(summaryRoute, async (c) =>
    c.json(await salesSummary(db, c.get('actor'), c.req.valid('query'), now()), 200),
  );
}
