import { useTranslation } from 'react-i18next';
import { useListSort } from '../../../shared/components/sortableColumns';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import { ordersNewestFirst, type Order, type OrderSortKey } from '../api/orders.api';
import { useOrderColumns } from './useOrderColumns';

export function OrderTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { order, onTableChange } = useListSort<OrderSortKey, Order>(ordersNewestFirst);
  const columns = useOrderColumns(order);
  return (
    <CustomerRecordTable<Order>
      customerId={customerId}
      resource="orders"
      emptyText={t('order.empty')}
      order={order}
      onTableChange={onTableChange}
      columns={[...columns, { title: t('order.note'), dataIndex: 'note', ellipsis: true }]}
    />
  );
}
