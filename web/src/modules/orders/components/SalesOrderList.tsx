import { useTranslation } from 'react-i18next';
import { useCursors } from '../../../shared/components/CursorPager';
import {
  CustomerRecordList,
  customerColumn,
  personColumn,
} from '../../../shared/components/CustomerRecordList';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { useListSort } from '../../../shared/components/sortableColumns';
import {
  ordersApi,
  ordersNewestFirst,
  type Order,
  type OrderSortKey,
  type SalesFilter,
} from '../api/orders.api';
import { useOrderList } from '../hooks/useSales';
import { useOrderColumns } from './useOrderColumns';

const PAGE_SIZE = 20;

/**
 * The period's orders, newest first unless a column header sorts them, cancelled ones marked as such, each with its
 * customer and account manager.
 */
export function SalesOrderList({ filter }: { filter: SalesFilter }) {
  const { t } = useTranslation();
  const { order, onTableChange } = useListSort<OrderSortKey, Order>(ordersNewestFirst);
  const cursors = useCursors([filter, order]);
  const query = { ...filter, ...order };
  const list = useOrderList({ ...query, cursor: cursors.cursor, limit: PAGE_SIZE });
  const columns = useOrderColumns(order);
  return (
    <CustomerRecordList
      testId="sales-orders"
      title={t('sales.list')}
      actions={<ExportMenu href={(format) => ordersApi.exportUrl(query, format)} />}
      list={list}
      cursors={cursors}
      emptyText={t('sales.empty')}
      countLabel={(count) => t('sales.countLabel', { count })}
      table={{ onChange: onTableChange }}
      columns={[
        customerColumn<Order>(t('sales.customer')),
        ...columns,
        personColumn<Order>(t('sales.owner'), 'ownerName'),
      ]}
    />
  );
}
