import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import {
  CustomerActivityQuery,
  ActivityCreate,
  ActivityListQuery,
  ActivityPage,
  ActivityResponse,
  ActivityUpdate,
} from './activity.schema.js';
import {
  createActivity,
  deleteActivityById,
  getActivity,
  listCustomerActivities,
  listActivities,
  updateActivityById,
} from './activity.service.js';

export function registerActivityRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  registerRecordRoutes(app, deps, {
    tag: 'activities',
    regradeAs: 'activity',
    path: '/activities',
    noun: 'activity',
    plural: 'activities',
    schemas: {
      listQuery: ActivityListQuery,
      customerListQuery: CustomerActivityQuery,
      list: ActivityPage,
      customerList: ActivityPage,
      view: ActivityResponse,
      create: ActivityCreate,
      update: ActivityUpdate,
    },
    service: {
      list: listActivities,
      listOfCustomer: listCustomerActivities,
      get: getActivity,
      create: createActivity,
      update: updateActivityById,
      remove: deleteActivityById,
    },
  });
}
