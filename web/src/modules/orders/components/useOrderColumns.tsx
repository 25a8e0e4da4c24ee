import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, type OrderStatus } from '../../../shared/enums';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import type { Order } from '../api/orders.api';

const statusColours: Record<OrderStatus, string> = {
  confirmed: 'blue',
  completed: 'green',
  cancelled: 'default',
};

/** An order's own columns, the same on the customer's page and on the sales page. */
export function useOrderColumns(): TableColumnsType<Order> {
  const { t } = useTranslation();
  return [
    { title: t('order.orderNo'), dataIndex: 'orderNo' },
    { title: t('order.orderDate'), dataIndex: 'orderDate', render: (date: string) => formatDate(date) },
    {
      title: t('order.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: string) => formatMoney(amount),
    },
    {
      title: t('order.grossProfit'),
      dataIndex: 'grossProfit',
      align: 'right',
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
