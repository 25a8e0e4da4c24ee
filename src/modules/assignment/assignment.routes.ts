import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import { ApplyResponse, PlanApply, PlanQuery, PlanResponse } from './assignment.schema.js';
import { applyPlan, getPlan } from './assignment.service.js';

const tags = ['assignment'];

const routes = {
  plan: createRoute({
    method: 'get',
    path: '/assignment/plan',
    tags,
    summary:
      'Proposed owner changes that remove no-owner, too-junior and over-capacity violations, what cannot be fixed and why, loads, and the headcount each level needs (managers, admins)',
    request: { query: PlanQuery },
    responses: { 200: jsonResponse(PlanResponse, 'The plan'), ...errorResponses, ...forbidden },
  }),
  apply: createRoute({
    method: 'post',
    path: '/assignment/apply',
    tags,
    summary:
      'Apply reviewed moves in one transaction, audited on each customer (managers for their team, admins)',
    request: { body: jsonBody(PlanApply) },
    responses: { 200: jsonResponse(ApplyResponse, 'Applied'), ...errorResponses, ...forbidden },
  }),
};

export function registerAssignmentRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(routes.plan, async (c) => c.json(await getPlan(db, c.get('actor'), c.req.valid('query')), 200));
  app.openapi(routes.apply, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => applyPlan(trx, c.get('actor'), body)), 200);
  });
}
