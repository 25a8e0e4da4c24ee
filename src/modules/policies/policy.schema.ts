import { z } from '@hono/zod-openapi';
import { money, text } from '../../server/schema-common.js';
import { MANAGER_MODES } from './policy.tables.js';

export const USER_LEVELS = ['junior', 'middle', 'senior'] as const;

const localised = z.object({ 'zh-CN': text(100), 'en-US': text(100) });
const days = z.number().int().min(1).max(3650).nullable().default(null);
const FRACTION = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** A share 0–1 with at most four decimals (numeric(5,4)), returned as a decimal string. */
const fraction = z
  .union([z.number().finite(), z.string().trim()])
  .transform((value, ctx) => {
    const textValue = typeof value === 'number' ? String(value) : value;
    if (!FRACTION.test(textValue)) {
      ctx.addIssue({ code: 'custom', params: { reason: 'invalid_format' } });
      return z.NEVER;
    }
    return textValue;
  })
  .openapi({ type: 'string', example: '0.15', description: 'Share 0–1, at most four decimals' });

export const PolicyRule = z
  .object({
    gradeCode: z.string().trim().min(1).max(50),
    managerMode: z.enum(MANAGER_MODES as [string, ...string[]]),
    maxCustomersPerManager: z.number().int().min(1).max(100_000).nullable().default(null),
    requiredLevel: z.enum(USER_LEVELS).nullable().default(null),
    contactCadenceDays: days,
    visitCadenceDays: days,
    creditLimit: money().nullable().default(null),
    paymentTermsDays: z.number().int().min(0).max(3650).nullable().default(null),
    discountCeiling: fraction.nullable().default(null),
    deliveryPriority: z.number().int().min(1).max(100).nullable().default(null),
    responseHours: z.number().int().min(1).max(8760).nullable().default(null),
    poolRecallDays: days,
  })
  .strict()
  .openapi('ServicePolicyRule');
export type PolicyRuleInput = z.output<typeof PolicyRule>;

const rules = z.array(PolicyRule).min(1).max(100);
const note = z.string().trim().max(500).nullable().optional();

export const PolicyCreate = z
  .object({
    name: localised,
    modelId: z.number().int().positive(),
    priority: z.number().int().min(0).max(10_000).default(100),
    active: z.boolean().default(true),
    rules,
    note,
  })
  .strict()
  .openapi('ServicePolicyCreate');

export const PolicyVersionCreate = z.object({ rules, note }).strict().openapi('ServicePolicyVersionCreate');

export const PolicyChange = z
  .object({
    name: localised.optional(),
    priority: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('ServicePolicyChange');

const RuleResponse = PolicyRule.extend({
  managerMode: z.enum(MANAGER_MODES as [string, ...string[]]),
  creditLimit: z.string().nullable(),
  discountCeiling: z.string().nullable(),
});

export const PolicySummary = z
  .object({
    id: z.number().int(),
    name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    modelId: z.number().int(),
    modelName: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    priority: z.number().int(),
    active: z.boolean(),
    currentVersion: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ServicePolicySummary');

export const PolicyVersionSummary = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const PolicyResponse = PolicySummary.extend({
  rules: z.array(RuleResponse),
  ladder: z.array(
    z.object({ code: z.string(), name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }) }),
  ),
  versions: z.array(PolicyVersionSummary),
}).openapi('ServicePolicy');

export const PolicyVersionResponse = PolicyVersionSummary.extend({ rules: z.array(RuleResponse) }).openapi(
  'ServicePolicyVersion',
);

export const PolicyVersionParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' } }),
});
