import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../../server/schema-common.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import { writeAndRegrade } from '../grading/instant.service.js';
import { businessDay } from '../worklist/business-day.js';
import {
  CustomerPaymentQuery,
  PaymentCreate,
  PaymentListQuery,
  PaymentPage,
  PaymentReceipt,
  PaymentReceiptResult,
  PaymentResponse,
  PaymentUpdate,
} from './payment.schema.js';
import {
  createPayment,
  deletePaymentById,
  getPayment,
  listCustomerPayments,
  listPayments,
  recordReceipt,
  updatePaymentById,
} from './payment.service.js';

const receiptRoute = createRoute({
  method: 'post',
  path: '/payments/{id}/receipts',
  tags: ['payments'],
  summary:
    'Record money received against an unpaid payment: all of it settles it; a part splits off a paid payment and ' +
    'leaves the rest owed, due as before (the customer is re-graded at once)',
  request: { params: IdParams, body: jsonBody(PaymentReceipt) },
  responses: { 200: jsonResponse(PaymentReceiptResult, 'Recorded'), ...errorResponses },
});

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(receiptRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const at = deps.now();
    const result = await writeAndRegrade(
      deps.db,
      'payment',
      at,
      (trx) => recordReceipt(trx, c.get('actor'), id, body, businessDay(at)),
      (receipt) => receipt.paid.customerId,
    );
    return c.json(result, 200);
  });
  registerRecordRoutes(app, deps, {
    tag: 'payments',
    regradeAs: 'payment',
    path: '/payments',
    noun: 'payment',
    plural: 'payments',
    schemas: {
      listQuery: PaymentListQuery,
      customerListQuery: CustomerPaymentQuery,
      list: PaymentPage,
      customerList: PaymentPage,
      view: PaymentResponse,
      create: PaymentCreate,
      update: PaymentUpdate,
    },
    service: {
      list: listPayments,
      listOfCustomer: listCustomerPayments,
      get: getPayment,
      create: createPayment,
      update: updatePaymentById,
      remove: deletePaymentById,
    },
  });
}
