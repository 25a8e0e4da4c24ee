import { z } from '@hono/zod-openapi';
import { isoDate, optionalText } from '../../server/schema-common.js';

export const PoolQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PoolQueryInput = z.output<typeof PoolQuery>;

export const PoolLimits = z
  .object({
    owned: z.number().int(),
    maxOwned: z.number().int(),
    claimsToday: z.number().int(),
    maxClaimsPerDay: z.number().int(),
    reclaimBlockDays: z.number().int(),
  })
  .openapi('PoolLimits');
export type PoolLimitsView = z.infer<typeof PoolLimits>;

export const PoolCustomer = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    teamId: z.number().int().nullable(),
    teamName: z.string().nullable(),
    gradeCode: z.string().nullable(),
    reason: z.enum(['recalled', 'released']),
    note: z.string().nullable(),
    enteredOn: z.string(),
    fromOwner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    lastContact: z.string().nullable(),
    lastOrder: z.string().nullable(),
  })
  .openapi('PoolCustomer');
export type PoolCustomerView = z.infer<typeof PoolCustomer>;

export const PoolPage = z
  .object({ items: z.array(PoolCustomer), total: z.number().int(), limits: PoolLimits })
  .openapi('PoolPage');

export const ClaimRequest = z
  .object({ customerId: z.number().int().positive() })
  .strict()
  .openapi('PoolClaim');
export const ReleaseRequest = z
  .object({ customerId: z.number().int().positive(), note: optionalText(500) })
  .strict()
  .openapi('PoolRelease');
export type ReleaseInput = z.output<typeof ReleaseRequest>;

export const MoveResponse = z
  .object({
    customerId: z.number().int(),
    action: z.enum(['claim', 'release']),
    ownerId: z.number().int().nullable(),
    on: z.string(),
  })
  .openapi('PoolMove');
export type MoveView = z.infer<typeof MoveResponse>;

export const RecallRequest = z
  .object({ asOf: isoDate.optional().openapi({ description: 'Default: today (Asia/Shanghai)' }) })
  .strict()
  .openapi('PoolRecallRequest');

export const RecallResponse = z
  .object({
    asOf: z.string(),
    recalled: z.number().int(),
    warned: z.number().int(),
    customers: z.array(
      z.object({ customerId: z.number().int(), ownerId: z.number().int(), recallOn: z.string() }),
    ),
  })
  .openapi('PoolRecallResult');
export type RecallView = z.infer<typeof RecallResponse>;
