import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../server/schema-common.js';

export const timelineKinds = ['order', 'payment', 'activity', 'grade', 'opportunity'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const TimelineQuery = PageQuery.extend({
  /** Comma-separated kinds to include; all when omitted. */
  kinds: z
    .string()
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(z.enum(timelineKinds)).min(1))
    .optional(),
});
export type TimelineFilter = z.output<typeof TimelineQuery>;

const money = z.string();

/** What happened, by kind: each event carries the few facts a person reads in a line. */
const OrderEvent = z.object({
  kind: z.literal('order'),
  orderNo: z.string(),
  amount: money,
  status: z.string(),
});
const PaymentEvent = z.object({
  kind: z.literal('payment'),
  amount: money,
  dueDate: z.string(),
  paidDate: z.string().nullable(),
  /** Days paid after the due date; unpaid, days overdue as of today; 0 when on time or not yet due. */
  daysLate: z.number().int(),
});
const ActivityEvent = z.object({
  kind: z.literal('activity'),
  activityKind: z.string(),
  subject: z.string(),
  userName: z.string().nullable(),
});
const GradeEvent = z.object({
  kind: z.literal('grade'),
  modelId: z.number().int(),
  /** Positions on the model's ladder (0 = the top grade); null: outside the model's population. */
  fromGrade: z.number().int().nullable(),
  toGrade: z.number().int().nullable(),
  cause: z.string(),
});
const OpportunityEvent = z.object({
  kind: z.literal('opportunity'),
  opportunityId: z.number().int(),
  opportunityName: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  byName: z.string().nullable(),
});

export const TimelineEvent = z
  .discriminatedUnion('kind', [OrderEvent, PaymentEvent, ActivityEvent, GradeEvent, OpportunityEvent])
  .and(z.object({ id: z.number().int(), at: z.string() }))
  .openapi('TimelineEvent');
export type TimelineEventView = z.infer<typeof TimelineEvent>;

export const TimelinePage = z
  .object({ items: z.array(TimelineEvent), nextCursor: z.string().nullable() })
  .openapi('TimelinePage');
