import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { TeamCreate, TeamList, TeamResponse, TeamUpdate, forbidden } from './user.schema.js';
import { createTeam, deleteTeamById, listTeams, updateTeamById } from './team.service.js';

const tags = ['teams'];

const listRoute = createRoute({
  method: 'get',
  path: '/teams',
  tags,
  summary: 'Every team with its manager and number of active members',
  responses: { 200: jsonResponse(TeamList, 'Teams'), ...errorResponses },
});

const createTeamRoute = createRoute({
  method: 'post',
  path: '/teams',
  tags,
  summary: 'Create a team (admins)',
  request: { body: jsonBody(TeamCreate) },
  responses: { 201: jsonResponse(TeamResponse, 'Created'), ...errorResponses, ...forbidden },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/teams/{id}',
  tags,
  summary: 'Rename a team, change its region or manager (admins)',
  request: { params: IdParams, body: jsonBody(TeamUpdate) },
  responses: { 200: jsonResponse(TeamResponse, 'Updated'), ...errorResponses, ...forbidden },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/teams/{id}',
  tags,
  summary: 'Delete a team nobody and no customer belongs to (admins; 409 otherwise)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, ...forbidden },
});

export function registerTeamRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(listRoute, async (c) => c.json(await listTeams(db), 200));
  app.openapi(createTeamRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createTeam(trx, c.get('actor'), body)), 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateTeamById(trx, c.get('actor'), id, body)),
      200,
    );
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deleteTeamById(trx, c.get('actor'), id));
    return c.body(null, 204);
  });
}
