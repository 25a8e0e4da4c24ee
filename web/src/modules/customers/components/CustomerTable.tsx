import { Table, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { sortableColumn, sortFromTable } from '../../../shared/components/sortableColumns';
import { useDictionaryLabel } from '../../dictionaries/hooks/useDictionary';
import type { GradingModel } from '../../grading/api/grading.api';
import type { CustomerRow, CustomerSortKey } from '../api/customers.api';
import { GradeTags } from './GradeTags';
import { LifecycleTag } from './LifecycleTag';

interface CustomerTableProps {
  customers: CustomerRow[];
  loading: boolean;
  sort: CustomerSortKey | undefined;
  order: 'asc' | 'desc' | undefined;
  onSort: (sort: CustomerSortKey | undefined, order: 'asc' | 'desc' | undefined) => void;
  models: ReadonlyMap<number, GradingModel>;
  /** Row selection for bulk actions; without it the table has no checkboxes. */
  selection?: { selected: number[]; onChange: (ids: number[]) => void };
}

export function CustomerTable({
  customers,
  loading,
  sort,
  order,
  onSort,
  models,
  selection,
}: CustomerTableProps) {
  const { t } = useTranslation();
  const label = useDictionaryLabel();
  const sortable = (key: CustomerSortKey) => sortableColumn({ sort, order }, key);

  const columns: TableProps<CustomerRow>['columns'] = [
    // Code and name on the left and the amount on the right stay in view while the columns between scroll: who the
    // customer is and what it is worth, on any screen.
    { title: t('customer.code'), dataIndex: 'code', width: 100, fixed: 'left', ...sortable('code') },
    {
      title: t('customer.name'),
      dataIndex: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: { showTitle: true },
      ...sortable('name'),
      render: (name: string, customer) => <Link to={`/customers/${customer.id}`}>{name}</Link>,
    },
    {
      title: t('grades.grade'),
      key: 'grades',
      width: 110,
      render: (_: unknown, customer) => <GradeTags grades={customer.grades} models={models} />,
    },
    {
      title: t('customer.type'),
      dataIndex: 'type',
      width: 90,
      render: (type: string) => label('customer_type', type),
    },
    {
      title: t('customer.lifecycleStage'),
      dataIndex: 'lifecycleStage',
      width: 130,
      render: (_: unknown, customer) => (
        <LifecycleTag stage={customer.lifecycleStage} locked={customer.lifecycleLocked} />
      ),
    },
    {
      title: t('customer.owner'),
      dataIndex: 'ownerName',
      width: 80,
      render: (name) => name ?? t('customer.unowned'),
    },
    { title: t('customer.team'), dataIndex: 'teamName', width: 100, ellipsis: true },
    {
      title: t('customer.region'),
      width: 140,
      ellipsis: true,
      ...sortable('province'),
      render: (_: unknown, customer) => [customer.province, customer.city].filter(Boolean).join(' / '),
    },
    {
      title: t('customer.industry'),
      dataIndex: 'industry',
      width: 100,
      ellipsis: true,
      render: (industry: string | null) => label('industry', industry),
    },
    {
      title: t('customer.lastOrder'),
      width: 110,
      ...sortable('lastOrder'),
      render: (_: unknown, customer) => formatDate(customer.stats.lastOrder),
    },
    {
      title: t('customer.totalAmount'),
      align: 'right',
      width: 140,
      fixed: 'right',
      ...sortable('amount'),
      render: (_: unknown, customer) => formatMoney(customer.stats.amount),
    },
  ];

  return (
    <Table<CustomerRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={customers}
      loading={loading}
      pagination={false}
      scroll={{ x: 1300 }}
      rowSelection={
        selection && {
          fixed: true,
          selectedRowKeys: selection.selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => selection.onChange(keys.map(Number)),
        }
      }
      locale={{ emptyText: t('customerList.empty') }}
      onChange={(_pagination, _filters, sorter) => {
        const next = sortFromTable<CustomerSortKey, CustomerRow>(sorter);
        onSort(next.sort, next.order);
      }}
    />
  );
}
