import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import {
  CustomerMerge,
  CustomerMergeResult,
  DuplicateGroupPage,
  DuplicateQuery,
  MergedInto,
} from './merge.schema.js';
import { listDuplicateGroups, mergeCustomers, mergeSurvivor } from './merge.service.js';

const tags = ['customers'];

const duplicatesRoute = createRoute({
  method: 'get',
  path: '/customers/duplicates',
  tags,
  summary:
    'Customers in your scope that look like one company: the same name once normalised, or the same phone number',
  request: { query: DuplicateQuery },
  responses: { 200: jsonResponse(DuplicateGroupPage, 'Groups of likely duplicates'), ...errorResponses },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/customers/{id}/merge',
  tags,
  summary:
    'Merge duplicates into this customer: chosen profile fields, every record moved, grades re-evaluated, ' +
    "the duplicates' codes kept as aliases (managers and admins)",
  request: { params: IdParams, body: jsonBody(CustomerMerge) },
  responses: { 200: jsonResponse(CustomerMergeResult, 'Merged'), ...errorResponses },
});

const survivorRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/merged-into',
  tags,
  summary: 'The customer a merged customer now lives on (where its old links lead), if it is in your scope',
  request: { params: IdParams },
  responses: { 200: jsonResponse(MergedInto, 'The survivor, or null'), ...errorResponses },
});

/** Registered before the customer routes, so that `/customers/duplicates` is not read as a customer id. */
export function registerCustomerMergeRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(duplicatesRoute, async (c) =>
    c.json(await listDuplicateGroups(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(survivorRoute, async (c) =>
    c.json(await mergeSurvivor(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(mergeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await db
      .transaction()
      .execute((trx) => mergeCustomers(trx, c.get('actor'), id, body, now()));
    return c.json(result, 200);
  });
}
