import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.js';
import { registerActivityRoutes } from '../modules/activities/activity.routes.js';
import { registerAnalyticsRoutes } from '../modules/analytics/analytics.routes.js';
import { registerAlertRoutes } from '../modules/alerts/alert.routes.js';
import { registerHistoryRoutes } from '../modules/audit/history.routes.js';
import { registerContactRoutes } from '../modules/contacts/contact.routes.js';
import { registerExportRoutes } from '../modules/exports/export.routes.js';
import { registerImportRoutes } from '../modules/imports/import.routes.js';
import { registerCustomerRoutes } from '../modules/customers/customer.routes.js';
import { registerDictionaryRoutes } from '../modules/dictionaries/dictionary.routes.js';
import { registerGradingRoutes } from '../modules/grading/grading.routes.js';
import { registerOpportunityRoutes } from '../modules/opportunities/opportunity.routes.js';
import { registerOrderRoutes } from '../modules/orders/order.routes.js';
import { registerPolicyRoutes } from '../modules/policies/policy.routes.js';
import { registerPaymentRoutes } from '../modules/payments/payment.routes.js';
import { registerRelationshipRoutes } from '../modules/relationships/relationship.routes.js';
import { registerTeamRoutes } from '../modules/users/team.routes.js';
import { registerUserRoutes } from '../modules/users/user.routes.js';
import { registerWebhookRoutes } from '../modules/webhooks/webhook.routes.js';
import { registerMessagingRoutes } from '../modules/messaging/messaging.routes.js';
import { registerWorklistRoutes } from '../modules/worklist/worklist.routes.js';
import { registerPoolRoutes } from '../modules/pool/pool.routes.js';

/** Every authenticated API module, mounted under /api behind the session check. */
export function registerApiRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerCustomerRoutes(app, deps);
  registerHistoryRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerRelationshipRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerActivityRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerDictionaryRoutes(app, deps);
  registerGradingRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerAnalyticsRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerOpportunityRoutes(app, deps);
  registerMessagingRoutes(app, deps);
  registerWorklistRoutes(app, deps);
  registerPoolRoutes(app, deps);
  registerPolicyRoutes(app, deps);
}
