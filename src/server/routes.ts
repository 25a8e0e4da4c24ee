import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.js';
import { registerCustomerRoutes } from '../modules/customers/customer.routes.js';
import { registerContactRoutes } from '../modules/contacts/contact.routes.js';

/** Every authenticated API module, mounted under /api behind the session check. */
export function registerApiRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerCustomerRoutes(app, deps);
  registerContactRoutes(app, deps);
}
