import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, money, optionalText, sortQuery, text } from '../../server/schema-common.js';

export const buyingRoles = [
  'decision_maker',
  'economic_buyer',
  'technical_buyer',
  'user',
  'influencer',
  'champion',
  'gatekeeper',
] as const;

const stageCode = z.string().regex(/^[a-z_]{1,40}$/);
const percent = z.number().min(0).max(100);

const OpportunityContactInput = z
  .object({ contactId: z.number().int().positive(), role: z.enum(buyingRoles) })
  .strict()
  .openapi('OpportunityContactInput');

const opportunityFields = {
  customerId: z.number().int().positive(),
  name: text(200),
  amount: money(),
  stage: stageCode,
  probability: percent.nullable().optional(),
  expectedCloseDate: isoDate.nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  lostReason: optionalText(500),
  note: optionalText(2000),
  contacts: z.array(OpportunityContactInput).max(50).optional(),
};

export const OpportunityCreate = z
  .object({ ...opportunityFields, amount: money().optional(), stage: stageCode.optional() })
  .strict()
  .openapi('OpportunityCreate');
export const OpportunityUpdate = z
  .object({
    ...opportunityFields,
    customerId: opportunityFields.customerId.optional(),
    name: opportunityFields.name.optional(),
    amount: money().optional(),
    stage: stageCode.optional(),
  })
  .strict()
  .openapi('OpportunityUpdate');
export type OpportunityCreateInput = z.output<typeof OpportunityCreate>;
export type OpportunityUpdateInput = z.output<typeof OpportunityUpdate>;

const positiveId = z.coerce.number().int().positive();

const opportunitySortKeys = ['createdAt', 'amount', 'weightedAmount', 'expectedCloseDate'] as const;

export const CustomerOpportunityQuery = PageQuery.extend({
  ownerId: positiveId.optional(),
  stage: stageCode.optional(),
  open: z.enum(['true', 'false']).optional(),
  ...sortQuery(
    opportunitySortKeys,
    'createdAt',
    'Opportunities without an expected close date come last either way',
  ),
});
/** The funnel's own filters: whose opportunities, of which team, created in which business days. */
const funnelFilters = {
  ownerId: positiveId.optional(),
  teamId: positiveId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** Any opportunity the caller may see; with the funnel's filters, exactly the ones a funnel counts. */
export const OpportunityListQuery = CustomerOpportunityQuery.extend({
  ...funnelFilters,
  customerId: positiveId.optional(),
});
export type OpportunityListFilter = z.output<typeof OpportunityListQuery>;

export const OpportunityResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    name: z.string(),
    amount: z.string(),
    stage: z.string(),
    /** The override, or null when the stage's probability applies. */
    probability: z.number().nullable(),
    effectiveProbability: z.number(),
    weightedAmount: z.string(),
    expectedCloseDate: z.string().nullable(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    lostReason: z.string().nullable(),
    note: z.string().nullable(),
    contacts: z.array(z.object({ contactId: z.number().int(), name: z.string(), role: z.enum(buyingRoles) })),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Opportunity');
export type OpportunityView = z.infer<typeof OpportunityResponse>;

export const OpportunityPage = z
  .object({
    items: z.array(OpportunityResponse),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('OpportunityPage');

export const StageHistoryResponse = z
  .array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      at: z.string(),
      by: z.number().int().nullable(),
      byName: z.string().nullable(),
    }),
  )
  .openapi('OpportunityStageHistory');

export const StageResponse = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    probability: z.number(),
    sort: z.number().int(),
    outcome: z.enum(['open', 'won', 'lost']),
  })
  .openapi('OpportunityStage');
export type StageView = z.infer<typeof StageResponse>;

export const StageUpdate = z
  .object({
    nameZh: text(100).optional(),
    nameEn: text(100).optional(),
    probability: percent.optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .openapi('OpportunityStageUpdate');
export type StageUpdateInput = z.output<typeof StageUpdate>;

export const StageParams = z.object({
  code: stageCode.openapi({ param: { name: 'code', in: 'path' } }),
});

export const FunnelQuery = z.object(funnelFilters);
export type FunnelFilter = z.output<typeof FunnelQuery>;

const FunnelFigures = {
  count: z.number().int(),
  amount: z.string(),
  weightedAmount: z.string(),
};

export const FunnelResponse = z
  .object({
    stages: z.array(
      z.object({
        ...StageResponse.shape,
        ...FunnelFigures,
        /** Opportunities that ever reached this stage or a later one (lost excluded). */
        reached: z.number().int(),
        /** Share of those that reached this stage that went on to the next; null for the last or none reached. */
        conversionToNext: z.number().nullable(),
        /** Mean days spent in this stage by the opportunities that left it; null when none has. */
        averageDaysInStage: z.number().nullable(),
      }),
    ),
    totals: z.object({
      ...FunnelFigures,
      openCount: z.number().int(),
      openAmount: z.string(),
      openWeightedAmount: z.string(),
    }),
  })
  .openapi('Funnel');
export type FunnelView = z.infer<typeof FunnelResponse>;
