import { z } from '@hono/zod-openapi';
import { isoDate } from '../../server/schema-common.js';
import { itemKinds } from './worklist.repository.js';

const days = (max: number) => z.number().int().min(0).max(max);

export const WorklistQuery = z.object({
  view: z.enum(['today', 'week']).default('today').openapi({
    description: 'today: due by today; week: due in the next 7 days (today + 6), both in Asia/Shanghai',
  }),
  userId: z.coerce.number().int().positive().optional().openapi({
    description: 'Whose list (default: yours). Managers: anyone in their team; admins: anyone.',
  }),
  kind: z
    .string()
    .max(200)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(itemKinds)).min(1))
    .optional()
    .openapi({ description: 'Only these kinds, comma-separated (the counts still cover every kind)' }),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type WorklistQueryInput = z.output<typeof WorklistQuery>;

export const WorklistItem = z
  .object({
    key: z.string(),
    kind: z.enum(itemKinds),
    ref: z.string(),
    customer: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    ownerId: z.number().int(),
    ownerName: z.string().nullable(),
    gradeCode: z.string().nullable(),
    /** The day the action is due (the contact, recall, birthday, holiday, repurchase, downgrade or forecast day). */
    due: z.string(),
    /** The day the item appeared; an activity on or after it closes the item. */
    since: z.string(),
    overdueDays: z.number().int(),
    escalated: z.boolean(),
    lastContact: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('WorklistItem');
export type WorklistItemView = z.infer<typeof WorklistItem>;

export const WorklistResponse = z
  .object({
    user: z.object({ id: z.number().int(), name: z.string(), role: z.string() }),
    view: z.enum(['today', 'week']),
    today: z.string(),
    end: z.string(),
    items: z.array(WorklistItem),
    /** Items of each kind in the whole list, beyond the limit and the kind filter too. */
    counts: z.record(z.string(), z.number().int()),
    escalated: z.number().int(),
    truncated: z.boolean(),
  })
  .openapi('Worklist');
export type WorklistView = z.infer<typeof WorklistResponse>;

export const SnoozeCreate = z
  .object({
    customerId: z.number().int().positive(),
    kind: z.enum(itemKinds),
    ref: z.string().min(1).max(100),
    until: isoDate.openapi({ description: 'Hidden until this day (after today); shown again from it' }),
  })
  .strict()
  .openapi('WorklistSnoozeCreate');
export type SnoozeInput = z.output<typeof SnoozeCreate>;

export const SnoozeResponse = z
  .object({ customerId: z.number().int(), kind: z.string(), ref: z.string(), until: z.string() })
  .openapi('WorklistSnooze');

export const WorklistUsers = z
  .array(
    z.object({
      id: z.number().int(),
      login: z.string(),
      name: z.string(),
      role: z.string(),
      teamId: z.number().int().nullable(),
    }),
  )
  .openapi('WorklistUsers');

const settingsFields = {
  birthdayLeadDays: days(60),
  holidayLeadDays: days(60),
  repurchaseLeadDays: days(60),
  downgradeDays: z.number().int().min(1).max(365),
  escalationDays: days(365),
  greetingMaxRatio: z.number().int().min(1).max(100),
  poolWarningDays: days(90),
  maxClaimsPerDay: days(10_000),
  reclaimBlockDays: days(3650),
  maxOwned: days(100_000).nullable(),
};

export const WorklistSettings = z.object(settingsFields).openapi('WorklistSettings');
export type WorklistSettingsView = z.infer<typeof WorklistSettings>;
export const WorklistSettingsUpdate = z
  .object(settingsFields)
  .partial()
  .strict()
  .openapi('WorklistSettingsUpdate');
export type WorklistSettingsInput = z.output<typeof WorklistSettingsUpdate>;
