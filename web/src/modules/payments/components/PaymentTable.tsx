import { useTranslation } from 'react-i18next';
import { useListSort } from '../../../shared/components/sortableColumns';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Payment, PaymentSortKey } from '../api/payments.api';
import { usePaymentColumns } from './usePaymentColumns';

export function PaymentTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { order, onTableChange } = useListSort<PaymentSortKey, Payment>({ sort: 'dueDate', order: 'desc' });
  const columns = usePaymentColumns(order);
  return (
    <CustomerRecordTable<Payment>
      customerId={customerId}
      resource="payments"
      emptyText={t('payment.empty')}
      order={order}
      onTableChange={onTableChange}
      columns={[...columns, { title: t('payment.note'), dataIndex: 'note', ellipsis: true }]}
    />
  );
}
