import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import {
  PolicyChange,
  PolicyCreate,
  PolicyResponse,
  PolicySummary,
  PolicyVersionCreate,
  PolicyVersionParams,
  PolicyVersionResponse,
} from './policy.schema.js';
import {
  addPolicyVersion,
  changePolicy,
  createPolicy,
  getPolicyVersion,
  getPolicyView,
  listPolicyViews,
} from './policy.service.js';

const tags = ['policies'];
const refused = { ...errorResponses, ...forbidden };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/policies',
    tags,
    summary: 'Service policies, active first by priority (managers and admins)',
    responses: { 200: jsonResponse(z.array(PolicySummary), 'Policies'), ...refused },
  }),
  get: createRoute({
    method: 'get',
    path: '/policies/{id}',
    tags,
    summary: "A policy with its current rules per grade, its model's ladder and its versions",
    request: { params: IdParams },
    responses: { 200: jsonResponse(PolicyResponse, 'The policy'), ...refused },
  }),
  version: createRoute({
    method: 'get',
    path: '/policies/{id}/versions/{version}',
    tags,
    summary: 'The rules of one version of a policy',
    request: { params: PolicyVersionParams },
    responses: { 200: jsonResponse(PolicyVersionResponse, 'The version'), ...refused },
  }),
  create: createRoute({
    method: 'post',
    path: '/policies',
    tags,
    summary: 'Create a policy for a grading model with a rule for every grade (admins)',
    request: { body: jsonBody(PolicyCreate) },
    responses: { 201: jsonResponse(PolicyResponse, 'Created'), ...refused },
  }),
  addVersion: createRoute({
    method: 'post',
    path: '/policies/{id}/versions',
    tags,
    summary: 'Edit the rules: writes the next version and makes it current (admins)',
    request: { params: IdParams, body: jsonBody(PolicyVersionCreate) },
    responses: { 201: jsonResponse(PolicyResponse, 'The policy at its new version'), ...refused },
  }),
  change: createRoute({
    method: 'patch',
    path: '/policies/{id}',
    tags,
    summary: 'Rename, reprioritise, activate or deactivate a policy (admins)',
    request: { params: IdParams, body: jsonBody(PolicyChange) },
    responses: { 200: jsonResponse(PolicyResponse, 'The policy'), ...refused },
  }),
};

export function registerPolicyRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(routes.list, async (c) => c.json(await listPolicyViews(db, c.get('actor')), 200));
  app.openapi(routes.get, async (c) =>
    c.json(await getPolicyView(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(routes.version, async (c) => {
    const { id, version } = c.req.valid('param');
    return c.json(await getPolicyVersion(db, c.get('actor'), id, version), 200);
  });
  app.openapi(routes.create, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createPolicy(trx, c.get('actor'), body)), 201);
  });
  app.openapi(routes.addVersion, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => addPolicyVersion(trx, c.get('actor'), id, body)),
      201,
    );
  });
  app.openapi(routes.change, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => changePolicy(trx, c.get('actor'), id, body)), 200);
  });
}
