import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonResponse } from '../../server/schema-common.js';
import {
  ClvByGradeQuery,
  ClvByGradeResponse,
  ForecastResponse,
  GrowableQuery,
  GrowableResponse,
} from './clv.schema.js';
import { getClvByGrade, getCustomerForecast, getGrowableCustomers } from './clv.service.js';

const tags = ['clv'];

const forecastRoute = createRoute({
  method: 'get',
  path: '/customers/{id}/forecast',
  tags,
  summary: "A customer's probability still active, expected purchases and CLV for the next 12 months",
  request: { params: IdParams },
  responses: {
    200: jsonResponse(ForecastResponse, 'The latest forecast (null before any)'),
    ...errorResponses,
  },
});

const byGradeRoute = createRoute({
  method: 'get',
  path: '/clv/by-grade',
  tags,
  summary: 'Distribution of 12-month CLV per current grade of a model, within the scope',
  request: { query: ClvByGradeQuery },
  responses: { 200: jsonResponse(ClvByGradeResponse, 'Five-number summary per grade'), ...errorResponses },
});

const growableRoute = createRoute({
  method: 'get',
  path: '/clv/growable',
  tags,
  summary: 'High CLV (company top fifth), low current grade: the most growable customers in scope',
  request: { query: GrowableQuery },
  responses: { 200: jsonResponse(GrowableResponse, 'Customers by CLV, highest first'), ...errorResponses },
});

export function registerClvRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { db } = deps;
  app.openapi(forecastRoute, async (c) =>
    c.json(await getCustomerForecast(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(byGradeRoute, async (c) =>
    c.json(await getClvByGrade(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(growableRoute, async (c) =>
    c.json(await getGrowableCustomers(db, c.get('actor'), c.req.valid('query')), 200),
  );
}
