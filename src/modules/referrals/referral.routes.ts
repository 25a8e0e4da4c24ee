import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonResponse } from '../../server/schema-common.js';
import {
  CustomerReferralQuery,
  CustomerReferrals,
  ReferralAnalysis,
  ReferralAnalysisQuery,
} from './referral.schema.js';
import { customerReferrals, runReferrals } from './referral.service.js';

const customerRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/referrals',
  tags: ['customers'],
  summary:
    'The customers this customer referred that you may see, the most valuable first, and what they bought to date',
  request: { params: IdParams, query: CustomerReferralQuery },
  responses: { 200: jsonResponse(CustomerReferrals, 'Referred customers'), ...errorResponses },
});

const runRoute = createRoute({
  method: 'get',
  path: '/analytics/runs/{id}/referrals',
  tags: ['analytics'],
  summary:
    'Referral analysis of a run: per grade, who refers and what the referred customers bought; the top referrers; the share that came by referral — in your scope',
  request: { params: IdParams, query: ReferralAnalysisQuery },
  responses: { 200: jsonResponse(ReferralAnalysis, 'Referral analysis'), ...errorResponses },
});

export function registerReferralRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(customerRoute, async (c) =>
    c.json(
      await customerReferrals(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query').limit),
      200,
    ),
  );
  app.openapi(runRoute, async (c) =>
    c.json(await runReferrals(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
