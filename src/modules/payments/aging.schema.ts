import { z } from '@hono/zod-openapi';
import { isoDate } from '../../server/schema-common.js';
import { agingBucketCodes } from './aging.js';
import { PaymentOwnerQuery } from './payment.schema.js';

export const AgingQuery = PaymentOwnerQuery.extend({
  asOf: isoDate
    .optional()
    .openapi({ description: 'The day the receivables are aged on; today in Beijing by default' }),
});
export type AgingFilter = z.output<typeof AgingQuery>;

const Figure = z.object({
  count: z.number().int(),
  amount: z.string().openapi({ description: 'Exact decimal, yuan' }),
});

const AgingFigures = z.object({
  buckets: z.array(Figure.extend({ bucket: z.enum(agingBucketCodes) })),
  outstanding: Figure,
  overdue: Figure,
});

export const AgingReport = z
  .object({
    asOf: z.string(),
    total: AgingFigures,
    owners: z
      .array(AgingFigures.extend({ ownerId: z.number().int().nullable(), ownerName: z.string().nullable() }))
      .openapi({
        description:
          "Each account manager's customers (ownerId null: customers nobody owns), most overdue first",
      }),
  })
  .openapi('AgingReport');
export type AgingReportView = z.infer<typeof AgingReport>;
