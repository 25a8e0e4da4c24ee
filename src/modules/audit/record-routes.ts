import type { z } from '@hono/zod-openapi';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import type { Db } from './audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { writeAndRegrade, type RegradeCause } from '../grading/instant.service.js';

/**
 * The five routes every record a customer owns shares (list, read, create, change, delete) plus the list under its
 * customer. Routes stay thin: they parse, open the transaction of a write, call the service and respond.
 */
export interface RecordRouteSpec<
  Query extends z.ZodObject,
  CustomerQuery extends z.ZodObject,
  Create extends z.ZodType,
  Update extends z.ZodType,
> {
  readonly tag: string;
  /** Records that feed grading: a write re-grades their customer at once, in the same transaction. */
  readonly regradeAs?: RegradeCause;
  /** Collection path, e.g. `/contacts`; the customer's list is `/customers/{id}` + this path. */
  readonly path: string;
  readonly noun: string;
  readonly plural: string;
  readonly schemas: {
    readonly listQuery: Query;
    readonly customerListQuery: CustomerQuery;
    readonly list: z.ZodType;
    readonly customerList: z.ZodType;
    readonly view: z.ZodType;
    readonly create: Create;
    readonly update: Update;
  };
  readonly service: {
    list(db: Db, actor: Actor, filter: z.output<Query>): Promise<unknown>;
    listOfCustomer(
      db: Db,
      actor: Actor,
      customerId: number,
      filter: z.output<CustomerQuery>,
    ): Promise<unknown>;
    get(db: Db, actor: Actor, id: number): Promise<unknown>;
    /** `at` is the request's moment: what a write may not date after, and what its re-grade is as of. */
    create(db: Db, actor: Actor, input: z.output<Create>, at: Date): Promise<unknown>;
    update(db: Db, actor: Actor, id: number, input: z.output<Update>, at: Date): Promise<unknown>;
    remove(db: Db, actor: Actor, id: number): Promise<void>;
  };
}

export function registerRecordRoutes<
  Query extends z.ZodObject,
  CustomerQuery extends z.ZodObject,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(
  app: OpenAPIHono<AppEnv>,
  { db, now }: AppDeps,
  spec: RecordRouteSpec<Query, CustomerQuery, Create, Update>,
) {
  const { tag, path, noun, plural, service } = spec;
  const customerOf = (record: unknown) => (record as { customerId: number }).customerId;
  /** Concrete schema types inside: the OpenAPI route types cannot be computed from open generics. */
  const schemas: Record<'listQuery' | 'customerListQuery', z.ZodObject> &
    Record<'list' | 'customerList' | 'view' | 'create' | 'update', z.ZodType> = spec.schemas;
  const tags = [tag];
  const listRoute = createRoute({
    method: 'get',
    path,
    tags,
    summary: `List ${plural} of the customers in your scope`,
    request: { query: schemas.listQuery },
    responses: { 200: jsonResponse(schemas.list, `${plural}`), ...errorResponses },
  });
  const customerListRoute = createRoute({
    method: 'get',
    path: `/customers/{id}${path}`,
    tags,
    summary: `The ${plural} of one customer (404 when the customer is not in your scope)`,
    request: { params: IdParams, query: schemas.customerListQuery },
    responses: { 200: jsonResponse(schemas.customerList, `${plural}`), ...errorResponses },
  });
  const getRoute = createRoute({
    method: 'get',
    path: `${path}/{id}`,
    tags,
    summary: `One ${noun}`,
    request: { params: IdParams },
    responses: { 200: jsonResponse(schemas.view, `The ${noun}`), ...errorResponses },
  });
  const createRecordRoute = createRoute({
    method: 'post',
    path,
    tags,
    summary: `Create a ${noun} for a customer in your scope`,
    request: { body: jsonBody(schemas.create) },
    responses: { 201: jsonResponse(schemas.view, 'Created'), ...errorResponses },
  });
  const updateRoute = createRoute({
    method: 'patch',
    path: `${path}/{id}`,
    tags,
    summary: `Change some fields of a ${noun}`,
    request: { params: IdParams, body: jsonBody(schemas.update) },
    responses: { 200: jsonResponse(schemas.view, 'Updated'), ...errorResponses },
  });
  const deleteRoute = createRoute({
    method: 'delete',
    path: `${path}/{id}`,
    tags,
    summary: `Delete a ${noun}`,
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  });

  app.openapi(listRoute, async (c) =>
    c.json((await service.list(db, c.get('actor'), c.req.valid('query') as z.output<Query>)) as never, 200),
  );
  app.openapi(customerListRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query') as z.output<CustomerQuery>;
    return c.json((await service.listOfCustomer(db, c.get('actor'), id, query)) as never, 200);
  });
  app.openapi(getRoute, async (c) =>
    c.json((await service.get(db, c.get('actor'), c.req.valid('param').id)) as never, 200),
  );
  app.openapi(createRecordRoute, async (c) => {
    const body = c.req.valid('json') as z.output<Create>;
    const at = now();
    const created = await writeAndRegrade(
      db,
      spec.regradeAs,
      at,
      (trx) => service.create(trx, c.get('actor'), body, at),
      customerOf,
    );
    return c.json(created as never, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') as z.output<Update>;
    const at = now();
    const updated = await writeAndRegrade(
      db,
      spec.regradeAs,
      at,
      (trx) => service.update(trx, c.get('actor'), id, body, at),
      customerOf,
    );
    return c.json(updated as never, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    // Read first: the customer to re-grade is the deleted record's.
    await writeAndRegrade(
      db,
      spec.regradeAs,
      now(),
      async (trx) => {
        const record = await service.get(trx, c.get('actor'), id);
        await service.remove(trx, c.get('actor'), id);
        return record;
      },
      customerOf,
    );
    return c.body(null, 204);
  });
}
