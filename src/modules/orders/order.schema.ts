import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, money, optionalText, sortQuery, text } from '../../server/schema-common.js';

export const orderStatuses = ['confirmed', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

const FACTOR = /^\d{1,14}(\.\d{1,4})?$/;

/** Quantities and unit prices: non-negative decimals with up to four places (numeric(18,4) columns). */
const factor = (options: { positive: boolean }) =>
  z
    .union([z.number().finite(), z.string().trim()])
    .transform((value, ctx) => {
      const textValue = typeof value === 'number' ? String(value) : value;
      if (textValue.startsWith('-')) {
        ctx.addIssue({ code: 'custom', params: { reason: 'negative' } });
        return z.NEVER;
      }
      if (!FACTOR.test(textValue)) {
        ctx.addIssue({ code: 'custom', params: { reason: 'invalid_format' } });
        return z.NEVER;
      }
      if (options.positive && Number(textValue) === 0) {
        ctx.addIssue({ code: 'custom', params: { reason: 'too_small' } });
        return z.NEVER;
      }
      return textValue;
    })
    .openapi({ type: 'string', example: '2.5' });

export const OrderLineInput = z
  .object({
    product: text(200),
    quantity: factor({ positive: true }),
    unitPrice: factor({ positive: false }),
    amount: money().optional(),
    cost: money().nullable().optional(),
  })
  .strict()
  .openapi('OrderLineInput');

const orderNo = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}_\-./#]+$/u);

const orderFields = {
  customerId: z.number().int().positive(),
  orderNo,
  orderDate: isoDate,
  amount: money().optional(),
  cost: money().nullable().optional(),
  grossProfit: money({ allowNegative: true }).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  status: z.enum(orderStatuses).optional(),
  note: optionalText(2000),
  lines: z.array(OrderLineInput).max(500).optional(),
};

export const OrderCreate = z.object(orderFields).strict().openapi('OrderCreate');
export const OrderUpdate = z
  .object({
    ...orderFields,
    customerId: orderFields.customerId.optional(),
    orderNo: orderNo.optional(),
    orderDate: isoDate.optional(),
  })
  .strict()
  .openapi('OrderUpdate');
export type OrderCreateInput = z.output<typeof OrderCreate>;
export type OrderUpdateInput = z.output<typeof OrderUpdate>;

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const CustomerOrderQuery = PageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: csvOf(orderStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  ...sortQuery(
    ['orderDate', 'amount', 'grossProfit', 'orderNo'],
    'orderDate',
    'Orders without a gross profit come last either way',
  ),
});
export const OrderListQuery = CustomerOrderQuery.extend({
  customerId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "The customers' account manager" }),
  teamId: z.coerce.number().int().positive().optional().openapi({ description: "The customers' team" }),
});
export type OrderListFilter = z.output<typeof OrderListQuery>;

export const OrderLineResponse = z
  .object({
    id: z.number().int(),
    product: z.string(),
    quantity: z.string(),
    unitPrice: z.string(),
    amount: z.string(),
    cost: z.string().nullable(),
  })
  .openapi('OrderLine');

export const OrderResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    customerCode: z.string(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    orderNo: z.string(),
    orderDate: z.string(),
    amount: z.string(),
    cost: z.string().nullable(),
    grossProfit: z.string().nullable(),
    currency: z.string(),
    status: z.enum(orderStatuses),
    note: z.string().nullable(),
    lines: z.array(OrderLineResponse),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Order');
export type OrderView = z.infer<typeof OrderResponse>;

export const OrderPage = z
  .object({ items: z.array(OrderResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('OrderPage');
