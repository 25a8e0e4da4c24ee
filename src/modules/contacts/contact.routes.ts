import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { registerRecordRoutes } from '../audit/record-routes.js';
import {
  ContactCreate,
  ContactList,
  ContactListQuery,
  ContactPage,
  ContactResponse,
  ContactUpdate,
} from './contact.schema.js';
import {
  createContact,
  deleteContactById,
  getContact,
  listContacts,
  listCustomerContacts,
  updateContactById,
} from './contact.service.js';

export function registerContactRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  registerRecordRoutes(app, deps, {
    tag: 'contacts',
    path: '/contacts',
    noun: 'contact',
    plural: 'contacts',
    schemas: {
      listQuery: ContactListQuery,
      customerListQuery: z.object({}),
      list: ContactPage,
      customerList: ContactList,
      view: ContactResponse,
      create: ContactCreate,
      update: ContactUpdate,
    },
    service: {
      list: listContacts,
      listOfCustomer: (db, actor, customerId) => listCustomerContacts(db, actor, customerId),
      get: getContact,
      create: createContact,
      update: updateContactById,
      remove: deleteContactById,
    },
  });
}
