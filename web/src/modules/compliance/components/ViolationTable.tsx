import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplianceItem } from '../api/compliance.api';

/** The figure that shows why, per kind: load, last contact, overdue against limit, terms against allowed. */
function Figures({ item }: { item: ComplianceItem }) {
  const { t } = useTranslation();
  const f = item.figures;
  const parts = item.kinds.map((kind) => {
    switch (kind) {
      case 'no_owner':
        return t('compliance.figure.noOwner');
      case 'level_below':
        return t('compliance.figure.level', {
          required: f.requiredLevel ? t(`policies.level.${f.requiredLevel}`) : '—',
        });
      case 'over_capacity':
        return t('compliance.figure.load', { load: f.ownerLoad ?? '∞' });
      case 'contact_overdue':
        return t('compliance.figure.contact', {
          last: f.lastContact ?? t('compliance.never'),
          days: f.contactCadenceDays,
        });
      case 'over_credit':
        return t('compliance.figure.credit', { overdue: f.overdueAmount, limit: f.creditLimit });
      case 'terms_exceeded':
        return t('compliance.figure.terms', { days: f.termsDays, allowed: f.allowedTermsDays });
    }
  });
  return <Typography.Text type="secondary">{parts.join('；')}</Typography.Text>;
}

interface ViolationTableProps {
  items: ComplianceItem[];
  loading: boolean;
}

export function ViolationTable({ items, loading }: ViolationTableProps) {
  const { t } = useTranslation();
  return (
    <Table<ComplianceItem>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={items}
      scroll={{ x: 1000 }}
      data-testid="compliance-list"
      columns={[
        {
          title: t('compliance.customer'),
          width: 260,
          render: (_, item) => (
            <Link to={`/customers/${item.id}`}>
              {item.code} {item.name}
            </Link>
          ),
        },
        { title: t('compliance.grade'), dataIndex: 'gradeCode', width: 70 },
        { title: t('compliance.team'), dataIndex: 'teamName', width: 110 },
        {
          title: t('compliance.owner'),
          dataIndex: 'ownerName',
          width: 100,
          render: (name: string | null) => name ?? '—',
        },
        {
          title: t('compliance.violations'),
          width: 220,
          render: (_, item) =>
            item.kinds.map((kind) => (
              <Tag key={kind} color="red">
                {t(`compliance.kind.${kind}`)}
              </Tag>
            )),
        },
        { title: t('compliance.why'), render: (_, item) => <Figures item={item} /> },
      ]}
    />
  );
}
