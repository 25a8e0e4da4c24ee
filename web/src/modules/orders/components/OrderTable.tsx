import { useTranslation } from 'react-i18next';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Order } from '../api/orders.api';
import { useOrderColumns } from './useOrderColumns';

export function OrderTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const columns = useOrderColumns();
  return (
    <CustomerRecordTable<Order>
      customerId={customerId}
      resource="orders"
      emptyText={t('order.empty')}
      columns={[...columns, { title: t('order.note'), dataIndex: 'note', ellipsis: true }]}
    />
  );
}
