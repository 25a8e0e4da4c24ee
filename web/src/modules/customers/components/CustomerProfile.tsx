import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/customers.api';
import { isBlank, useCustomerFieldDisplays } from './customerFields';

/** Every field of the customer record, dictionary codes by their names in the user's language. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const displays = useCustomerFieldDisplays();
  const custom = Object.entries(customer.custom).map(([key, value]) => ({
    key: `custom.${key}`,
    label: key,
    children: typeof value === 'string' ? value : JSON.stringify(value),
  }));

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        ...displays(customer).map(({ labelKey, value, span }) => ({
          key: labelKey,
          label: t(labelKey),
          children: isBlank(value) ? '—' : value,
          span,
        })),
        ...custom,
      ]}
    />
  );
}
