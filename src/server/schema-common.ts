import { z } from '@hono/zod-openapi';

export const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Free text a person types: trimmed, never empty when given, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

/** Money in, exact: a JSON number or a decimal string with at most two decimals, returned as a decimal string. */
export const money = (options: { allowNegative?: boolean } = {}) =>
  z
    .union([z.number().finite(), z.string().trim()])
    .transform((value, ctx) => {
      const textValue = typeof value === 'number' ? String(value) : value;
      if (!DECIMAL.test(textValue)) {
        ctx.addIssue({ code: 'custom', params: { reason: 'invalid_format' } });
        return z.NEVER;
      }
      if (!options.allowNegative && textValue.startsWith('-') && Number(textValue) !== 0) {
        ctx.addIssue({ code: 'custom', params: { reason: 'negative' } });
        return z.NEVER;
      }
      return textValue;
    })
    .openapi({ type: 'string', example: '12800.00', description: 'Decimal amount (CNY)' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = z
  .string()
  .regex(ISO_DATE)
  .refine(
    (value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
    },
    { params: { reason: 'invalid_format' } },
  )
  .openapi({ example: '2025-03-31', format: 'date' });

export const isoDateTime = z
  .string()
  .datetime({ offset: true })
  .openapi({ example: '2025-03-31T09:30:00+08:00', format: 'date-time' });

/** A customer as a row of a list names it: its id, code, name and account manager. */
export const listedCustomer = {
  customerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
};

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

/** A list's `sort` (one of its keys, ties by id) and `order`; newest or largest first unless asked otherwise. */
export function sortQuery<K extends string>(keys: readonly [K, ...K[]], byDefault: K, description: string) {
  return {
    sort: z
      .enum(keys)
      .default(byDefault as never)
      .openapi({ description: `Order of the list; ties by id. ${description}` }),
    order: z.enum(['asc', 'desc']).default('desc'),
  };
}

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), reason: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorResponse } } },
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorResponse } } },
  404: {
    description: 'Not found (or not visible to you)',
    content: { 'application/json': { schema: ErrorResponse } },
  },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
