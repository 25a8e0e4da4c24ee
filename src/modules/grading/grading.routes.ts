import { authorId } from '../auth/actor.js';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { AppError } from '../../server/errors.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import {
  customerGradeHistory,
  customerGrades,
  explainGrade,
  removeOverride,
  setOverride,
} from './grades.service.js';
import {
  AnyJson,
  FactorPreviewBody,
  HistoryQuery,
  MigrationQuery,
  ModelChange,
  ModelCreate,
  ModelParams,
  ModelResponse,
  ModelVersionCreate,
  OverrideBody,
  ResultsQuery,
  RunResultsPage,
  RunListQuery,
  RunStart,
  WhatIfBody,
} from './grading.schema.js';
import {
  addModelVersion,
  changeModel,
  createModel,
  getModelView,
  listModelViews,
  requireModelEditor,
} from './model.service.js';
import { businessDay } from './instant.service.js';
import { findRun, listRuns } from './run.repository.js';
import { executeRun } from './run.service.js';
import { migrationCounts } from '../analytics/analytics.repository.js';
import { visibleCustomerIds } from '../shared/scope.js';
import { runResults, runView, runViews } from './run-views.service.js';
import { verifyRun } from './verify.service.js';
import { previewModelChange } from './what-if.service.js';
import { previewFactor } from './factor-preview.service.js';

const tags = ['grading'];
const json = (description: string) => jsonResponse(AnyJson, description);

