import type { ReactNode } from 'react';
import { Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { enumKey } from '../../../shared/enums';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { useDictionaryLabel } from '../../dictionaries/hooks/useDictionary';
import type { Customer } from '../api/customers.api';
import { LifecycleTag } from './LifecycleTag';

/** Every field of the customer record, dictionary codes by their names in the user's language. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const label = useDictionaryLabel();
  const percent = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(0)}%`);
  const fields: [string, ReactNode, number?][] = [
    ['customer.code', customer.code],
    ['customer.name', customer.name],
    ['customer.shortName', customer.shortName],
    ['customer.type', label('customer_type', customer.type)],
    [
      'customer.lifecycleStage',
      <LifecycleTag stage={customer.lifecycleStage} locked={customer.lifecycleLocked} key="stage" />,
    ],
    ['customer.owner', customer.ownerName ?? t('customer.unowned')],
    ['customer.team', customer.teamName],
    ['customer.province', customer.province],
    ['customer.city', customer.city],
    ['customer.address', customer.address, 2],
    ['customer.industry', label('industry', customer.industry)],
    ['customer.nature', label('enterprise_nature', customer.nature)],
    ['customer.sizeBand', customer.sizeBand ? t(enumKey('sizeBand', customer.sizeBand)) : null],
    ['customer.headcount', customer.headcount?.toLocaleString()],
    ['customer.registeredCapital', formatMoney(customer.registeredCapital)],
    ['customer.annualRevenue', formatMoney(customer.annualRevenue)],
    ['customer.industryPosition', customer.industryPosition],
    ['customer.legalRepresentative', customer.legalRepresentative],
    ['customer.phone', customer.phone],
    [
      'customer.website',
      customer.website ? (
        <a href={customer.website} target="_blank" rel="noreferrer">
          {customer.website}
        </a>
      ) : null,
    ],
    ['customer.creditLimit', formatMoney(customer.creditLimit)],
    [
      'customer.paymentTermsDays',
      customer.paymentTermsDays === null ? null : t('unit.days', { count: customer.paymentTermsDays }),
    ],
    ['customer.source', label('source', customer.source)],
    [
      'customer.referredBy',
      customer.referredById ? (
        <Link to={`/customers/${customer.referredById}`}>
          {customer.referredByName ?? customer.referredById}
        </Link>
      ) : null,
    ],
    ['customer.potentialDemand', formatMoney(customer.potentialDemand)],
    ['customer.shareOfWallet', percent(customer.shareOfWallet)],
    ['customer.upcomingPurchaseVolume', formatMoney(customer.upcomingPurchaseVolume)],
    ['customer.expectedCloseDate', formatDate(customer.expectedCloseDate)],
    [
      'customer.tags',
      customer.tags.length ? (
        <Space size={[0, 4]} wrap>
          {customer.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : null,
    ],
    ['customer.createdAt', formatDateTime(customer.createdAt)],
    ['customer.updatedAt', formatDateTime(customer.updatedAt)],
  ];
  const custom = Object.entries(customer.custom).map(([key, value]): [string, ReactNode] => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        ...fields.map(([key, value, span]) => ({
          key,
          label: t(key),
          children: value === null || value === undefined || value === '' ? '—' : value,
          span,
        })),
        ...custom.map(([key, value]) => ({ key: `custom.${key}`, label: key, children: value })),
      ]}
    />
  );
}
