import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, isoDateTime, optionalText, text } from '../../server/schema-common.js';

export const activityKinds = ['visit', 'call', 'email', 'sms', 'wechat', 'meeting', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const activityFields = {
  customerId: z.number().int().positive(),
  contactId: z.number().int().positive().nullable().optional(),
  userId: z.number().int().positive().optional().openapi({
    description: 'Who did it; defaults to you. Managers and admins may log for a user in their scope.',
  }),
  kind: z.enum(activityKinds),
  at: isoDateTime,
  subject: text(200),
  note: optionalText(4000),
  nextActionAt: isoDateTime.nullable().optional(),
};

export const ActivityCreate = z.object(activityFields).strict().openapi('ActivityCreate');
export const ActivityUpdate = z
  .object({
    ...activityFields,
    customerId: activityFields.customerId.optional(),
    kind: activityFields.kind.optional(),
    at: isoDateTime.optional(),
    subject: text(200).optional(),
  })
  .strict()
  .openapi('ActivityUpdate');
export type ActivityCreateInput = z.output<typeof ActivityCreate>;
export type ActivityUpdateInput = z.output<typeof ActivityUpdate>;

/** Kinds as a comma-separated list ('visit,call'), the way a query string and the CLI give them. */
export const kindList = z
  .string()
  .max(200)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(activityKinds)));

export const CustomerActivityQuery = PageQuery.extend({
  userId: z.coerce.number().int().positive().optional(),
  kind: kindList.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const ActivityListQuery = CustomerActivityQuery.extend({
  customerId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional().openapi({ description: "The customers' team" }),
});
export type ActivityListFilter = z.output<typeof ActivityListQuery>;

export const ActivityResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    contactId: z.number().int().nullable(),
    contactName: z.string().nullable(),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    kind: z.enum(activityKinds),
    at: z.string(),
    subject: z.string(),
    note: z.string().nullable(),
    nextActionAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Activity');
export type ActivityView = z.infer<typeof ActivityResponse>;

export const ActivityPage = z
  .object({ items: z.array(ActivityResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('ActivityPage');
