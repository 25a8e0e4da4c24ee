import { useTranslation } from 'react-i18next';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Payment } from '../api/payments.api';
import { usePaymentColumns } from './usePaymentColumns';

export function PaymentTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const columns = usePaymentColumns();
  return (
    <CustomerRecordTable<Payment>
      customerId={customerId}
      resource="payments"
      emptyText={t('payment.empty')}
      columns={[...columns, { title: t('payment.note'), dataIndex: 'note', ellipsis: true }]}
    />
  );
}
