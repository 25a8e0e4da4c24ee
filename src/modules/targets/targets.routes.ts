import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { TargetGrid, TargetGridQuery, TargetsUpdate } from './targets.schema.js';
import { setTargets, targetGrid } from './targets.service.js';

const tags = ['orders'];

const gridRoute = createRoute({
  method: 'get',
  path: '/sales-targets',
  tags,
  summary: "A year's monthly sales targets of the account managers in your scope",
  request: { query: TargetGridQuery },
  responses: { 200: jsonResponse(TargetGrid, 'The targets'), ...errorResponses },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/sales-targets',
  tags,
  summary:
    'Set or remove monthly sales targets, all or nothing (admins for anyone, managers for the others of their team)',
  request: { body: jsonBody(TargetsUpdate) },
  responses: {
    200: jsonResponse(z.object({ updated: z.number().int() }).openapi('SalesTargetsUpdated'), 'Saved'),
    ...errorResponses,
  },
});

export function registerSalesTargetRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(gridRoute, async (c) =>
    c.json(await targetGrid(db, c.get('actor'), c.req.valid('query'), now()), 200),
  );
  app.openapi(updateRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await db.transaction().execute((trx) => setTargets(trx, c.get('actor'), body));
    return c.json(result, 200);
  });
}
