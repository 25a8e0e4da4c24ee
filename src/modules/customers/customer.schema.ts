import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, money, optionalText, text } from '../../server/schema-common.js';

export const lifecycleStages = [
  'target',
  'intent',
  'closed_new',
  'closed_growing',
  'closed_stable',
  'closed_declining',
  'churned',
] as const;
export const sizeBands = ['micro', 'small', 'medium', 'large', 'xlarge'] as const;

const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}_\-./]+$/u);
const dictionaryCode = z.string().trim().min(1).max(50);
const optionalMoney = money().nullable().optional();

const customerFields = {
  code: code.optional(),
  name: text(200),
  shortName: optionalText(100),
  type: dictionaryCode.optional(),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  lifecycleLocked: z.boolean().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  province: optionalText(50),
  city: optionalText(50),
  address: optionalText(300),
  industry: dictionaryCode.nullable().optional(),
  nature: dictionaryCode.nullable().optional(),
  sizeBand: z.enum(sizeBands).nullable().optional(),
  headcount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  registeredCapital: optionalMoney,
  annualRevenue: optionalMoney,
  industryPosition: optionalText(200),
  legalRepresentative: optionalText(50),
  phone: optionalText(50),
  website: optionalText(200),
  creditLimit: optionalMoney,
  paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
  source: dictionaryCode.nullable().optional(),
  referredById: z.number().int().positive().nullable().optional(),
  potentialDemand: optionalMoney,
  shareOfWallet: z.number().min(0).max(1).nullable().optional(),
  upcomingPurchaseVolume: optionalMoney,
  expectedCloseDate: isoDate.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
  custom: z.record(z.string().max(50), z.unknown()).optional(),
};

export const CustomerCreate = z.object(customerFields).strict().openapi('CustomerCreate');
export const CustomerUpdate = z
  .object({ ...customerFields, name: text(200).optional() })
  .strict()
  .openapi('CustomerUpdate');
export type CustomerCreateInput = z.output<typeof CustomerCreate>;
export type CustomerUpdateInput = z.output<typeof CustomerUpdate>;

export const customerSortKeys = [
  'name',
  'code',
  'createdAt',
  'updatedAt',
  'amount',
  'lastOrder',
  'province',
] as const;

const csv = z
  .string()
  .max(1000)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
const idList = z
  .string()
  .max(1000)
  .transform((value, ctx) => {
    const ids = value.split(',').map((part) => Number(part.trim()));
    if (ids.some((id) => !Number.isInteger(id) || id <= 0)) {
      ctx.addIssue({ code: 'custom', params: { reason: 'invalid_format' } });
      return z.NEVER;
    }
    return ids;
  });

export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: csv.optional(),
  lifecycle: csv.pipe(z.array(z.enum(lifecycleStages))).optional(),
  ownerId: idList.optional(),
  unowned: z.enum(['true', 'false']).optional(),
  teamId: idList.optional(),
  province: csv.optional(),
  industry: csv.optional(),
  nature: csv.optional(),
  sizeBand: csv.pipe(z.array(z.enum(sizeBands))).optional(),
  tag: csv.optional(),
  source: csv.optional(),
  referral: csv
    .pipe(z.array(z.enum(['referred', 'referrer'])))
    .optional()
    .openapi({ description: 'referred: came by referral (has a 推荐客户); referrer: referred a customer' }),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  gradeModelId: z.coerce.number().int().positive().optional(),
  grade: csv.optional(),
  sort: z.enum(customerSortKeys).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /**
   * 'false' leaves the total out (null): counting every match costs a scan of all of them, which a page of rows
   * does not, so the list page asks for the count separately and shows its rows without waiting for it.
   */
  withTotal: z.enum(['true', 'false']).default('true'),
});
export type CustomerListFilter = z.output<typeof CustomerListQuery>;

export const CustomerCountQuery = CustomerListQuery.omit({
  limit: true,
  cursor: true,
  sort: true,
  order: true,
  withTotal: true,
});

/** The filters of the list, without its paging and order: what a count, an export or a segment selects by. */
export type CustomerFilter = z.output<typeof CustomerCountQuery>;

export const CustomerCount = z.object({ total: z.number().int() }).openapi('CustomerCount');

const nullableString = z.string().nullable();

export const CustomerResponse = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    shortName: nullableString,
    type: z.string(),
    lifecycleStage: z.enum(lifecycleStages),
    lifecycleLocked: z.boolean(),
    ownerId: z.number().int().nullable(),
    ownerName: nullableString,
    teamId: z.number().int().nullable(),
    teamName: nullableString,
    province: nullableString,
    city: nullableString,
    address: nullableString,
    industry: nullableString,
    nature: nullableString,
    sizeBand: z.enum(sizeBands).nullable(),
    headcount: z.number().int().nullable(),
    registeredCapital: nullableString,
    annualRevenue: nullableString,
    industryPosition: nullableString,
    legalRepresentative: nullableString,
    phone: nullableString,
    website: nullableString,
    creditLimit: nullableString,
    paymentTermsDays: z.number().int().nullable(),
    source: nullableString,
    referredById: z.number().int().nullable(),
    referredByName: nullableString,
    potentialDemand: nullableString,
    shareOfWallet: z.number().nullable(),
    upcomingPurchaseVolume: nullableString,
    expectedCloseDate: nullableString,
    tags: z.array(z.string()),
    custom: z.record(z.string(), z.unknown()),
    grades: z.array(z.object({ modelId: z.number().int(), code: z.string() })),
    stats: z.object({
      orderCount: z.number().int(),
      amount: z.string(),
      profit: z.string(),
      firstOrder: nullableString,
      lastOrder: nullableString,
      unpaidAmount: z.string(),
      lastContact: nullableString,
      contactCount: z.number().int(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');
export type CustomerView = z.infer<typeof CustomerResponse>;

/** A customer as the list's table shows it, without the rest of the record (`GET /api/customers/rows`). */
export const CustomerRowResponse = CustomerResponse.pick({
  id: true,
  code: true,
  name: true,
  type: true,
  lifecycleStage: true,
  lifecycleLocked: true,
  ownerId: true,
  ownerName: true,
  teamId: true,
  teamName: true,
  province: true,
  city: true,
  industry: true,
  grades: true,
})
  .extend({ stats: z.object({ amount: z.string(), lastOrder: nullableString }) })
  .openapi('CustomerRow');
export type CustomerRowView = z.infer<typeof CustomerRowResponse>;

export const CustomerRowPage = z
  .object({
    items: z.array(CustomerRowResponse),
    total: z.number().int().nullable(),
    nextCursor: z.string().nullable(),
  })
  .openapi('CustomerRowPage');

export const CustomerPage = z
  .object({
    items: z.array(CustomerResponse),
    total: z.number().int().nullable(),
    nextCursor: z.string().nullable(),
  })
  .openapi('CustomerPage');

export const CustomerBulkAssign = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(500),
    ownerId: z.number().int().positive(),
  })
  .strict()
  .openapi('CustomerBulkAssign');
export type CustomerBulkAssignInput = z.output<typeof CustomerBulkAssign>;

export const CustomerBulkAssignResult = z
  .object({ updated: z.number().int() })
  .openapi('CustomerBulkAssignResult');
