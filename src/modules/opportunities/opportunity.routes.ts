import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import { forbidden } from '../users/user.schema.js';
import { z } from '@hono/zod-openapi';
import { getFunnel, listOpportunityStages, updateOpportunityStage } from './funnel.service.js';
import {
  CustomerOpportunityQuery,
  FunnelQuery,
  FunnelResponse,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityResponse,
  OpportunityUpdate,
  StageHistoryResponse,
  StageParams,
  StageResponse,
  StageUpdate,
} from './opportunity.schema.js';
import {
  createOpportunity,
  deleteOpportunityById,
  getOpportunity,
  getStageHistory,
  listCustomerOpportunities,
  listOpportunities,
  updateOpportunityById,
} from './opportunity.service.js';

const tags = ['opportunities'];

const historyRoute = createRoute({
  method: 'get',
  path: '/opportunities/{id}/stage-history',
  tags,
  summary: 'Every stage change of an opportunity, oldest first',
  request: { params: IdParams },
  responses: { 200: jsonResponse(StageHistoryResponse, 'Stage changes'), ...errorResponses },
});

const stagesRoute = createRoute({
  method: 'get',
  path: '/opportunity-stages',
  tags,
  summary: 'The funnel stages in order, with their default win probability (percent)',
  responses: { 200: jsonResponse(z.array(StageResponse), 'Stages'), ...errorResponses },
});

const stageUpdateRoute = createRoute({
  method: 'patch',
  path: '/opportunity-stages/{code}',
  tags,
  summary: 'Rename a stage, or change its default probability or position (admins)',
  request: { params: StageParams, body: jsonBody(StageUpdate) },
  responses: { 200: jsonResponse(StageResponse, 'The stage'), ...errorResponses, ...forbidden },
});

const funnelRoute = createRoute({
  method: 'get',
  path: '/funnel',
  tags,
  summary:
    'Per stage: count, amount, weighted amount, conversion to the next stage and time in stage, in scope',
  request: { query: FunnelQuery },
  responses: { 200: jsonResponse(FunnelResponse, 'The funnel'), ...errorResponses },
});

export function registerOpportunityRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;
  registerRecordRoutes(app, deps, {
    tag: 'opportunities',
    // The earliest open opportunity's expected close date feeds the prospect grade.
    regradeAs: 'attributes',
    path: '/opportunities',
    noun: 'opportunity',
    plural: 'opportunities',
    schemas: {
      listQuery: OpportunityListQuery,
      customerListQuery: CustomerOpportunityQuery,
      list: OpportunityPage,
      customerList: OpportunityPage,
      view: OpportunityResponse,
      create: OpportunityCreate,
      update: OpportunityUpdate,
    },
    service: {
      list: listOpportunities,
      listOfCustomer: listCustomerOpportunities,
      get: getOpportunity,
      create: createOpportunity,
      update: updateOpportunityById,
      remove: deleteOpportunityById,
    },
  });
  app.openapi(historyRoute, async (c) =>
    c.json(await getStageHistory(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(stagesRoute, async (c) => c.json(await listOpportunityStages(db), 200));
  app.openapi(stageUpdateRoute, async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateOpportunityStage(trx, c.get('actor'), code, body)),
      200,
    );
  });
  app.openapi(funnelRoute, async (c) =>
    c.json(await getFunnel(db, c.get('actor'), c.req.valid('query')), 200),
  );
}
