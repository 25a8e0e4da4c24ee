import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, money, optionalText } from '../../server/schema-common.js';

const paymentFields = {
  customerId: z.number().int().positive(),
  orderId: z.number().int().positive().nullable().optional(),
  dueDate: isoDate,
  paidDate: isoDate.nullable().optional(),
  amount: money(),
  note: optionalText(2000),
};

export const PaymentCreate = z.object(paymentFields).strict().openapi('PaymentCreate');
export const PaymentUpdate = z
  .object({
    ...paymentFields,
    customerId: paymentFields.customerId.optional(),
    dueDate: isoDate.optional(),
    amount: money().optional(),
  })
  .strict()
  .openapi('PaymentUpdate');
export type PaymentCreateInput = z.output<typeof PaymentCreate>;
export type PaymentUpdateInput = z.output<typeof PaymentUpdate>;

export const CustomerPaymentQuery = PageQuery.extend({
  overdue: z.enum(['true', 'false']).optional(),
});
export const PaymentListQuery = CustomerPaymentQuery.extend({
  customerId: z.coerce.number().int().positive().optional(),
});
export type PaymentListFilter = z.output<typeof PaymentListQuery>;

export const PaymentResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    orderId: z.number().int().nullable(),
    orderNo: z.string().nullable(),
    dueDate: z.string(),
    paidDate: z.string().nullable(),
    amount: z.string(),
    daysLate: z.number().int().openapi({
      description:
        'Days paid after the due date; for an unpaid payment, days overdue as of today (Beijing time)',
    }),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Payment');
export type PaymentView = z.infer<typeof PaymentResponse>;

export const PaymentPage = z
  .object({ items: z.array(PaymentResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('PaymentPage');
