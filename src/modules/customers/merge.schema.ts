import { z } from '@hono/zod-openapi';
import { customerColumnOf } from './customer.mapper.js';
import { CustomerResponse } from './customer.schema.js';

/**
 * Profile fields whose value a merge takes from one of the customers. The team follows the owner and the lifecycle
 * lock follows the stage; tags are united and custom fields joined (the survivor's win); the code is the
 * survivor's, the duplicates' codes keep pointing at it.
 */
const combinedFields = new Set(['code', 'teamId', 'lifecycleLocked', 'tags', 'custom']);
export const mergeableFields = Object.keys(customerColumnOf).filter(
  (field) => !combinedFields.has(field),
) as [MergeableField, ...MergeableField[]];
export type MergeableField = Exclude<
  keyof typeof customerColumnOf,
  'code' | 'teamId' | 'lifecycleLocked' | 'tags' | 'custom'
>;

export const CustomerMerge = z
  .object({
    duplicateIds: z.array(z.number().int().positive()).min(1).max(20).openapi({
      description: 'Customers merged into this one and then removed; their records move to it',
    }),
    take: z
      .partialRecord(z.enum(mergeableFields), z.number().int().positive())
      .optional()
      .openapi({
        description:
          "Which customer's value each field keeps (this one or a duplicate). Unnamed fields keep this customer's " +
          'value, or the first duplicate’s where this one has none',
      }),
  })
  .strict()
  .openapi('CustomerMerge');
export type CustomerMergeInput = z.output<typeof CustomerMerge>;

const count = z.number().int();
const MergeSurvivor = z
  .object({ id: z.number().int(), code: z.string(), name: z.string() })
  .openapi('MergeSurvivor');
export const MergedInto = z
  .object({
    survivor: MergeSurvivor.nullable().openapi({
      description: 'null when the customer was not merged, or its survivor is outside your scope',
    }),
  })
  .openapi('MergedInto');

export const CustomerMergeResult = z
  .object({
    customer: CustomerResponse,
    merged: z.array(MergeSurvivor),
    moved: z.object({
      orders: count,
      payments: count,
      activities: count,
      contacts: count,
      opportunities: count,
      relationships: count,
      referrals: count,
      messages: count,
      poolMoves: count,
    }),
  })
  .openapi('CustomerMergeResult');
export type CustomerMergeResultView = z.output<typeof CustomerMergeResult>;

export const duplicateReasons = ['same_name', 'same_phone'] as const;

export const DuplicateQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DuplicateQueryInput = z.output<typeof DuplicateQuery>;

const DuplicateMember = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  teamName: z.string().nullable(),
  createdAt: z.string(),
  orderCount: count,
  amount: z.string(),
  lastOrder: z.string().nullable(),
  contactCount: count,
});
export type DuplicateMemberView = z.output<typeof DuplicateMember>;

export const DuplicateGroupPage = z
  .object({
    items: z.array(
      z.object({
        reasons: z.array(z.enum(duplicateReasons)),
        customers: z.array(DuplicateMember),
      }),
    ),
    total: count,
  })
  .openapi('DuplicateGroupPage');
export type DuplicateGroupPageView = z.output<typeof DuplicateGroupPage>;
