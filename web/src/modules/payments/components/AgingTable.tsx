import { Table } from 'antd';
import { ToggleLink } from '../../../shared/components/ToggleLink';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format/money';
import { formatShare } from '../../../shared/format/localised';
import type { AgingBucket, AgingFigure, AgingFigures } from '../api/payments.api';

type BucketRow = AgingFigure & { bucket: AgingBucket };

/** Each aging bracket's count, amount and share of what is owed; a bracket's name lists its payments below. */
export function AgingTable({
  figures,
  selected,
  onSelect,
}: {
  figures: AgingFigures;
  selected?: AgingBucket;
  onSelect: (bucket: AgingBucket | undefined) => void;
}) {
  const { t } = useTranslation();
  const owed = Number(figures.outstanding.amount);
  return (
    <Table<BucketRow>
      size="small"
      rowKey="bucket"
      pagination={false}
      dataSource={figures.buckets}
      data-testid="aging-table"
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (row.bucket === selected ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: t('receivables.bucketColumn'),
          render: (_, row) => (
            <ToggleLink
              pressed={row.bucket === selected}
              onToggle={(pressed) => onSelect(pressed ? row.bucket : undefined)}
            >
              {t(`receivables.bucket.${row.bucket}`)}
            </ToggleLink>
          ),
        },
        { title: t('receivables.count'), dataIndex: 'count', align: 'right' },
        { title: t('receivables.amount'), align: 'right', render: (_, row) => formatMoney(row.amount) },
        {
          title: t('receivables.share'),
          align: 'right',
          render: (_, row) => formatShare(owed > 0 ? Number(row.amount) / owed : null),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('receivables.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {figures.outstanding.count}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatMoney(figures.outstanding.amount)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
