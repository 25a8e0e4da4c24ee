import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { RecordsFootnote } from '../../../shared/components/RecordsFootnote';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Payment } from '../api/payments.api';

export function PaymentTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const payments = useCustomerRecords<Payment>(customerId, 'payments');
  return (
    <QueryState query={payments} isEmpty={(data) => !data.items.length} emptyText={t('payment.empty')}>
      {(data) => (
        <>
          <Table<Payment>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.items}
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
          <RecordsFootnote shown={data.items.length} total={data.total} />
        </>
      )}
    </QueryState>
  );
}
