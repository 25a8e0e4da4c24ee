import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { enumKey } from '../../../shared/enums';
import { formatDate } from '../../../shared/format/dates';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Relationship } from '../api/relationships.api';

export function RelationshipTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const relationships = useCustomerRecords<Relationship>(customerId, 'relationships');
  return (
    <QueryState
      query={relationships}
      isEmpty={(data) => !data.items.length}
      emptyText={t('relationship.empty')}
    >
      {(data) => (
        <Table<Relationship>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.items}
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
      )}
    </QueryState>
  );
}