const routes = {
  listModels: createRoute({
    method: 'get',
    path: '/grading/models',
    tags,
    summary: 'Grading models',
    responses: { 200: json('Models'), ...errorResponses },
  }),
  getModel: createRoute({
    method: 'get',
    path: '/grading/models/{id}',
    tags,
    summary: 'A model with its current definition and versions',
    request: { params: IdParams },
    responses: { 200: jsonResponse(ModelResponse, 'Model'), ...errorResponses },
  }),
  createModel: createRoute({
    method: 'post',
    path: '/grading/models',
    tags,
    summary: 'Create a model (managers, admins)',
    request: { body: jsonBody(ModelCreate) },
    responses: { 201: jsonResponse(ModelResponse, 'Created'), ...errorResponses },
  }),
  addVersion: createRoute({
    method: 'post',
    path: '/grading/models/{id}/versions',
    tags,
    summary: 'Save a new version of the definition; it becomes current',
    request: { params: IdParams, body: jsonBody(ModelVersionCreate) },
    responses: { 201: jsonResponse(ModelResponse, 'New version'), ...errorResponses },
  }),
  changeModel: createRoute({
    method: 'patch',
    path: '/grading/models/{id}',
    tags,
    summary: 'Activate/deactivate, schedule, or switch the current version',
    request: { params: IdParams, body: jsonBody(ModelChange) },
    responses: { 200: jsonResponse(ModelResponse, 'Changed'), ...errorResponses },
  }),
  whatIf: createRoute({
    method: 'post',
    path: '/grading/models/{id}/what-if',
    tags,
    summary:
      'Preview an edited definition against the current version: migration matrix, distributions, movers',
    request: { params: IdParams, body: jsonBody(WhatIfBody) },
    responses: { 200: json('Preview'), ...errorResponses },
  }),
  previewFactor: createRoute({
    method: 'post',
    path: '/grading/models/preview-factor',
    tags,
    summary:
      'Histograms of one factor over the current population: the raw metric and its normalised 0–100 score (managers, admins)',
    request: { body: jsonBody(FactorPreviewBody) },
    responses: { 200: json('Histograms'), ...errorResponses },
  }),
  startRun: createRoute({
    method: 'post',
    path: '/grading/models/{id}/runs',
    tags,
    summary: 'Grade every customer with the model now (managers, admins); 409 while a run of it is under way',
    request: { params: IdParams, body: jsonBody(RunStart) },
    responses: { 201: json('Run summary'), ...errorResponses },
  }),
  listRuns: createRoute({
    method: 'get',
    path: '/grading/runs',
    tags,
    summary: 'Runs, newest first',
    request: { query: RunListQuery },
    responses: { 200: json('Runs'), ...errorResponses },
  }),
  getRun: createRoute({
    method: 'get',
    path: '/grading/runs/{id}',
    tags,
    summary: 'A run with its distribution among the customers you may see',
    request: { params: IdParams },
    responses: { 200: json('Run'), ...errorResponses },
  }),
  results: createRoute({
    method: 'get',
    path: '/grading/runs/{id}/results',
    tags,
    summary:
      "A run's grades, scores and factor scores for the customers you may see, narrowed by the dashboard's filters, " +
      'a grade, and the grade in a run compared with (a migration cell)',
    request: { params: IdParams, query: ResultsQuery },
    responses: {
      200: jsonResponse(RunResultsPage, "The run's results on this page, and how many match"),
      ...errorResponses,
    },
  }),
  migration: createRoute({
    method: 'get',
    path: '/grading/runs/{id}/migration',
    tags,
    summary: 'From-grade × to-grade counts against the previous (or a chosen) run',
    request: { params: IdParams, query: MigrationQuery },
    responses: { 200: json('Migration'), ...errorResponses },
  }),
  verify: createRoute({
    method: 'post',
    path: '/grading/runs/{id}/verify',
    tags,
    summary: 'Re-compute the run and report differences (managers, admins)',
    request: { params: IdParams },
    responses: { 200: json('Report'), ...errorResponses },
  }),
  customerGrades: createRoute({
    method: 'get',
    path: '/customers/{id}/grades',
    tags,
    summary: "The customer's current grade under every active model",
    request: { params: IdParams },
    responses: { 200: json('Grades'), ...errorResponses },
  }),
  gradeHistory: createRoute({
    method: 'get',
    path: '/customers/{id}/grades/history',
    tags,
    summary: "Every change of the customer's grades, with cause",
    request: { params: IdParams, query: HistoryQuery },
    responses: { 200: json('History'), ...errorResponses },
  }),
  explanation: createRoute({
    method: 'get',
    path: '/customers/{id}/grades/{modelId}/explanation',
    tags,
    summary: 'Why the customer has its grade, and what lifts it one grade',
    request: { params: ModelParams },
    responses: { 200: json('Explanation'), ...errorResponses },
  }),
  setOverride: createRoute({
    method: 'put',
    path: '/customers/{id}/grades/{modelId}/override',
    tags,
    summary: 'Set a grade by hand with reason and expiry (managers, admins)',
    request: { params: ModelParams, body: jsonBody(OverrideBody) },
    responses: { 200: json('Override'), ...errorResponses },
  }),
  removeOverride: createRoute({
    method: 'delete',
    path: '/customers/{id}/grades/{modelId}/override',
    tags,
    summary: 'Remove the manual grade',
    request: { params: ModelParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
};

export function registerGradingRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(routes.listModels, async (c) => c.json({ items: await listModelViews(db) }, 200));
  app.openapi(routes.getModel, async (c) => c.json(await getModelView(db, c.req.valid('param').id), 200));
  app.openapi(routes.createModel, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createModel(trx, c.get('actor'), body)), 201);
  });
  app.openapi(routes.addVersion, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => addModelVersion(trx, c.get('actor'), id, body)),
      201,
    );
  });
  app.openapi(routes.changeModel, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => changeModel(trx, c.get('actor'), id, body)), 200);
  });
  app.openapi(routes.whatIf, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await previewModelChange(db, c.get('actor'), id, c.req.valid('json'), now()), 200);
  });
  app.openapi(routes.previewFactor, async (c) =>
    c.json(await previewFactor(db, c.get('actor'), c.req.valid('json'), now()), 200),
  );
  app.openapi(routes.startRun, async (c) => {
    const actor = c.get('actor');
    requireModelEditor(actor);
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('json');
    if (!(await getModelView(db, id))) throw AppError.notFound();
    const summary = await executeRun(db, {
      modelId: id,
      asOf: asOf ?? businessDay(now()),
      trigger: 'api',
      startedBy: authorId(actor),
    });
    return c.json(summary, 201);
  });
  app.openapi(routes.listRuns, async (c) => {
    const { modelId, limit } = c.req.valid('query');
    const runs = await listRuns(db, modelId, limit);
    const actor = c.get('actor');
    const items = await runViews(db, actor, runs);
    return c.json({ items }, 200);
  });
  app.openapi(routes.getRun, async (c) =>
    c.json(await runView(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(routes.results, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const page = { limit, afterCustomerId: cursor };
    return c.json(await runResults(db, c.get('actor'), c.req.valid('param').id, filter, page), 200);
  });
  app.openapi(routes.migration, async (c) => {
    const { id } = c.req.valid('param');
    const run = await findRun(db, id);
    if (!run) throw AppError.notFound();
    const against = c.req.valid('query').against ?? run.previous_run_id;
    if (!against) return c.json({ fromRunId: null, toRunId: id, cells: [] }, 200);
    const cells = await migrationCounts(db, visibleCustomerIds(db, c.get('actor')), against, id);
    return c.json(
      {
        fromRunId: against,
        toRunId: id,
        cells,
      },
      200,
    );
  });
  app.openapi(routes.verify, async (c) => {
    requireModelEditor(c.get('actor'));
    return c.json(await verifyRun(db, c.req.valid('param').id), 200);
  });
  app.openapi(routes.customerGrades, async (c) =>
    c.json({ items: await customerGrades(db, c.get('actor'), c.req.valid('param').id) }, 200),
  );
  app.openapi(routes.gradeHistory, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      { items: await customerGradeHistory(db, c.get('actor'), id, c.req.valid('query').modelId) },
      200,
    );
  });
  app.openapi(routes.explanation, async (c) => {
    const { id, modelId } = c.req.valid('param');
    return c.json(await explainGrade(db, c.get('actor'), id, modelId, now()), 200);
  });
  app.openapi(routes.setOverride, async (c) => {
    const { id, modelId } = c.req.valid('param');
    const body = c.req.valid('json');
    const created = await db
      .transaction()
      .execute((trx) => setOverride(trx, c.get('actor'), id, modelId, body, now()));
    return c.json(created, 200);
  });
  app.openapi(routes.removeOverride, async (c) => {
    const { id, modelId } = c.req.valid('param');
    await db.transaction().execute((trx) => removeOverride(trx, c.get('actor'), id, modelId, now()));
    return c.body(null, 204);
  });
}
