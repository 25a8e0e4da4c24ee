import { z } from '@hono/zod-openapi';
import { ActivityListQuery } from '../activities/activity.schema.js';
import { AuditLogFilter } from '../audit/audit-log.schema.js';
import { CustomerListQuery } from '../customers/customer.schema.js';
import { ResultsFilterQuery } from '../grading/grading.schema.js';
import { OpportunityListQuery } from '../opportunities/opportunity.schema.js';
import { OrderListQuery } from '../orders/order.schema.js';
import { PaymentListQuery } from '../payments/payment.schema.js';
import { WorklistQuery } from '../worklist/worklist.schema.js';
import { exportFormats } from './table-output.js';

const format = z.enum(exportFormats).default('xlsx');
const id = z.coerce.number().int().positive();

export const CustomerExportQuery = CustomerListQuery.omit({ limit: true, cursor: true }).extend({ format });
export const FormatQuery = z.object({ format });
export const RunExportQuery = ResultsFilterQuery.extend({ format });
export const HistoryExportQuery = z.object({ format, modelId: id.optional(), customerId: id.optional() });
export const AuditExportQuery = AuditLogFilter.extend({ format });
export const WorklistExportQuery = WorklistQuery.omit({ limit: true }).extend({ format });
export const OpportunityExportQuery = OpportunityListQuery.omit({ limit: true, cursor: true }).extend({
  format,
});
export const PaymentExportQuery = PaymentListQuery.omit({ limit: true, cursor: true }).extend({ format });
export const ActivityExportQuery = ActivityListQuery.omit({ limit: true, cursor: true }).extend({ format });
export const OrderExportQuery = OrderListQuery.omit({ limit: true, cursor: true }).extend({ format });
