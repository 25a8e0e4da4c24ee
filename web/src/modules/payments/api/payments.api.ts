export interface Payment {
  id: number;
  customerId: number;
  orderId: number | null;
  orderNo: string | null;
  dueDate: string;
  paidDate: string | null;
  amount: string;
  daysLate: number;
  note: string | null;
}

export interface PaymentInput {
  orderId?: number;
  dueDate: string;
  paidDate?: string;
  amount: string;
  note?: string;
}
