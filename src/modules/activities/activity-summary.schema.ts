import { z } from '@hono/zod-openapi';
import { activityKinds, ActivityListQuery } from './activity.schema.js';

export const ActivitySummaryQuery = ActivityListQuery.omit({ limit: true, cursor: true, customerId: true });
export type ActivitySummaryFilter = z.output<typeof ActivitySummaryQuery>;

const Tally = z.object({
  count: z.number().int(),
  customers: z.number().int().openapi({ description: 'Different customers followed up' }),
  byKind: z.array(z.object({ kind: z.enum(activityKinds), count: z.number().int() })),
});

export const ActivitySummary = z
  .object({
    total: Tally,
    users: z
      .array(Tally.extend({ userId: z.number().int().nullable(), userName: z.string().nullable() }))
      .openapi({ description: 'Per person who followed up, the busiest first' }),
  })
  .openapi('ActivitySummary');
export type ActivitySummaryView = z.infer<typeof ActivitySummary>;
