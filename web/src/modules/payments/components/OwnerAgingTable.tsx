import { useTranslation } from 'react-i18next';
import { PersonSummaryTable } from '../../../shared/components/PersonSummaryTable';
import { formatMoney } from '../../../shared/format/money';
import { bucketsOf, type AgingReport } from '../api/payments.api';

type OwnerRow = AgingReport['owners'][number] & { id: number | null; name: string | null };

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
    <PersonSummaryTable<OwnerRow>
      title={t('receivables.byOwner')}
      personTitle={t('receivables.owner')}
      nobody={t('receivables.nobody')}
      rows={report.owners.map((row) => ({ ...row, id: row.ownerId, name: row.ownerName }))}
      testId="owner-aging-table"
      onSelect={onSelectOwner}
      columns={[
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
        ...bucketsOf(report).map((bucket, at) => ({
          key: bucket,
          title: t(`receivables.bucketShort.${bucket}`),
          align: 'right' as const,
          render: (_: unknown, row: OwnerRow) => formatMoney(row.buckets[at]!.amount),
        })),
      ]}
    />
  );
}
