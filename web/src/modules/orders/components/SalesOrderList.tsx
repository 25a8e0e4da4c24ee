import { Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { QueryState } from '../../../shared/components/QueryState';
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
    <section data-testid="sales-orders">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sales.list')}
        </Typography.Title>
        <ExportMenu href={(format) => ordersApi.exportUrl(filter, format)} />
      </Flex>
      <QueryState query={list} isEmpty={(page) => page.items.length === 0} emptyText={t('sales.empty')}>
        {(page) => (
          <>
            <Table<Order>
              size="small"
              rowKey="id"
              pagination={false}
              loading={list.isFetching && list.isPlaceholderData}
              dataSource={page.items}
              data-testid="sales-orders-table"
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('sales.customer'),
                  dataIndex: 'customerName',
                  render: (name: string, order) => <Link to={`/customers/${order.customerId}`}>{name}</Link>,
                },
                ...columns,
                {
                  title: t('sales.owner'),
                  dataIndex: 'ownerName',
                  render: (name: string | null) => name ?? '—',
                },
              ]}
            />
            <CursorPager
              cursors={cursors}
              nextCursor={page.nextCursor}
              summary={t('sales.countLabel', { count: page.total })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
