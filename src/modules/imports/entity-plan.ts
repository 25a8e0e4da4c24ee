import type { ImportEntity } from './fields.js';
import {
  createMissingCustomers,
  mergeChildren,
  mergeCustomers,
  mergeRelationships,
  type MergeCounts,
} from './merge.js';
import { mergeOrders } from './order-merge.js';
import {
  customerChecks,
  customerReference,
  duplicatesInFile,
  orderConsistency,
  orderOwnership,
  paidByToday,
  paymentDatesAfterOrder,
  paymentAboveReceived,
  paymentOrder,
  receivedPartsOf,
  referrerChecks,
  relationshipChecks,
  type CheckContext,
} from './set-checks.js';
import { fieldsOf } from './fields.js';
import { typed } from './sql-types.js';

export interface EntityOptions {
  readonly createCustomers?: boolean;
  readonly cancelledPrefix?: string;
  readonly assumedMargin?: number;
}

export interface PlanContext extends CheckContext {
  readonly mapped: ReadonlySet<string>;
  /** Owner of customers an import creates: the importing rep or manager; nobody (the pool) for an admin. */
  readonly newOwnerId: number | null;
  readonly options: EntityOptions;
}

export interface EntityPlan {
  /** Stage columns worth an index for the set-based checks. */
  readonly indexed: readonly string[];
  check(context: PlanContext): Promise<void>;
  merge(context: PlanContext): Promise<MergeCounts>;
  /** Rows of the stage that stand or fall together (an order's lines); undefined: each row alone. */
  readonly groupKey?: (context: PlanContext) => string | undefined;
}

const importKey = (fallback: string) => `coalesce(s.ref, ${fallback})`;
const contactKey = importKey(`s.name`);
const paymentKey = importKey(`concat_ws('|', s.order_no, s.due_date, s.amount)`);
const paymentField = (key: string) => typed(fieldsOf('payments').find((field) => field.key === key)!);
const activityKey = importKey(`concat_ws('|', s.at, s.kind, s.subject)`);

export const isLineMode = (mapped: ReadonlySet<string>) => mapped.has('product') || mapped.has('quantity');

export const entityPlans: Readonly<Record<ImportEntity, EntityPlan>> = {
  customers: {
    indexed: ['code'],
    async check(context) {
      await customerChecks(context, context.mapped.has('code'));
      if (context.mapped.has('referred_by_code')) await referrerChecks(context);
    },
    merge: (context) => mergeCustomers(context.session, fieldsOf('customers'), context.mapped),
  },
  contacts: {
    indexed: ['customer_code'],
    async check(context) {
      await customerReference(context, 'customer_code');
      await duplicatesInFile(context, 'name', `concat_ws('|', s.customer_code, ${contactKey})`);
    },
    merge: (context) =>
      mergeChildren(context.session, 'contacts', fieldsOf('contacts'), context.mapped, contactKey),
  },
  relationships: {
    indexed: ['customer_code', 'related_code'],
    async check(context) {
      await customerReference(context, 'customer_code');
      await relationshipChecks(context);
      await duplicatesInFile(
        context,
        'related_code',
        `concat_ws('|', s.customer_code, s.related_code, s.kind)`,
      );
    },
    merge: (context) => mergeRelationships(context.session, context.mapped),
  },
  orders: {
    indexed: ['order_no', 'customer_code'],
    groupKey: (context) => (isLineMode(context.mapped) ? 'order_no' : undefined),
    async check(context) {
      await customerReference(context, 'customer_code', context.options.createCustomers);
      await orderOwnership(context);
      if (isLineMode(context.mapped)) await orderConsistency(context, ['customer_code', 'order_date']);
      else await duplicatesInFile(context, 'order_no', 's.order_no');
    },
    async merge(context) {
      if (context.options.createCustomers) await createMissingCustomers(context.session, context.newOwnerId);
      return mergeOrders(context.session, {
        lineMode: isLineMode(context.mapped),
        mapped: context.mapped,
        cancelledPrefix: context.options.cancelledPrefix,
        assumedMargin: context.options.assumedMargin,
      });
    },
  },
  payments: {
    indexed: ['customer_code'],
    async check(context) {
      await customerReference(context, 'customer_code');
      await paymentOrder(context);
      await paymentDatesAfterOrder(context, paymentField('due_date'), paymentField('paid_date'));
      await duplicatesInFile(context, 'amount', `concat_ws('|', s.customer_code, ${paymentKey})`);
      await paymentAboveReceived(context, paymentKey, paymentField('amount'));
      await paidByToday(context, paymentField('paid_date'));
    },
    merge: (context) =>
      mergeChildren(context.session, 'payments', fieldsOf('payments'), context.mapped, paymentKey, {
        extra: [
          {
            column: 'order_id',
            value: `(SELECT o.id FROM orders o WHERE o.order_no = s.order_no AND o.customer_id = c.id)`,
          },
        ],
        onUpdate: { amount: (value) => `${value} - coalesce((${receivedPartsOf('t.id')}), 0)` },
      }),
  },
  activities: {
    indexed: ['customer_code'],
    async check(context) {
      await customerReference(context, 'customer_code');
      await duplicatesInFile(context, 'subject', `concat_ws('|', s.customer_code, ${activityKey})`);
    },
    merge: (context) =>
      mergeChildren(context.session, 'activities', fieldsOf('activities'), context.mapped, activityKey),
  },
};
