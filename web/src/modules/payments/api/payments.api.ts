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
