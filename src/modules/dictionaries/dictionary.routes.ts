import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import {
  DictionaryEntryResponse,
  DictionaryList,
  DictionaryParams,
  DictionaryPut,
} from './dictionary.schema.js';
import { listDictionaryEntries, putDictionaryEntry } from './dictionary.service.js';

const tags = ['dictionaries'];

const listRoute = createRoute({
  method: 'get',
  path: '/dictionaries',
  tags,
  summary: 'The extensible code lists (customer type, enterprise nature, industry, source), with both names',
  responses: { 200: jsonResponse(DictionaryList, 'Entries'), ...errorResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/dictionaries/{kind}/{code}',
  tags,
  summary: 'Add or rename an entry, or (active: false) withdraw it from new input (admins)',
  request: { params: DictionaryParams, body: jsonBody(DictionaryPut) },
  responses: { 200: jsonResponse(DictionaryEntryResponse, 'The entry'), ...errorResponses, ...forbidden },
});

export function registerDictionaryRoutes(app: OpenAPIHono<AppEnv>, { db }: AppDeps) {
  app.openapi(listRoute, async (c) => c.json(await listDictionaryEntries(db), 200));
  app.openapi(putRoute, async (c) => {
    const key = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await db.transaction().execute((trx) => putDictionaryEntry(trx, c.get('actor'), key, body)),
      200,
    );
  });
}
