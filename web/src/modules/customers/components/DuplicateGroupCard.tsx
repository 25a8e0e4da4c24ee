import { Button, Card, Space, Table, Tag } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import type { DuplicateGroup, DuplicateMember } from '../api/customers.api';

/** The member most likely to be kept: the one with the most business, then the oldest record. */
export function likelySurvivor(members: DuplicateMember[]): DuplicateMember {
  return [...members].sort(
    (a, b) =>
      b.orderCount - a.orderCount ||
      Number(b.amount) - Number(a.amount) ||
      a.createdAt.localeCompare(b.createdAt),
  )[0]!;
}

/** One group of customers that look like one company, side by side, with what each has. */
export function DuplicateGroupCard({
  group,
  onMerge,
}: {
  group: DuplicateGroup;
  /** Absent for people who may not merge (account managers). */
  onMerge?: (group: DuplicateGroup) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={
        <Space>
          {group.reasons.map((reason) => (
            <Tag key={reason} color={reason === 'same_name' ? 'orange' : 'blue'}>
              {t(`merge.reason.${reason}`)}
            </Tag>
          ))}
          {group.customers[0]!.name}
        </Space>
      }
      extra={
        onMerge && (
          <Button icon={<MergeCellsOutlined />} onClick={() => onMerge(group)}>
            {t('merge.open')}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.customers}
        columns={[
          {
            title: t('customer.code'),
            dataIndex: 'code',
            render: (code: string, member) => <Link to={`/customers/${member.id}`}>{code}</Link>,
          },
          { title: t('customer.name'), dataIndex: 'name' },
          { title: t('customer.phone'), dataIndex: 'phone' },
          {
            title: t('customer.owner'),
            dataIndex: 'ownerName',
            render: (name: string | null) => name ?? t('customer.unowned'),
          },
          { title: t('customer.team'), dataIndex: 'teamName' },
          {
            title: t('customer.region'),
            key: 'region',
            render: (_: unknown, member) => [member.province, member.city].filter(Boolean).join(' '),
          },
          { title: t('customer.orderCount'), dataIndex: 'orderCount', align: 'right' },
          {
            title: t('customer.totalAmount'),
            dataIndex: 'amount',
            align: 'right',
            render: (amount: string) => formatMoney(amount),
          },
          { title: t('customer.lastOrder'), dataIndex: 'lastOrder', render: formatDate },
          { title: t('merge.contacts'), dataIndex: 'contactCount', align: 'right' },
          { title: t('customer.createdAt'), dataIndex: 'createdAt', render: formatDate },
        ]}
      />
    </Card>
  );
}
