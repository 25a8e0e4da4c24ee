import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Payment } from '../api/payments.api';

export function PaymentTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <CustomerRecordTable<Payment>
      customerId={customerId}
      resource="payments"
      emptyText={t('payment.empty')}
      columns={[
        { title: t('payment.orderNo'), dataIndex: 'orderNo' },
        {
          title: t('payment.dueDate'),
          dataIndex: 'dueDate',
          render: (date: string) => formatDate(date),
        },
        {
          title: t('payment.paidDate'),
          dataIndex: 'paidDate',
          render: (date: string | null) =>
            date ? formatDate(date) : <Tag color="gold">{t('payment.unpaid')}</Tag>,
        },
        {
          title: t('payment.amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (amount: string) => formatMoney(amount),
        },
        {
          title: t('payment.daysLate'),
          dataIndex: 'daysLate',
          align: 'right',
          render: (days: number) =>
            days > 0 ? (
              <Typography.Text type="danger" strong>
                {t('unit.days', { count: days })}
              </Typography.Text>
            ) : (
              <Typography.Text type="success">{t('payment.onTime')}</Typography.Text>
            ),
        },
        { title: t('payment.note'), dataIndex: 'note', ellipsis: true },
      ]}
    />
  );
}
