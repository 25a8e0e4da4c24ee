import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import {
  ErrorResponse,
  IdParams,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../server/schema-common.js';
import {
  DeliveryListQuery,
  DeliveryPage,
  DeliveryResponse,
  WebhookCreate,
  WebhookList,
  WebhookResponse,
  WebhookUpdate,
  WebhookUpdated,
  WebhookWithSecret,
  adminOnly,
} from './webhook.schema.js';
import {
  createWebhook,
  deleteWebhookById,
  getWebhook,
  listDeliveries,
  listWebhooks,
  retryDelivery,
  testWebhook,
  updateWebhookById,
} from './webhook.service.js';

const tags = ['webhooks'];
const responses = { ...errorResponses, ...adminOnly };

const listRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags,
  summary: 'Every webhook (admins); secrets are never shown',
  responses: { 200: jsonResponse(WebhookList, 'Webhooks'), ...responses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}',
  tags,
  summary: 'One webhook (admins)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(WebhookResponse, 'The webhook'), ...responses },
});

const createWebhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags,
  summary: 'Subscribe a URL to grade and run events (admins); the signing secret is returned once',
  request: { body: jsonBody(WebhookCreate) },
  responses: { 201: jsonResponse(WebhookWithSecret, 'Created, with its secret'), ...responses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/webhooks/{id}',
  tags,
  summary: 'Change a webhook, pause it, or rotate its secret (admins)',
  request: { params: IdParams, body: jsonBody(WebhookUpdate) },
  responses: { 200: jsonResponse(WebhookUpdated, 'Updated (with the new secret if rotated)'), ...responses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags,
  summary: 'Delete a webhook and its delivery log (admins)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...responses },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags,
  summary: 'Delivery log of a webhook, newest first, with every attempt (admins)',
  request: { params: IdParams, query: DeliveryListQuery },
  responses: { 200: jsonResponse(DeliveryPage, 'A page of deliveries'), ...responses },
});

const testRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/test',
  tags,
  summary: 'Enqueue a ping to this webhook (admins)',
  request: { params: IdParams },
  responses: { 202: jsonResponse(DeliveryResponse, 'The ping delivery, pending'), ...responses },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/webhook-deliveries/{id}/retry',
  tags,
  summary: 'Send a pending or failed delivery again now, with a fresh budget of attempts (admins)',
  request: { params: IdParams },
  responses: {
    200: jsonResponse(DeliveryResponse, 'The delivery, pending'),
    409: { description: 'Already delivered', content: { 'application/json': { schema: ErrorResponse } } },
    ...responses,
  },
});

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(listRoute, async (c) => c.json(await listWebhooks(db, c.get('actor')), 200));
  app.openapi(getRoute, async (c) =>
    c.json(await getWebhook(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(createWebhookRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createWebhook(trx, c.get('actor'), body)), 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateWebhookById(trx, c.get('actor'), id, body)),
      200,
    );
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deleteWebhookById(trx, c.get('actor'), id));
    return c.body(null, 204);
  });
  app.openapi(deliveriesRoute, async (c) =>
    c.json(await listDeliveries(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(testRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await testWebhook(db, c.get('actor'), id, now()), 202);
  });
  app.openapi(retryRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await db.transaction().execute((trx) => retryDelivery(trx, c.get('actor'), id, now())),
      200,
    );
  });
}
