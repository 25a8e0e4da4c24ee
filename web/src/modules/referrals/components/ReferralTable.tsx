import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { personColumn } from '../../../shared/components/CustomerRecordList';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import { LifecycleTag } from '../../customers/components/LifecycleTag';
import type { CustomerReferrals, ReferredCustomer } from '../api/referrals.api';
import { ReferralFigures } from './ReferralFigures';

const dateOrDash = (date: string | null) => (date ? formatDate(date) : '—');

/** The customers this customer referred ("客户是一口井"), the most valuable first, with what they bought to date. */
export function ReferralTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <CustomerRecordTable<ReferredCustomer, CustomerReferrals>
      customerId={customerId}
      resource="referrals"
      emptyText={t('referral.empty')}
      testId="referral-table"
      header={(list) => <ReferralFigures totals={list.totals} shown={list.items.length} />}
      columns={[
        {
          title: t('referral.customer'),
          dataIndex: 'name',
          render: (name: string, row) => <Link to={`/customers/${row.id}`}>{name}</Link>,
        },
        personColumn<ReferredCustomer>(t('referral.owner'), 'ownerName'),
        {
          title: t('referral.lifecycle'),
          dataIndex: 'lifecycleStage',
          render: (_: unknown, row) => <LifecycleTag stage={row.lifecycleStage} />,
        },
        { title: t('referral.orders'), dataIndex: 'orderCount', align: 'right' },
        {
          title: t('referral.customerSales'),
          dataIndex: 'sales',
          align: 'right',
          render: (value: string) => formatMoney(value),
        },
        {
          title: t('referral.customerProfit'),
          dataIndex: 'profit',
          align: 'right',
          render: (value: string) => formatMoney(value),
        },
        { title: t('referral.firstOrder'), dataIndex: 'firstOrder', render: dateOrDash },
        { title: t('referral.lastOrder'), dataIndex: 'lastOrder', render: dateOrDash },
      ]}
    />
  );
}
