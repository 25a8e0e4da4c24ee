import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, money, optionalText, sortQuery } from '../../server/schema-common.js';
import { agingBucketCodes } from './aging.js';

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

const id = z.coerce.number().int().positive();

export const paymentStatuses = ['outstanding', 'overdue', 'paid'] as const;

/** Who owns the customers whose payments are listed or aged. */
export const PaymentOwnerQuery = z.object({ ownerId: id.optional(), teamId: id.optional() });

export const CustomerPaymentQuery = PageQuery.extend({
  overdue: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional().openapi({
    description:
      'The day the payments are seen on (days late, outstanding, aging); today in Beijing by default',
  }),
  status: z.enum(paymentStatuses).optional().openapi({
    description:
      'outstanding: unpaid at the end of the day; overdue: outstanding and past due; paid: paid by then',
  }),
  bucket: z.enum(agingBucketCodes).optional().openapi({
    description: 'Outstanding payments in one aging bracket of days past due (not_due is 0 days or fewer)',
  }),
  ...sortQuery(
    ['dueDate', 'paidDate', 'amount', 'daysLate'],
    'dueDate',
    'Unpaid payments come last by paid date either way; days late are counted on asOf',
  ),
});
export const PaymentListQuery = CustomerPaymentQuery.extend({ customerId: id.optional() }).merge(
  PaymentOwnerQuery,
);
export type PaymentListFilter = z.output<typeof PaymentListQuery>;

export const PaymentResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    customerCode: z.string(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    orderId: z.number().int().nullable(),
    orderNo: z.string().nullable(),
    dueDate: z.string(),
    paidDate: z.string().nullable(),
    amount: z.string(),
    daysLate: z.number().int().openapi({
      description:
        "Days paid after the due date; for an unpaid payment, days overdue as of the list's day (today in Beijing)",
    }),
    note: z.string().nullable(),
    splitFromId: z.number().int().nullable().openapi({
      description:
        'The payment this one was received of, in part (a receipt of less than was owed); null otherwise',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Payment');
export type PaymentView = z.infer<typeof PaymentResponse>;

export const PaymentPage = z
  .object({ items: z.array(PaymentResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('PaymentPage');

export const PaymentReceipt = z
  .object({
    amount: money().openapi({ description: 'What was received: the whole amount or a part of it' }),
    paidDate: isoDate.openapi({ description: 'The day it was received: today or before' }),
    note: optionalText(2000),
  })
  .strict()
  .openapi('PaymentReceipt');
export type PaymentReceiptInput = z.output<typeof PaymentReceipt>;

export const PaymentReceiptResult = z
  .object({
    paid: PaymentResponse,
    remaining: PaymentResponse.nullable().openapi({
      description: 'The part still owed, due on the same day; null when the whole amount was received',
    }),
  })
  .openapi('PaymentReceiptResult');
