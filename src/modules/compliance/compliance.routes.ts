import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses, jsonResponse } from '../../server/schema-common.js';
import { downloadResponse } from '../exports/download.js';
import { businessDay } from '../grading/instant.service.js';
import {
  ComplianceExportQuery,
  ComplianceListQuery,
  CompliancePage,
  ComplianceSummary,
  ComplianceSummaryQuery,
} from './compliance.schema.js';
import { complianceSummary, complianceTable, listViolations } from './compliance.service.js';

const tags = ['compliance'];

const routes = {
  summary: createRoute({
    method: 'get',
    path: '/compliance/summary',
    tags,
    summary:
      'Customers breaking their grade’s service policy: counts per kind, per team and per owner, in your scope',
    request: { query: ComplianceSummaryQuery },
    responses: { 200: jsonResponse(ComplianceSummary, 'Counts'), ...errorResponses },
  }),
  list: createRoute({
    method: 'get',
    path: '/compliance',
    tags,
    summary: 'Violating customers with the figures behind each violation, by id, in your scope',
    request: { query: ComplianceListQuery },
    responses: { 200: jsonResponse(CompliancePage, 'A page of violating customers'), ...errorResponses },
  }),
  export: createRoute({
    method: 'get',
    path: '/compliance/export',
    tags,
    summary: 'The violation list as CSV (UTF-8 with BOM) or XLSX, streamed, in your scope',
    request: { query: ComplianceExportQuery },
    responses: { 200: { description: 'CSV or XLSX file' }, ...errorResponses },
  }),
};

export function registerComplianceRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(routes.summary, async (c) =>
    c.json(await complianceSummary(db, c.get('actor'), businessDay(now()), c.req.valid('query')), 200),
  );
  app.openapi(routes.list, async (c) =>
    c.json(await listViolations(db, c.get('actor'), businessDay(now()), c.req.valid('query')), 200),
  );
  app.openapi(routes.export, (c) => {
    const { format, ...query } = c.req.valid('query');
    const locale = c.get('locale');
    const table = complianceTable(db, c.get('actor'), businessDay(now()), query, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '政策违规' : 'policy-violations', table);
  });
}
