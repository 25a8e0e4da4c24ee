import { Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { sortableBy, type SortOrder } from '../../../shared/components/sortableColumns';
import type { Payment, PaymentSortKey } from '../api/payments.api';

/**
 * A payment's own columns, the same on the customer's page and on the receivables page. With `sorting`, the list
 * is ordered by the server and the dates, the amount and the days late sort it.
 */
export function usePaymentColumns(sorting?: SortOrder<PaymentSortKey>): TableColumnsType<Payment> {
  const { t } = useTranslation();
  const sortable = sortableBy(sorting);
  return [
    { title: t('payment.orderNo'), dataIndex: 'orderNo' },
    {
      title: t('payment.dueDate'),
      dataIndex: 'dueDate',
      ...sortable('dueDate'),
      render: (date: string) => formatDate(date),
    },
    {
      title: t('payment.paidDate'),
      dataIndex: 'paidDate',
      ...sortable('paidDate'),
      render: (date: string | null) =>
        date ? formatDate(date) : <Tag color="gold">{t('payment.unpaid')}</Tag>,
    },
    {
      title: t('payment.amount'),
      dataIndex: 'amount',
      align: 'right',
      ...sortable('amount'),
      render: (amount: string, payment) =>
        payment.splitFromId === null ? (
          formatMoney(amount)
        ) : (
          <Space size={4}>
            <Tooltip title={t('payment.partHint')}>
              <Tag>{t('payment.part')}</Tag>
            </Tooltip>
            {formatMoney(amount)}
          </Space>
        ),
    },
    {
      title: t('payment.daysLate'),
      dataIndex: 'daysLate',
      align: 'right',
      ...sortable('daysLate'),
      render: (days: number, payment) =>
        days > 0 ? (
          <Typography.Text type="danger" strong>
            {t('unit.days', { count: days })}
          </Typography.Text>
        ) : payment.paidDate === null ? (
          <Typography.Text type="secondary">{t('payment.notDue')}</Typography.Text>
        ) : (
          <Typography.Text type="success">{t('payment.onTime')}</Typography.Text>
        ),
    },
  ];
}
