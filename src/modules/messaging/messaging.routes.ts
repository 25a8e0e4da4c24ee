import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { downloadResponse } from '../exports/download.js';
import { FormatQuery } from '../exports/export.schema.js';
import { forbidden } from '../users/user.schema.js';
import {
  createBatch,
  exportBatch,
  getBatch,
  listBatches,
  listMessages,
  previewBatch,
  retryFailedOfBatch,
  retryMessage,
  sendBatch,
} from './batch.service.js';
import { createChannel, deleteChannelById, listChannels, updateChannelById } from './channel.service.js';
import {
  BatchCreate,
  BatchList,
  BatchPreviewResponse,
  BatchResponse,
  ChannelCreate,
  ChannelList,
  ChannelResponse,
  ChannelUpdate,
  ChannelWithSecret,
  MessageListQuery,
  MessagePage,
  MessageResponse,
  RenderedResponse,
  SendResponse,
  TemplateCreate,
  TemplateList,
  TemplateListQuery,
  TemplatePreviewRequest,
  TemplateResponse,
  TemplateUpdate,
} from './messaging.schema.js';
import {
  createTemplate,
  deleteTemplateById,
  getTemplate,
  listTemplates,
  previewTemplate,
  updateTemplateById,
} from './template.service.js';

const tags = ['messages'];
const writes = { ...errorResponses, ...forbidden };
const deleted = { 204: { description: 'Deleted' } };
const BatchDraft = BatchCreate.partial({ name: true }).openapi('MessageBatchDraft');

const route = <M extends 'get' | 'post' | 'patch' | 'delete', P extends string>(
  method: M,
  path: P,
  summary: string,
) => ({ method, path: `/messages${path}` as const, tags, summary });

const routes = {
  templates: createRoute({
    ...route('get', '/templates', 'Message templates (everyone reads) and the merge fields they may use'),
    request: { query: TemplateListQuery },
    responses: { 200: jsonResponse(TemplateList, 'Templates'), ...errorResponses },
  }),
  template: createRoute({
    ...route('get', '/templates/{id}', 'One template'),
    request: { params: IdParams },
    responses: { 200: jsonResponse(TemplateResponse, 'The template'), ...errorResponses },
  }),
  createTemplate: createRoute({
    ...route('post', '/templates', 'Create a template (managers, admins); unknown merge fields are refused'),
    request: { body: jsonBody(TemplateCreate) },
    responses: { 201: jsonResponse(TemplateResponse, 'Created'), ...writes },
  }),
  updateTemplate: createRoute({
    ...route('patch', '/templates/{id}', 'Change a template (managers, admins)'),
    request: { params: IdParams, body: jsonBody(TemplateUpdate) },
    responses: { 200: jsonResponse(TemplateResponse, 'The template'), ...writes },
  }),
  deleteTemplate: createRoute({
    ...route('delete', '/templates/{id}', 'Delete a template no batch was rendered from (managers, admins)'),
    request: { params: IdParams },
    responses: { ...deleted, ...writes },
  }),
  previewTemplate: createRoute({
    ...route('post', '/templates/preview', 'Render a template with sample values, listing unknown fields'),
    request: { body: jsonBody(TemplatePreviewRequest) },
    responses: { 200: jsonResponse(RenderedResponse, 'Rendered'), ...errorResponses },
  }),
  channels: createRoute({
    ...route('get', '/channels', 'Delivery channels (admins); passwords and secrets are never shown'),
    responses: { 200: jsonResponse(ChannelList, 'Channels'), ...writes },
  }),
  createChannel: createRoute({
    ...route('post', '/channels', 'Configure an SMTP server or a message webhook (admins)'),
    request: { body: jsonBody(ChannelCreate) },
    responses: {
      201: jsonResponse(ChannelWithSecret, 'Created; a generated secret is shown once'),
      ...writes,
    },
  }),
  updateChannel: createRoute({
    ...route(
      'patch',
      '/channels/{id}',
      'Change a channel (admins); activating one retires the other of its kind',
    ),
    request: { params: IdParams, body: jsonBody(ChannelUpdate) },
    responses: { 200: jsonResponse(ChannelResponse, 'The channel'), ...writes },
  }),
  deleteChannel: createRoute({
    ...route('delete', '/channels/{id}', 'Remove a channel (admins); queued messages wait for a new one'),
    request: { params: IdParams },
    responses: { ...deleted, ...writes },
  }),
  batches: createRoute({
    ...route('get', '/batches', 'Batches you may see (yours; a manager also the team’s) with status counts'),
    responses: { 200: jsonResponse(BatchList, 'Batches'), ...errorResponses },
  }),
  batch: createRoute({
    ...route('get', '/batches/{id}', 'One batch with its status counts'),
    request: { params: IdParams },
    responses: { 200: jsonResponse(BatchResponse, 'The batch'), ...errorResponses },
  }),
  previewBatch: createRoute({
    ...route(
      'post',
      '/batches/preview',
      'What a batch for the segment would hold, in your scope; nothing stored',
    ),
    request: { body: jsonBody(BatchDraft) },
    responses: { 200: jsonResponse(BatchPreviewResponse, 'Counts and sample drafts'), ...errorResponses },
  }),
  createBatch: createRoute({
    ...route('post', '/batches', 'Render and store one draft per recipient of the segment, in your scope'),
    request: { body: jsonBody(BatchCreate) },
    responses: { 201: jsonResponse(BatchResponse, 'Created'), ...errorResponses },
  }),
  sendBatch: createRoute({
    ...route(
      'post',
      '/batches/{id}/send',
      'Queue the drafts in the outbox (409 when no channel: export instead)',
    ),
    request: { params: IdParams },
    responses: { 200: jsonResponse(SendResponse, 'Queued'), ...errorResponses },
  }),
  retryBatch: createRoute({
    ...route('post', '/batches/{id}/retry-failed', 'Queue the failed messages of the batch again'),
    request: { params: IdParams },
    responses: { 200: jsonResponse(SendResponse, 'Queued'), ...errorResponses },
  }),
  exportBatch: createRoute({
    ...route('post', '/batches/{id}/export', 'Download the drafts (CSV or XLSX) and mark them exported'),
    request: { params: IdParams, query: FormatQuery },
    responses: { 200: { description: 'CSV (UTF-8 with BOM) or XLSX file' }, ...errorResponses },
  }),
  messages: createRoute({
    ...route('get', '', 'Messages (drafts and outbox) of the batches and customers you may see'),
    request: { query: MessageListQuery },
    responses: { 200: jsonResponse(MessagePage, 'Messages'), ...errorResponses },
  }),
  retryMessage: createRoute({
    ...route('post', '/{id}/retry', 'Queue a failed message again'),
    request: { params: IdParams },
    responses: { 200: jsonResponse(MessageResponse, 'The message'), ...errorResponses },
  }),
};

