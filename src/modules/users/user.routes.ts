import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { UserCreate, UserList, UserResponse, UserUpdate, forbidden } from './user.schema.js';
import { createUser, deactivateUser, getUser, listUserViews, updateUserById } from './user.service.js';

const tags = ['users'];

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Users you may see: an admin all, a manager their team and themselves, a rep themselves',
  responses: { 200: jsonResponse(UserList, 'Users'), ...errorResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  tags,
  summary: 'One user in your scope',
  request: { params: IdParams },
  responses: { 200: jsonResponse(UserResponse, 'The user'), ...errorResponses },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a user (admins)',
  request: { body: jsonBody(UserCreate) },
  responses: { 201: jsonResponse(UserResponse, 'Created'), ...errorResponses, ...forbidden },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags,
  summary: 'Change a user (admins); a new password or deactivation ends their sessions',
  request: { params: IdParams, body: jsonBody(UserUpdate) },
  responses: { 200: jsonResponse(UserResponse, 'Updated'), ...errorResponses, ...forbidden },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/users/{id}',
  tags,
  summary: 'Deactivate a user and end their sessions (admins)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deactivated' }, ...errorResponses, ...forbidden },
});

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(listRoute, async (c) => c.json(await listUserViews(db, c.get('actor')), 200));
  app.openapi(getRoute, async (c) => c.json(await getUser(db, c.get('actor'), c.req.valid('param').id), 200));
  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createUser(trx, c.get('actor'), body)), 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateUserById(trx, c.get('actor'), id, body)),
      200,
    );
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deactivateUser(trx, c.get('actor'), id));
    return c.body(null, 204);
  });
}
