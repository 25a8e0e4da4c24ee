import type { ReactNode } from 'react';
import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { enumKey } from '../../../shared/enums';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { useDictionaryLabel } from '../../dictionaries/hooks/useDictionary';
import type { Customer } from '../api/customers.api';
import { LifecycleTag } from './LifecycleTag';

export interface CustomerFieldDisplay {
  labelKey: string;
  value: ReactNode;
  /** The record's field the value shows, where one field is shown (what a merge chooses between). */
  field?: keyof Customer;
  span?: number;
}

/**
 * Every field of the customer record as a person reads it: dictionary codes by their names in the user's language,
 * money and dates formatted. The profile shows them all; a merge compares them customer by customer.
 */
export function useCustomerFieldDisplays(): (customer: Customer) => CustomerFieldDisplay[] {
  const { t } = useTranslation();
  const label = useDictionaryLabel();
  const percent = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(0)}%`);
  return (customer) => [
    { labelKey: 'customer.code', value: customer.code },
    { labelKey: 'customer.name', value: customer.name, field: 'name' },
    { labelKey: 'customer.shortName', value: customer.shortName, field: 'shortName' },
    { labelKey: 'customer.type', value: label('customer_type', customer.type), field: 'type' },
    {
      labelKey: 'customer.lifecycleStage',
      value: <LifecycleTag stage={customer.lifecycleStage} locked={customer.lifecycleLocked} key="stage" />,
      field: 'lifecycleStage',
    },
    { labelKey: 'customer.owner', value: customer.ownerName ?? t('customer.unowned'), field: 'ownerId' },
    { labelKey: 'customer.team', value: customer.teamName },
    { labelKey: 'customer.province', value: customer.province, field: 'province' },
    { labelKey: 'customer.city', value: customer.city, field: 'city' },
    { labelKey: 'customer.address', value: customer.address, field: 'address', span: 2 },
    { labelKey: 'customer.industry', value: label('industry', customer.industry), field: 'industry' },
    { labelKey: 'customer.nature', value: label('enterprise_nature', customer.nature), field: 'nature' },
    {
      labelKey: 'customer.sizeBand',
      value: customer.sizeBand ? t(enumKey('sizeBand', customer.sizeBand)) : null,
      field: 'sizeBand',
    },
    { labelKey: 'customer.headcount', value: customer.headcount?.toLocaleString(), field: 'headcount' },
    {
      labelKey: 'customer.registeredCapital',
      value: formatMoney(customer.registeredCapital),
      field: 'registeredCapital',
    },
    {
      labelKey: 'customer.annualRevenue',
      value: formatMoney(customer.annualRevenue),
      field: 'annualRevenue',
    },
    { labelKey: 'customer.industryPosition', value: customer.industryPosition, field: 'industryPosition' },
    {
      labelKey: 'customer.legalRepresentative',
      value: customer.legalRepresentative,
      field: 'legalRepresentative',
    },
    { labelKey: 'customer.phone', value: customer.phone, field: 'phone' },
    {
      labelKey: 'customer.website',
      value: customer.website ? (
        <a href={customer.website} target="_blank" rel="noreferrer">
          {customer.website}
        </a>
      ) : null,
      field: 'website',
    },
    { labelKey: 'customer.creditLimit', value: formatMoney(customer.creditLimit), field: 'creditLimit' },
    {
      labelKey: 'customer.paymentTermsDays',
      value: customer.paymentTermsDays === null ? null : t('unit.days', { count: customer.paymentTermsDays }),
      field: 'paymentTermsDays',
    },
    { labelKey: 'customer.source', value: label('source', customer.source), field: 'source' },
    {
      labelKey: 'customer.referredBy',
      value: customer.referredById ? (
        <Link to={`/customers/${customer.referredById}`}>
          {customer.referredByName ?? customer.referredById}
        </Link>
      ) : null,
      field: 'referredById',
    },
    {
      labelKey: 'customer.potentialDemand',
      value: formatMoney(customer.potentialDemand),
      field: 'potentialDemand',
    },
    { labelKey: 'customer.shareOfWallet', value: percent(customer.shareOfWallet), field: 'shareOfWallet' },
    {
      labelKey: 'customer.upcomingPurchaseVolume',
      value: formatMoney(customer.upcomingPurchaseVolume),
      field: 'upcomingPurchaseVolume',
    },
    {
      labelKey: 'customer.expectedCloseDate',
      value: formatDate(customer.expectedCloseDate),
      field: 'expectedCloseDate',
    },
    {
      labelKey: 'customer.tags',
      value: customer.tags.length ? (
        <Space size={[0, 4]} wrap>
          {customer.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : null,
    },
    { labelKey: 'customer.createdAt', value: formatDateTime(customer.createdAt) },
    { labelKey: 'customer.updatedAt', value: formatDateTime(customer.updatedAt) },
  ];
}

export const isBlank = (value: unknown) => value === null || value === undefined || value === '';