export function registerMessagingRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(routes.templates, async (c) => c.json(await listTemplates(db, c.req.valid('query')), 200));
  app.openapi(routes.template, async (c) => c.json(await getTemplate(db, c.req.valid('param').id), 200));
  app.openapi(routes.createTemplate, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createTemplate(trx, c.get('actor'), body)), 201);
  });
  app.openapi(routes.updateTemplate, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateTemplateById(trx, c.get('actor'), id, body)),
      200,
    );
  });
  app.openapi(routes.deleteTemplate, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deleteTemplateById(trx, c.get('actor'), id));
    return c.body(null, 204);
  });
  app.openapi(routes.previewTemplate, (c) => c.json(previewTemplate(c.req.valid('json'), now()), 200));

  app.openapi(routes.channels, async (c) => c.json(await listChannels(db, c.get('actor')), 200));
  app.openapi(routes.createChannel, async (c) => {
    const body = c.req.valid('json');
    return c.json(await db.transaction().execute((trx) => createChannel(trx, c.get('actor'), body)), 201);
  });
  app.openapi(routes.updateChannel, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => updateChannelById(trx, c.get('actor'), id, body)),
      200,
    );
  });
  app.openapi(routes.deleteChannel, async (c) => {
    const { id } = c.req.valid('param');
    await db.transaction().execute((trx) => deleteChannelById(trx, c.get('actor'), id));
    return c.body(null, 204);
  });

  app.openapi(routes.batches, async (c) => c.json(await listBatches(db, c.get('actor')), 200));
  app.openapi(routes.batch, async (c) =>
    c.json(await getBatch(db, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(routes.previewBatch, async (c) =>
    c.json(await previewBatch(db, c.get('actor'), c.req.valid('json'), now()), 200),
  );
  app.openapi(routes.createBatch, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => createBatch(trx, c.get('actor'), body, now())),
      201,
    );
  });
  app.openapi(routes.sendBatch, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await db.transaction().execute((trx) => sendBatch(trx, c.get('actor'), id, now())), 200);
  });
  app.openapi(routes.retryBatch, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await db.transaction().execute((trx) => retryFailedOfBatch(trx, c.get('actor'), id, now())),
      200,
    );
  });
  app.openapi(routes.exportBatch, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const { filename, table } = await db
      .transaction()
      .execute((trx) => exportBatch(trx, c.get('actor'), id, c.get('locale'), now()));
    return downloadResponse(c, format, filename, table);
  });
  app.openapi(routes.messages, async (c) =>
    c.json(await listMessages(db, c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(routes.retryMessage, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await db.transaction().execute((trx) => retryMessage(trx, c.get('actor'), id, now())), 200);
  });
}
