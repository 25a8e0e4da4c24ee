import { useTranslation } from 'react-i18next';
import { useCursors } from '../../../shared/components/CursorPager';
import {
  CustomerRecordList,
  customerColumn,
  personColumn,
} from '../../../shared/components/CustomerRecordList';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { ordersApi, type Order, type SalesFilter } from '../api/orders.api';
import { useOrderList } from '../hooks/useSales';
import { useOrderColumns } from './useOrderColumns';

const PAGE_SIZE = 20;

/** The period's orders, newest first, cancelled ones marked as such, each with its customer and account manager. */
export function SalesOrderList({ filter }: { filter: SalesFilter }) {
  const { t } = useTranslation();
  const cursors = useCursors(filter);
  const list = useOrderList({ ...filter, cursor: cursors.cursor, limit: PAGE_SIZE });
  const columns = useOrderColumns();
  return (
    <CustomerRecordList
      testId="sales-orders"
      title={t('sales.list')}
      actions={<ExportMenu href={(format) => ordersApi.exportUrl(filter, format)} />}
      list={list}
      cursors={cursors}
      emptyText={t('sales.empty')}
      countLabel={(count) => t('sales.countLabel', { count })}
      columns={[
        customerColumn<Order>(t('sales.customer')),
        ...columns,
        personColumn<Order>(t('sales.owner'), 'ownerName'),
      ]}
    />
  );
}
