import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { PassThrough, Readable } from 'node:stream';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import type { Locale } from '../../server/messages.js';
import { AppError } from '../../server/errors.js';
import { errorResponses } from '../../server/schema-common.js';
import { isManagerOrAdmin } from '../auth/actor.js';
import { downloadResponse } from '../exports/download.js';
import { problemReportTable } from '../exports/problem-report.js';
import { contentTypes } from '../exports/table-output.js';
import { writeBlankTemplate } from './blank-template.js';
import { fieldsOf } from './fields.js';
import {
  EntityParams,
  JobBody,
  PreviewBody,
  ProblemsQuery,
  TemplateBody,
  TemplateIdParams,
  UploadParams,
  UploadQuery,
} from './import.schema.js';
import { cancelJob, findJob, jobProgress, startImportJob, type ImportJob } from './jobs.js';
import { previewFile } from './preview.js';
import { buildImportRequest } from './request.js';
import { SheetNotFound, SourceError } from './source.js';
import { deleteTemplate, findTemplate, isBuiltinName, listTemplates, saveTemplate } from './templates.js';
import { findUpload, saveUpload, UPLOAD_ROUTE, UploadTooLarge } from './uploads.js';

const tags = ['imports'];
const any = { content: { 'application/json': { schema: z.any() } }, description: 'OK' };
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const JobParams = UploadParams;
/** Problems listed in a job's JSON; all of them are in the downloadable report. */
const LISTED_PROBLEMS = 200;

