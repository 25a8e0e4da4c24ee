import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatShare, pickLocalised } from '../../../shared/format/localised';
import { formatMoney } from '../../../shared/format/money';
import type { Growable, GrowableCustomer } from '../api/clv.api';

/** High forecast value, low current grade: the customers most worth growing. */
export function GrowableTable({ data }: { data: Growable }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('clv.growable')} data-testid="clv-growable">
      <Typography.Paragraph type="secondary">
        {t('clv.growableHelp', { threshold: data.threshold === null ? '—' : formatMoney(data.threshold) })}
      </Typography.Paragraph>
      <Table<GrowableCustomer>
        size="small"
        rowKey="customerId"
        pagination={false}
        dataSource={data.items}
        locale={{ emptyText: t('clv.noGrowable') }}
        columns={[
          {
            title: t('clv.customer'),
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/customers/${row.customerId}`}>{name}</Link>,
          },
          { title: t('clv.owner'), dataIndex: 'ownerName', render: (name: string | null) => name ?? '—' },
          {
            title: t('clv.grade'),
            key: 'grade',
            render: (_, row) => <Tag>{pickLocalised(row.grade.name, i18n.language)}</Tag>,
          },
          { title: t('clv.clv'), dataIndex: 'clv12m', align: 'right', render: (v: string) => formatMoney(v) },
          {
            title: t('clv.pAlive'),
            dataIndex: 'pAlive',
            align: 'right',
            render: (v: number | null) => formatShare(v),
          },
          {
            title: t('clv.expected'),
            dataIndex: 'expectedPurchases12m',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
        ]}
      />
    </Card>
  );
}
