import { z } from '@hono/zod-openapi';
import { isoDate } from '../../server/schema-common.js';
import { OrderListQuery } from './order.schema.js';

export const SalesSummaryQuery = OrderListQuery.pick({ ownerId: true, teamId: true }).extend({
  from: isoDate
    .optional()
    .openapi({ description: "First day of the period; the first of `to`'s month by default" }),
  to: isoDate.optional().openapi({ description: 'Last day of the period; today in Beijing by default' }),
});
export type SalesSummaryFilter = z.output<typeof SalesSummaryQuery>;

const money = z.string().openapi({ description: 'Exact decimal, yuan' });

const SalesFigures = z.object({
  orders: z.number().int(),
  amount: money,
  grossProfit: money.openapi({ description: 'Of the orders whose profit is known' }),
  profitedAmount: money.openapi({
    description: 'Amount of the orders whose profit is known: the margin’s base',
  }),
  customers: z.number().int().openapi({ description: 'Different customers who bought' }),
  previousAmount: money.openapi({ description: 'Amount in the period of equal length just before' }),
  target: money.nullable().openapi({
    description:
      "Sales target for the period: each month's target in the share of its days the period covers; null when none is set",
  }),
  attainment: z.number().nullable().openapi({
    description:
      'amount / target; in the total, the sales of the account managers who have a target over their targets; null without a target',
  }),
});

export const SalesSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    total: SalesFigures,
    owners: z
      .array(SalesFigures.extend({ ownerId: z.number().int().nullable(), ownerName: z.string().nullable() }))
      .openapi({
        description:
          "Each account manager's customers (ownerId null: nobody's), the largest sales first; an account manager " +
          'with a target and no sales is listed with zeros',
      }),
  })
  .openapi('SalesSummary');
export type SalesSummaryView = z.infer<typeof SalesSummary>;
