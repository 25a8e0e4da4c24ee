import { describe, expect, it } from 'vitest';
import { customerKeys } from './useCustomers';
import { isSameRecordList } from './useCustomerRecords';

const keyOf = (customerId: number, resource: string, order: unknown = null) => [
  ...customerKeys.records(customerId, resource),
  order,
];

describe('the rows a customer tab keeps on screen while it loads', () => {
  it('are its own rows in the order before, while a header sorts them', () => {
    expect(isSameRecordList(keyOf(7, 'orders', { sort: 'orderDate' }), 7, 'orders')).toBe(true);
  });

  it("are never another customer's, when the page moves to another customer", () => {
    expect(isSameRecordList(keyOf(7, 'orders'), 8, 'orders')).toBe(false);
  });

  it("are never another tab's of the same customer", () => {
    expect(isSameRecordList(keyOf(7, 'payments'), 7, 'orders')).toBe(false);
  });

  it('are none on the first load', () => {
    expect(isSameRecordList(undefined, 7, 'orders')).toBe(false);
  });
});
