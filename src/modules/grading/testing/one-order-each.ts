import type { DatabaseHandle } from '../../../db/connect.js';

/**
 * Customers 1…count (codes `${prefix}1`…), each with one order on 2024-06-01 whose amount and profit differ from
 * customer to customer, so that a run as of 2025 grades them apart.
 */
export async function customersWithOneOrderEach(db: DatabaseHandle['db'], count: number, prefix: string) {
  await db
    .insertInto('customers')
    .values(
      Array.from({ length: count }, (_, i) => ({
        id: i + 1,
        code: `${prefix}${i + 1}`,
        name: `客户${i + 1}`,
      })),
    )
    .execute();
  await db
    .insertInto('orders')
    .values(
      Array.from({ length: count }, (_, i) => ({
        customer_id: i + 1,
        order_no: `${prefix}${i + 1}`,
        order_date: '2024-06-01',
        amount: (1000 + i * 37).toFixed(2),
        gross_profit: (200 + ((i * 53) % 400)).toFixed(2),
      })),
    )
    .execute();
}
