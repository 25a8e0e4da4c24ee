import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { enumKey } from '../../../shared/enums';
import { formatDate } from '../../../shared/format/dates';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Relationship } from '../api/relationships.api';

export function RelationshipTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <CustomerRecordTable<Relationship>
      customerId={customerId}
      resource="relationships"
      emptyText={t('relationship.empty')}
      columns={[
        {
          title: t('relationship.kind'),
          dataIndex: 'kind',
          render: (_: unknown, relation) => (
            <Tag color={relation.direction === 'outgoing' ? 'blue' : 'purple'}>
              {t(enumKey('relationshipKind', relation.kind))}
            </Tag>
          ),
        },
        {
          title: t('relationship.direction'),
          dataIndex: 'direction',
          render: (_: unknown, relation) => t(enumKey('direction', relation.direction)),
        },
        {
          title: t('relationship.related'),
          dataIndex: 'relatedCustomerName',
          render: (_: unknown, relation) =>
            relation.relatedCustomerName ? (
              <Link to={`/customers/${relation.relatedCustomerId}`}>{relation.relatedCustomerName}</Link>
            ) : (
              <Typography.Text type="secondary">{t('relationship.hidden')}</Typography.Text>
            ),
        },
        { title: t('relationship.note'), dataIndex: 'note', ellipsis: true },
        {
          title: t('relationship.createdAt'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDate(at),
        },
      ]}
    />
  );
}
