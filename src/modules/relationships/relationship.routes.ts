import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { RelationshipCreate, RelationshipList, RelationshipResponse } from './relationship.schema.js';
import {
  createRelationship,
  deleteRelationshipById,
  listCustomerRelationships,
} from './relationship.service.js';
import { writeAndRegrade } from '../grading/instant.service.js';

const tags = ['relationships'];

const listRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/relationships',
  tags,
  summary: "A customer's links to other customers, both directions",
  request: { params: IdParams },
  responses: { 200: jsonResponse(RelationshipList, 'Relationships'), ...errorResponses },
});

const createRelationshipRoute = createRoute({
  method: 'post',
  path: '/relationships',
  tags,
  summary: 'Link two customers in your scope',
  request: { body: jsonBody(RelationshipCreate) },
  responses: { 201: jsonResponse(RelationshipResponse, 'Created'), ...errorResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/relationships/{id}',
  tags,
  summary: 'Remove a link recorded by a customer in your scope',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

export function registerRelationshipRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(await listCustomerRelationships(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(createRelationshipRoute, async (c) => {
    const body = c.req.valid('json');
    // A referral link may name the referred customer's referrer, whose referral metrics then count it.
    const created = await writeAndRegrade(
      db,
      body.kind === 'referred' ? 'attributes' : undefined,
      now(),
      (trx) => createRelationship(trx, c.get('actor'), body),
      () => body.relatedCustomerId,
    );
    return c.json(created, 201);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deleteRelationshipById(trx, c.get('actor'), id));
    return c.body(null, 204);
  });
}
