import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { AnyJson, MigrationQuery, RunSummaryQuery, TrendQuery, XlsxBody } from './analytics.schema.js';
import { metricCatalogue, migration, runSummary, trend, workbook } from './analytics.service.js';

const tags = ['analytics'];
const json = (description: string) => jsonResponse(AnyJson, description);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const routes = {
  metrics: createRoute({
    method: 'get',
    path: '/grading/metrics',
    tags,
    summary: "The engine's metric catalogue: id, unit, name, direction, step",
    responses: { 200: json('Metrics'), ...errorResponses },
  }),
  runSummary: createRoute({
    method: 'get',
    path: '/analytics/runs/{id}/summary',
    tags,
    summary:
      'Per-grade counts, sales, profit and behaviour, concentration (Lorenz, Gini) and composition of a run, in your scope',
    request: { params: IdParams, query: RunSummaryQuery },
    responses: { 200: json('Summary'), ...errorResponses },
  }),
  trend: createRoute({
    method: 'get',
    path: '/analytics/trend',
    tags,
    summary: "Grade distribution over a model's runs, in your scope",
    request: { query: TrendQuery },
    responses: { 200: json('Trend'), ...errorResponses },
  }),
  migration: createRoute({
    method: 'get',
    path: '/analytics/migration',
    tags,
    summary: 'Grade migration between two runs of a model, in your scope and filters',
    request: { query: MigrationQuery },
    responses: { 200: json('Migration'), ...errorResponses },
  }),
  xlsx: createRoute({
    method: 'post',
    path: '/analytics/xlsx',
    tags,
    summary: "A chart's data as an XLSX workbook",
    request: { body: jsonBody(XlsxBody) },
    responses: { 200: { description: 'Workbook' }, ...errorResponses },
  }),
};

export function registerAnalyticsRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(routes.metrics, (c) => c.json({ items: metricCatalogue() }, 200));
  app.openapi(routes.runSummary, async (c) =>
    c.json(await runSummary(db, c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(routes.trend, async (c) => {
    const { modelId, limit, ...filter } = c.req.valid('query');
    return c.json(await trend(db, c.get('actor'), filter, modelId, limit), 200);
  });
  app.openapi(routes.migration, async (c) => {
    const { fromRunId, toRunId, ...filter } = c.req.valid('query');
    return c.json(await migration(db, c.get('actor'), filter, fromRunId, toRunId), 200);
  });
  app.openapi(routes.xlsx, async (c) => {
    const { filename, sheets } = c.req.valid('json');
    const bytes = await workbook(sheets);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}.xlsx`,
    });
  });
}
