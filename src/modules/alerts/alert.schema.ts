import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../server/schema-common.js';
import { alertKinds } from './alert.rules.js';

const bilingual = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

const GradeRef = z
  .object({ index: z.number().int(), code: z.string(), name: bilingual })
  .nullable()
  .openapi('AlertGrade');

export const AlertListQuery = PageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: 'true: only alerts not yet read' }),
});
export type AlertListQueryInput = z.output<typeof AlertListQuery>;

export const AlertResponse = z
  .object({
    id: z.number().int(),
    kind: z.enum(alertKinds),
    read: z.boolean(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    message: bilingual,
    model: z.object({ id: z.number().int(), key: z.string(), name: bilingual }),
    customer: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    from: GradeRef,
    to: GradeRef,
    score: z.number().nullable(),
    cause: z.string(),
    runId: z.number().int().nullable(),
    changeId: z.number().int(),
  })
  .openapi('Alert');
export type AlertView = z.infer<typeof AlertResponse>;

/**
 * Alerts are counted up to one more than this many, newest first: the header's badge shows 99+ long before,
 * and counting a manager's 270,000 unread alerts at a million customers took 1.5 s on every page.
 */
export const ALERT_COUNT_LIMIT = 1000;
const counted = `the newest ${ALERT_COUNT_LIMIT + 1} were counted`;

export const AlertPage = z
  .object({
    items: z.array(AlertResponse),
    total: z
      .number()
      .int()
      .openapi({
        description: `Alerts matching the filter; when \`capped\`, a lower bound (${counted})`,
      }),
    capped: z
      .boolean()
      .openapi({ description: `More than ${ALERT_COUNT_LIMIT} alerts match: only ${counted}` }),
    nextCursor: z.string().nullable(),
  })
  .openapi('AlertPage');

export const AlertSummary = z
  .object({
    unread: z
      .number()
      .int()
      .openapi({
        description: `Unread alerts; when \`capped\`, a lower bound (${counted})`,
      }),
    capped: z.boolean().openapi({
      description: `More than ${ALERT_COUNT_LIMIT} alerts are unread: only ${counted}, by kind too`,
    }),
    unreadByKind: z.object(
      Object.fromEntries(alertKinds.map((kind) => [kind, z.number().int()])) as Record<
        (typeof alertKinds)[number],
        z.ZodNumber
      >,
    ),
  })
  .openapi('AlertSummary');
export type AlertSummaryView = z.infer<typeof AlertSummary>;

export const ReadAllResponse = z.object({ updated: z.number().int() }).openapi('AlertsReadAll');
