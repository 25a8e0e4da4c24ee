import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses } from '../../server/schema-common.js';
import { forbidden } from '../users/user.schema.js';
import { activitiesTable } from './activities.export.js';
import { auditLogTable } from './audit-log.export.js';
import { customersTable } from './customers.export.js';
import { downloadResponse } from './download.js';
import {
  ActivityExportQuery,
  AuditExportQuery,
  CustomerExportQuery,
  RunExportQuery,
  HistoryExportQuery,
  OpportunityExportQuery,
  OrderExportQuery,
  PaymentExportQuery,
  WorklistExportQuery,
} from './export.schema.js';
import { gradeHistoryTable } from './grade-history.export.js';
import { runResultsTable } from './run-results.export.js';
import { worklistTable } from './worklist.export.js';
import { opportunitiesTable } from './opportunities.export.js';
import { ordersTable } from './orders.export.js';
import { paymentsTable } from './payments.export.js';

const tags = ['exports'];
const file = { 200: { description: 'CSV (UTF-8 with BOM) or XLSX file, streamed' }, ...errorResponses };

const routes = {
  customers: createRoute({
    method: 'get',
    path: '/exports/customers',
    tags,
    summary: 'The customer list with current grades, with the list filters, in your scope',
    request: { query: CustomerExportQuery },
    responses: file,
  }),
  run: createRoute({
    method: 'get',
    path: '/exports/runs/{id}',
    tags,
    summary: "A run's grades with each factor's score, in your scope, with the filters of its results list",
    request: { params: IdParams, query: RunExportQuery },
    responses: file,
  }),
  history: createRoute({
    method: 'get',
    path: '/exports/grade-history',
    tags,
    summary: 'Grade changes, oldest first, in your scope',
    request: { query: HistoryExportQuery },
    responses: file,
  }),
  audit: createRoute({
    method: 'get',
    path: '/exports/audit',
    tags,
    summary: 'The audit log with the filters of GET /audit, newest first (admins)',
    request: { query: AuditExportQuery },
    responses: { ...file, ...forbidden },
  }),
  opportunities: createRoute({
    method: 'get',
    path: '/exports/opportunities',
    tags,
    summary:
      "The opportunity list with the filters of GET /opportunities (the funnel's among them), in your scope",
    request: { query: OpportunityExportQuery },
    responses: file,
  }),
  orders: createRoute({
    method: 'get',
    path: '/exports/orders',
    tags,
    summary:
      'The order list with the filters of GET /orders (owner, team, days, status, number), newest first, in your scope',
    request: { query: OrderExportQuery },
    responses: file,
  }),
  payments: createRoute({
    method: 'get',
    path: '/exports/payments',
    tags,
    summary:
      'The payment list with the filters of GET /payments (status, aging bracket, owner, team, day), in your scope',
    request: { query: PaymentExportQuery },
    responses: file,
  }),
  activities: createRoute({
    method: 'get',
    path: '/exports/activities',
    tags,
    summary:
      'The follow-up list with the filters of GET /activities (who, team, kinds, days), newest first, in your scope',
    request: { query: ActivityExportQuery },
    responses: file,
  }),
  worklist: createRoute({
    method: 'get',
    path: '/exports/worklist',
    tags,
    summary:
      'A worklist with the query of GET /worklist (whose list, today or this week, which kinds), whole',
    request: { query: WorklistExportQuery },
    responses: file,
  }),
};

export function registerExportRoutes(app: OpenAPIHono<AppEnv>, { db, now }: AppDeps) {
  app.openapi(routes.customers, async (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = await customersTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '客户' : 'customers', table);
  });
  app.openapi(routes.run, async (c) => {
    const { id } = c.req.valid('param');
    const { format, ...filter } = c.req.valid('query');
    const table = await runResultsTable(db, c.get('actor'), id, filter, c.get('locale'));
    return downloadResponse(c, format, `run-${id}`, table);
  });
  app.openapi(routes.history, async (c) => {
    const { format, ...filter } = c.req.valid('query');
    const table = await gradeHistoryTable(db, c.get('actor'), filter, c.get('locale'));
    return downloadResponse(c, format, 'grade-history', table);
  });
  app.openapi(routes.audit, async (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = await auditLogTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '审计日志' : 'audit-log', table);
  });
  app.openapi(routes.opportunities, (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = opportunitiesTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '商机' : 'opportunities', table);
  });
  app.openapi(routes.orders, (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = ordersTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '销售订单' : 'orders', table);
  });
  app.openapi(routes.payments, (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = paymentsTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '回款' : 'payments', table);
  });
  app.openapi(routes.activities, (c) => {
    const { format, ...filter } = c.req.valid('query');
    const locale = c.get('locale');
    const table = activitiesTable(db, c.get('actor'), filter, locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '跟进记录' : 'follow-ups', table);
  });
  app.openapi(routes.worklist, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const locale = c.get('locale');
    const table = await worklistTable(db, c.get('actor'), query, now(), locale);
    return downloadResponse(c, format, locale === 'zh-CN' ? '工作清单' : 'worklist', table);
  });
}
