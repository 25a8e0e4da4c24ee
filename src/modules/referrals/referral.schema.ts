import { z } from '@hono/zod-openapi';
import { AnalyticsFilter } from '../analytics/analytics.schema.js';

export const CustomerReferralQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ReferralAnalysisQuery = AnalyticsFilter.extend({
  top: z.coerce.number().int().min(1).max(100).default(10),
});
export type ReferralAnalysisQueryInput = z.output<typeof ReferralAnalysisQuery>;

const money = z.string().openapi({ example: '125000.00' });
const rate = z
  .number()
  .nullable()
  .openapi({ description: 'A share from 0 to 1; null when there is nothing to divide by' });

const ReferralTotals = z.object({
  referred: z.number().int().openapi({ description: 'Customers referred (that you may see)' }),
  buyers: z.number().int().openapi({ description: 'Of those, the ones that have bought' }),
  sales: money.openapi({ description: 'Lifetime sales of the referred customers, to date' }),
  profit: money.openapi({ description: 'Lifetime gross profit of the referred customers, to date' }),
});

export const CustomerReferrals = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        lifecycleStage: z.string(),
        ownerName: z.string().nullable(),
        createdAt: z.string(),
        orderCount: z.number().int(),
        sales: money,
        profit: money,
        firstOrder: z.string().nullable(),
        lastOrder: z.string().nullable(),
      }),
    ),
    totals: ReferralTotals,
  })
  .openapi('CustomerReferrals');

const GradeReferrals = ReferralTotals.extend({
  customers: z.number().int().openapi({ description: 'Graded customers in the grade' }),
  referrers: z
    .number()
    .int()
    .openapi({ description: 'Of those, the ones that referred at least one customer' }),
  referralRate: rate,
  conversionRate: rate.openapi({ description: 'Referred customers that have bought, of those referred' }),
});

export const ReferralAnalysis = z
  .object({
    runId: z.number().int(),
    modelId: z.number().int(),
    asOf: z.string(),
    grades: z.array(
      GradeReferrals.extend({
        grade: z.number().int(),
        code: z.string(),
        name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
        color: z.string(),
      }),
    ),
    totals: GradeReferrals,
    sourced: z.object({
      customers: z.number().int().openapi({ description: 'Graded customers in scope' }),
      referredCustomers: z
        .number()
        .int()
        .openapi({ description: 'Of those, the ones that came by referral' }),
      share: rate,
      sales: money.openapi({ description: 'Lifetime sales of the graded customers in scope' }),
      referredSales: money.openapi({
        description: 'Of that, the sales of the customers that came by referral',
      }),
      salesShare: rate,
    }),
    top: z.array(
      ReferralTotals.extend({
        customerId: z.number().int(),
        code: z.string(),
        name: z.string(),
        grade: z.number().int(),
      }),
    ),
  })
  .openapi('ReferralAnalysis');