const routes = {
  upload: createRoute({
    method: 'post',
    path: UPLOAD_ROUTE,
    tags,
    summary:
      'Upload a CSV/TSV/TXT/XLSX file as the raw request body (streamed to disk, STRATUM_MAX_UPLOAD_BYTES)',
    request: { query: UploadQuery },
    responses: { 201: any, ...errorResponses },
  }),
  preview: createRoute({
    method: 'post',
    path: `${UPLOAD_ROUTE}/{id}/preview`,
    tags,
    summary: 'How the file reads: encoding, delimiter, sheets, header, first rows and the automatic mapping',
    request: { params: UploadParams, ...jsonBody(PreviewBody) },
    responses: { 200: any, ...errorResponses },
  }),
  fields: createRoute({
    method: 'get',
    path: '/imports/fields/{entity}',
    tags,
    summary: "An entity's importable fields: key, type, required, labels, accepted header names and values",
    request: { params: EntityParams },
    responses: { 200: any, ...errorResponses },
  }),
  blank: createRoute({
    method: 'get',
    path: '/imports/blank/{entity}',
    tags,
    summary: 'A blank XLSX template for the entity, with example rows',
    request: { params: EntityParams },
    responses: { 200: { description: 'XLSX file' }, ...errorResponses },
  }),
  templates: createRoute({
    method: 'get',
    path: '/imports/templates',
    tags,
    summary: 'Mapping templates: built-in and saved',
    responses: { 200: any, ...errorResponses },
  }),
  saveTemplate: createRoute({
    method: 'post',
    path: '/imports/templates',
    tags,
    summary: 'Save a named mapping template (same name: replaced) — managers and admins',
    request: jsonBody(TemplateBody),
    responses: { 201: any, ...errorResponses },
  }),
  deleteTemplate: createRoute({
    method: 'delete',
    path: '/imports/templates/{id}',
    tags,
    summary: 'Delete a saved template — managers and admins',
    request: { params: TemplateIdParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  }),
  startJob: createRoute({
    method: 'post',
    path: '/imports/jobs',
    tags,
    summary: 'Validate (dryRun) or commit uploaded files as a background job; poll it for progress',
    request: jsonBody(JobBody),
    responses: { 202: any, ...errorResponses },
  }),
  job: createRoute({
    method: 'get',
    path: '/imports/jobs/{id}',
    tags,
    summary: "A job's state, progress (rows, rows/s, ETA) and, when done, its counts and first problems",
    request: { params: JobParams },
    responses: { 200: any, ...errorResponses },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/imports/jobs/{id}/cancel',
    tags,
    summary: 'Cancel a running job: its transaction is rolled back, nothing is written',
    request: { params: JobParams },
    responses: { 202: any, ...errorResponses },
  }),
  problems: createRoute({
    method: 'get',
    path: '/imports/jobs/{id}/problems',
    tags,
    summary:
      "A finished job's problem report: each bad row as in the file, with a column naming its problems",
    request: { params: JobParams, query: ProblemsQuery },
    responses: { 200: { description: 'XLSX or CSV file' }, ...errorResponses },
  }),
};

function jobView(job: ImportJob, locale: Locale) {
  const result = job.result;
  return {
    id: job.id,
    state: job.state,
    entity: job.request.entity,
    dryRun: job.request.dryRun === true,
    progress: jobProgress(job),
    error: job.error?.[locale] ?? null,
    result: result && {
      files: result.files,
      rows: result.rows,
      badRows: result.badRows,
      skippedRows: result.skippedRows,
      problemCount: result.problemCount,
      problems: result.problems.slice(0, LISTED_PROBLEMS),
      inserted: result.inserted,
      updated: result.updated,
      unchanged: result.unchanged,
      gradeChanges: result.gradeChanges,
      committed: result.committed,
    },
  };
}

export function registerImportRoutes(app: OpenAPIHono<AppEnv>, { db, database, config, now }: AppDeps) {
  app.openapi(routes.upload, async (c) => {
    const { filename } = c.req.valid('query');
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > config.maxUploadBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    const body = c.req.raw.body;
    if (!body) throw AppError.invalid('body', 'required');
    try {
      const upload = await saveUpload(body, filename, c.get('actor').id, config.maxUploadBytes);
      return c.json({ id: upload.id, name: upload.name, size: upload.size }, 201);
    } catch (error) {
      if (error instanceof UploadTooLarge) throw new AppError('PAYLOAD_TOO_LARGE');
      throw error;
    }
  });
  app.openapi(routes.preview, async (c) => {
    const upload = findUpload(c.req.valid('param').id, c.get('actor'));
    if (!upload) throw AppError.notFound();
    const { entity, ...options } = c.req.valid('json');
    try {
      return c.json(await previewFile(upload.path, upload.name, entity, options), 200);
    } catch (error) {
      if (error instanceof SheetNotFound) throw AppError.invalid('sheet', 'unknown_sheet');
      if (error instanceof SourceError) throw AppError.invalid('file', 'invalid_format');
      throw error;
    }
  });
  app.openapi(routes.fields, (c) => c.json({ items: fieldsOf(c.req.valid('param').entity) }, 200));
  app.openapi(routes.blank, (c) => {
    const { entity } = c.req.valid('param');
    const body = new PassThrough();
    writeBlankTemplate(entity, c.get('locale'), body).catch((error: unknown) => body.destroy(error as Error));
    return c.body(Readable.toWeb(body) as ReadableStream<Uint8Array>, 200, {
      'content-type': contentTypes.xlsx,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${entity}-template.xlsx`)}`,
    });
  });
  app.openapi(routes.templates, async (c) => c.json({ items: await listTemplates(db) }, 200));
  app.openapi(routes.saveTemplate, async (c) => {
    if (!isManagerOrAdmin(c.get('actor'))) throw AppError.forbidden();
    const template = c.req.valid('json');
    if (isBuiltinName(template.name)) throw AppError.duplicate('name');
    return c.json({ id: await saveTemplate(db, template, c.get('actor').id) }, 201);
  });
  app.openapi(routes.deleteTemplate, async (c) => {
    if (!isManagerOrAdmin(c.get('actor'))) throw AppError.forbidden();
    if (!(await deleteTemplate(db, c.req.valid('param').id))) throw AppError.notFound();
    return c.body(null, 204);
  });
  app.openapi(routes.startJob, async (c) => {
    const actor = c.get('actor');
    const { uploadIds, template: templateName, ...input } = c.req.valid('json');
    const files = uploadIds.map((id, i) => {
      const upload = findUpload(id, actor);
      if (!upload) throw AppError.invalid(`uploadIds.${i}`, 'unknown_reference');
      return { path: upload.path, name: upload.name };
    });
    const template = templateName === undefined ? undefined : await findTemplate(db, templateName);
    if (templateName !== undefined && !template) throw AppError.invalid('template', 'unknown_reference');
    if (template && template.entity !== input.entity) throw AppError.invalid('template', 'invalid_value');
    const job = startImportJob(database, actor, buildImportRequest({ ...input, files, template }), now);
    return c.json(jobView(job, c.get('locale')), 202);
  });
  app.openapi(routes.job, (c) => {
    const job = findJob(c.req.valid('param').id, c.get('actor'));
    if (!job) throw AppError.notFound();
    return c.json(jobView(job, c.get('locale')), 200);
  });
  app.openapi(routes.cancel, (c) => {
    const job = findJob(c.req.valid('param').id, c.get('actor'));
    if (!job) throw AppError.notFound();
    cancelJob(job);
    return c.json(jobView(job, c.get('locale')), 202);
  });
  app.openapi(routes.problems, (c) => {
    const job = findJob(c.req.valid('param').id, c.get('actor'));
    if (!job?.result) throw AppError.notFound();
    const table = problemReportTable(job.result, job.request.files, c.get('locale'));
    return downloadResponse(c, c.req.valid('query').format, 'import-problems', table);
  });
}
