import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import { AuditLogFacets, AuditLogPage, AuditLogQuery } from './audit-log.schema.js';
import { auditLogFilterValues, auditLogPage } from './audit-log.service.js';

const tags = ['audit'];

const listRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags,
  summary: 'The whole audit log, newest first, filtered and paged by cursor (admins)',
  request: { query: AuditLogQuery },
  responses: {
    200: jsonResponse(AuditLogPage, 'Audit entries, newest first'),
    ...errorResponses,
    ...forbidden,
  },
});

const facetsRoute = createRoute({
  method: 'get',
  path: '/audit/facets',
  tags,
  summary: "The entities, actions and users present in the audit log, for its filters' choices (admins)",
  responses: {
    200: jsonResponse(AuditLogFacets, 'Distinct values, sorted'),
    ...errorResponses,
    ...forbidden,
  },
});

export function registerAuditLogRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(await auditLogPage(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(facetsRoute, async (c) => c.json(await auditLogFilterValues(db, c.get('actor')), 200));
}
