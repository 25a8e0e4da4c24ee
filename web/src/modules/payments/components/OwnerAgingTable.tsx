import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format/money';
import { agingBuckets, type AgingReport } from '../api/payments.api';

type OwnerRow = AgingReport['owners'][number];

/**
 * What each account manager's customers owe, by bracket, the most overdue first (a manager's collection review);
 * a name narrows the page to that manager's customers.
 */
export function OwnerAgingTable({
  report,
  onSelectOwner,
}: {
  report: AgingReport;
  onSelectOwner: (ownerId: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={5}>{t('receivables.byOwner')}</Typography.Title>
      <Table<OwnerRow>
        size="small"
        rowKey={(row) => row.ownerId ?? 'nobody'}
        pagination={false}
        dataSource={report.owners}
        data-testid="owner-aging-table"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('receivables.owner'),
            fixed: 'left',
            render: (_, row) =>
              row.ownerId === null ? (
                t('receivables.nobody')
              ) : (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => onSelectOwner(row.ownerId!)}
                >
                  {row.ownerName}
                </Button>
              ),
          },
          {
            title: t('receivables.outstanding'),
            align: 'right',
            render: (_, row) => formatMoney(row.outstanding.amount),
          },
          {
            title: t('receivables.overdue'),
            align: 'right',
            render: (_, row) => <strong>{formatMoney(row.overdue.amount)}</strong>,
          },
          ...agingBuckets.map((bucket, at) => ({
            key: bucket,
            title: t(`receivables.bucketShort.${bucket}`),
            align: 'right' as const,
            render: (_: unknown, row: OwnerRow) => formatMoney(row.buckets[at]!.amount),
          })),
        ]}
      />
    </section>
  );
}
