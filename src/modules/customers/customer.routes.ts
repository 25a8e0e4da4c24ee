import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { writeAndRegrade } from '../grading/instant.service.js';
import {
  CustomerBulkAssign,
  CustomerBulkAssignResult,
  CustomerCount,
  CustomerCountQuery,
  CustomerCreate,
  CustomerListQuery,
  CustomerPage,
  CustomerResponse,
  CustomerRowPage,
  CustomerUpdate,
} from './customer.schema.js';
import {
  bulkAssignCustomers,
  countCustomersMatching,
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  listCustomerTableRows,
  updateCustomerById,
} from './customer.service.js';

const tags = ['customers'];

const listRoute = createRoute({
  method: 'get',
  path: '/customers',
  tags,
  summary: 'List customers in your scope, with filters, search, sorting and keyset pagination',
  request: { query: CustomerListQuery },
  responses: { 200: jsonResponse(CustomerPage, 'A page of customers'), ...errorResponses },
});

const countRoute = createRoute({
  method: 'get',
  path: '/customers/count',
  tags,
  summary: 'How many customers in your scope the list filters select',
  request: { query: CustomerCountQuery },
  responses: { 200: jsonResponse(CustomerCount, 'The count'), ...errorResponses },
});

const rowsRoute = createRoute({
  method: 'get',
  path: '/customers/rows',
  tags,
  summary:
    "The list's rows: what its table shows of each customer, same filters, order and pages as the list",
  request: { query: CustomerListQuery },
  responses: { 200: jsonResponse(CustomerRowPage, 'A page of customer rows'), ...errorResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/customers/{id}',
  tags,
  summary: 'One customer with owner, team and transaction summary',
  request: { params: IdParams },
  responses: { 200: jsonResponse(CustomerResponse, 'The customer'), ...errorResponses },
});

const createCustomerRoute = createRoute({
  method: 'post',
  path: '/customers',
  tags,
  summary: 'Create a customer (a rep becomes its owner)',
  request: { body: jsonBody(CustomerCreate) },
  responses: { 201: jsonResponse(CustomerResponse, 'Created'), ...errorResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/customers/{id}',
  tags,
  summary: 'Change some fields of a customer',
  request: { params: IdParams, body: jsonBody(CustomerUpdate) },
  responses: { 200: jsonResponse(CustomerResponse, 'Updated'), ...errorResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/customers/{id}',
  tags,
  summary: 'Delete a customer (soft delete; managers and admins)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const bulkAssignRoute = createRoute({
  method: 'post',
  path: '/customers/bulk-assign',
  tags,
  summary: 'Give many customers one owner in one transaction, each change audited (managers and admins)',
  request: { body: jsonBody(CustomerBulkAssign) },
  responses: { 200: jsonResponse(CustomerBulkAssignResult, 'Assigned'), ...errorResponses },
});

export function registerCustomerRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(await listCustomers(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(rowsRoute, async (c) =>
    c.json(await listCustomerTableRows(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(countRoute, async (c) =>
    c.json(await countCustomersMatching(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getCustomer(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(createCustomerRoute, async (c) => {
    const body = c.req.valid('json');
    const created = await writeAndRegrade(
      db,
      'attributes',
      now(),
      (trx) => createCustomer(trx, c.get('actor'), body),
      (view) => view.id,
    );
    return c.json(created, 201);
  });
  app.openapi(bulkAssignRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await db.transaction().execute((trx) => bulkAssignCustomers(trx, c.get('actor'), body));
    return c.json(result, 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const updated = await writeAndRegrade(
      db,
      'attributes',
      now(),
      (trx) => updateCustomerById(trx, c.get('actor'), id, body),
      (edit) => edit.affected,
    );
    return c.json(updated.view, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    // The customers a deleted one was referred by no longer count it.
    await writeAndRegrade(
      db,
      'attributes',
      now(),
      (trx) => deleteCustomer(trx, c.get('actor'), id),
      () => id,
    );
    return c.body(null, 204);
  });
}
