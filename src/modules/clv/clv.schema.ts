import { z } from '@hono/zod-openapi';
import { AnalyticsFilter } from '../analytics/analytics.schema.js';
import { listedCustomer } from '../../server/schema-common.js';

const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const decimal = z.string().openapi({ example: '1280.50', description: 'Decimal amount (CNY)' });

export const ForecastResponse = z
  .object({
    customerId: z.number().int(),
    /** Null until a run of a model that uses CLV metrics has forecast this customer. */
    forecast: z
      .object({
        asOf: z.string(),
        runId: z.number().int().nullable(),
        pAlive: z.number().nullable(),
        expectedPurchases12m: z.number().nullable(),
        clv12m: decimal.nullable(),
        churnRisk: z.boolean(),
        churnReason: z.enum(['low_p_alive', 'overdue']).nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
  })
  .openapi('CustomerForecast');

export const ClvByGradeQuery = AnalyticsFilter.extend({ modelId: z.coerce.number().int().positive() });
export type ClvByGradeQueryInput = z.infer<typeof ClvByGradeQuery>;

export const ClvByGradeResponse = z
  .object({
    modelId: z.number().int(),
    grades: z.array(
      z.object({
        index: z.number().int(),
        code: z.string(),
        name: localised,
        color: z.string().nullable(),
        customers: z.number().int(),
        /** min, lower quartile, median, upper quartile, max (actual values); null without forecasts. */
        box: z.array(decimal).length(5).nullable(),
        mean: decimal.nullable(),
      }),
    ),
  })
  .openapi('ClvByGrade');

export const GrowableQuery = ClvByGradeQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type GrowableQueryInput = z.infer<typeof GrowableQuery>;

export const GrowableResponse = z
  .object({
    /** Company-wide 80th percentile of clv_12m: "high CLV" means at least this. */
    threshold: decimal.nullable(),
    items: z.array(
      z.object({
        ...listedCustomer,
        grade: z.object({ index: z.number().int(), code: z.string(), name: localised }),
        clv12m: decimal,
        pAlive: z.number().nullable(),
        expectedPurchases12m: z.number().nullable(),
      }),
    ),
  })
  .openapi('GrowableCustomers');
