import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, type OrderStatus } from '../../../shared/enums';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { sortableBy, type SortOrder } from '../../../shared/components/sortableColumns';
import type { Order, OrderSortKey } from '../api/orders.api';

const statusColours: Record<OrderStatus, string> = {
  confirmed: 'blue',
  completed: 'green',
  cancelled: 'default',
};

/**
 * An order's own columns, the same on the customer's page and on the sales page. With `sorting`, the list is
 * ordered by the server and the number, the date, the amount and the gross profit sort it.
 */
export function useOrderColumns(sorting?: SortOrder<OrderSortKey>): TableColumnsType<Order> {
  const { t } = useTranslation();
  const sortable = sortableBy(sorting);
  return [
    { title: t('order.orderNo'), dataIndex: 'orderNo', ...sortable('orderNo') },
    {
      title: t('order.orderDate'),
      dataIndex: 'orderDate',
      ...sortable('orderDate'),
      render: (date: string) => formatDate(date),
    },
    {
      title: t('order.amount'),
      dataIndex: 'amount',
      align: 'right',
      ...sortable('amount'),
      render: (amount: string) => formatMoney(amount),
    },
    {
      title: t('order.grossProfit'),
      dataIndex: 'grossProfit',
      align: 'right',
      ...sortable('grossProfit'),
      render: (profit: string | null) => formatMoney(profit),
    },
    {
      title: t('order.status'),
      dataIndex: 'status',
      render: (status: OrderStatus) => (
        <Tag color={statusColours[status]}>{t(enumKey('orderStatus', status))}</Tag>
      ),
    },
  ];
}
