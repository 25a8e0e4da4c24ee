import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import {
  CustomerOrderQuery,
  OrderCreate,
  OrderListQuery,
  OrderPage,
  OrderResponse,
  OrderUpdate,
} from './order.schema.js';
import {
  createOrder,
  deleteOrderById,
  getOrder,
  listCustomerOrders,
  listOrders,
  updateOrderById,
} from './order.service.js';

export function registerOrderRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  registerRecordRoutes(app, deps, {
    tag: 'orders',
    regradeAs: 'order',
    path: '/orders',
    noun: 'order',
    plural: 'orders',
    schemas: {
      listQuery: OrderListQuery,
      customerListQuery: CustomerOrderQuery,
      list: OrderPage,
      customerList: OrderPage,
      view: OrderResponse,
      create: OrderCreate,
      update: OrderUpdate,
    },
    service: {
      list: listOrders,
      listOfCustomer: listCustomerOrders,
      get: getOrder,
      create: createOrder,
      update: updateOrderById,
      remove: deleteOrderById,
    },
  });
}
