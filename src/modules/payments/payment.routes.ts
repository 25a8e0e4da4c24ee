import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import {
  CustomerPaymentQuery,
  PaymentCreate,
  PaymentListQuery,
  PaymentPage,
  PaymentResponse,
  PaymentUpdate,
} from './payment.schema.js';
import {
  createPayment,
  deletePaymentById,
  getPayment,
  listCustomerPayments,
  listPayments,
  updatePaymentById,
} from './payment.service.js';

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
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
