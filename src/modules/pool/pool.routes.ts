import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import { businessDay } from '../worklist/business-day.js';
import {
  ClaimRequest,
  MoveResponse,
  PoolLimits,
  PoolPage,
  PoolQuery,
  RecallRequest,
  RecallResponse,
  ReleaseRequest,
} from './pool.schema.js';
import { claimCustomer, listPool, poolLimits, recallAsAdmin, releaseCustomer } from './pool.service.js';

const tags = ['pool'];
const conflict = {
  409: {
    description: 'A claim limit refuses the claim (the field reason says which)',
    content: errorResponses[400].content,
  },
} as const;

const listRoute = createRoute({
  method: 'get',
  path: '/pool',
  tags,
  summary: "Customers in the public pool (公海) you may claim: your team's and those of no team; admins all",
  request: { query: PoolQuery },
  responses: { 200: jsonResponse(PoolPage, 'Pool customers and your claim limits'), ...errorResponses },
});

const limitsRoute = createRoute({
  method: 'get',
  path: '/pool/limits',
  tags,
  summary: 'How many customers you own and may own, and your claims today',
  responses: { 200: jsonResponse(PoolLimits, 'Your limits'), ...errorResponses },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/pool/claims',
  tags,
  summary: 'Claim a pool customer (limits: owned customers, claims per day, re-claim window)',
  request: { body: jsonBody(ClaimRequest) },
  responses: { 200: jsonResponse(MoveResponse, 'Claimed'), ...errorResponses, ...conflict },
});

const releaseRoute = createRoute({
  method: 'post',
  path: '/pool/releases',
  tags,
  summary: 'Release a customer you may change to the pool',
  request: { body: jsonBody(ReleaseRequest) },
  responses: { 200: jsonResponse(MoveResponse, 'Released'), ...errorResponses },
});

const recallRoute = createRoute({
  method: 'post',
  path: '/pool/recall',
  tags,
  summary: 'Run the daily recall now (admins): warn owners, return customers past their recall days',
  request: { body: jsonBody(RecallRequest) },
  responses: { 200: jsonResponse(RecallResponse, 'What the recall did'), ...errorResponses, ...forbidden },
});

export function registerPoolRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;
  const today = () => businessDay(deps.now());
  app.openapi(listRoute, async (c) =>
    c.json(await listPool(db, c.get('actor'), c.req.valid('query'), today()), 200),
  );
  app.openapi(limitsRoute, async (c) => c.json(await poolLimits(db, c.get('actor'), today()), 200));
  app.openapi(claimRoute, async (c) => {
    const { customerId } = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => claimCustomer(trx, c.get('actor'), customerId, today())),
      200,
    );
  });
  app.openapi(releaseRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => releaseCustomer(trx, c.get('actor'), body, today())),
      200,
    );
  });
  app.openapi(recallRoute, async (c) => {
    const { asOf } = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => recallAsAdmin(trx, c.get('actor'), asOf ?? today())),
      200,
    );
  });
}
