import type { OrderStatus } from '../../../shared/enums';

export interface Order {
  id: number;
  customerId: number;
  orderNo: string;
  orderDate: string;
  amount: string;
  cost: string | null;
  grossProfit: string | null;
  currency: string;
  status: OrderStatus;
  note: string | null;
}
