import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, enums } from '../../../shared/enums';
import { useDictionaryOptions } from '../../dictionaries/hooks/useDictionary';
import { useUserOptions } from '../../users/hooks/useUsers';
import type { GradingModel } from '../../grading/api/grading.api';
import type { CustomerListState, ListFilterKey } from '../hooks/useCustomerListParams';
import { provinces } from '../provinces';
import { GradeFilter } from './GradeFilter';

interface Option {
  value: string;
  label: string;
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string[] | undefined;
  options: Option[];
  onChange: (values: string[]) => void;
}) {
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={label}
      aria-label={label}
      style={{ width: 170 }}
      value={value ?? []}
      options={options}
      optionFilterProp="label"
      onChange={onChange}
    />
  );
}

export function CustomerFilters({
  state,
  showOwner,
  models,
}: {
  state: CustomerListState;
  showOwner: boolean;
  models: GradingModel[];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(state.params.q ?? '');
  useEffect(() => setQ(state.params.q ?? ''), [state.params.q]);

  const enumOptions = (list: 'lifecycle' | 'sizeBand') =>
    enums[list].map((value) => ({ value, label: t(enumKey(list, value)) }));
  const owners = useUserOptions(showOwner).map((owner) => ({
    value: String(owner.value),
    label: owner.label,
  }));
  const filters: { key: ListFilterKey; label: string; options: Option[] }[] = [
    { key: 'type', label: t('customer.type'), options: useDictionaryOptions('customer_type') },
    { key: 'lifecycle', label: t('customer.lifecycleStage'), options: enumOptions('lifecycle') },
    {
      key: 'province',
      label: t('customer.province'),
      options: provinces.map((p) => ({ value: p, label: p })),
    },
    { key: 'industry', label: t('customer.industry'), options: useDictionaryOptions('industry') },
    { key: 'nature', label: t('customer.nature'), options: useDictionaryOptions('enterprise_nature') },
    { key: 'sizeBand', label: t('customer.sizeBand'), options: enumOptions('sizeBand') },
    { key: 'source', label: t('customer.source'), options: useDictionaryOptions('source') },
    {
      key: 'referral',
      label: t('referral.filter'),
      options: [
        { value: 'referred', label: t('referral.filterReferred') },
        { value: 'referrer', label: t('referral.filterReferrer') },
      ],
    },
    ...(showOwner ? [{ key: 'ownerId' as const, label: t('customer.owner'), options: owners }] : []),
  ];

  return (
    <Flex wrap gap={8} align="center">
      <Input.Search
        allowClear
        aria-label={t('customerList.search')}
        placeholder={t('customerList.searchPlaceholder')}
        style={{ width: 280 }}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(value) => state.setSearch(value)}
        enterButton
      />
      <GradeFilter state={state} models={models} />
      {filters.map((filter) => (
        <FilterSelect
          key={filter.key}
          label={filter.label}
          value={state.params[filter.key]}
          options={filter.options}
          onChange={(values) => state.setFilter(filter.key, values)}
        />
      ))}
      <Button onClick={state.reset}>{t('action.reset')}</Button>
    </Flex>
  );
}
