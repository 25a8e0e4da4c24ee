import { useTranslation } from 'react-i18next';
import { PersonSummaryTable } from '../../../shared/components/PersonSummaryTable';
import { formatMoney } from '../../../shared/format/money';
import { formatShare } from '../../../shared/format/localised';
import { growthOf, marginOf, type SalesSummary } from '../api/orders.api';
import { AttainmentBar } from './AttainmentBar';
import { GrowthText } from './GrowthText';

type OwnerRow = SalesSummary['owners'][number] & { id: number | null; name: string | null };

/** Each account manager's sales in the period beside the period before, the largest first; a name narrows the page. */
export function OwnerSalesTable({
  summary,
  onSelectOwner,
}: {
  summary: SalesSummary;
  onSelectOwner: (ownerId: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <PersonSummaryTable<OwnerRow>
      title={t('sales.byOwner')}
      personTitle={t('sales.owner')}
      nobody={t('sales.nobody')}
      rows={summary.owners.map((row) => ({ ...row, id: row.ownerId, name: row.ownerName }))}
      testId="owner-sales-table"
      onSelect={onSelectOwner}
      columns={[
        {
          title: t('sales.amount'),
          align: 'right',
          render: (_, row) => <strong>{formatMoney(row.amount)}</strong>,
        },
        ...(summary.total.target === null
          ? []
          : [
              {
                title: t('sales.target'),
                align: 'right' as const,
                render: (_: unknown, row: OwnerRow) => (row.target === null ? '—' : formatMoney(row.target)),
              },
              {
                title: t('sales.attainment'),
                render: (_: unknown, row: OwnerRow) => <AttainmentBar attainment={row.attainment} />,
              },
            ]),
        { title: t('sales.grossProfit'), align: 'right', render: (_, row) => formatMoney(row.grossProfit) },
        { title: t('sales.margin'), align: 'right', render: (_, row) => formatShare(marginOf(row)) },
        { title: t('sales.orders'), dataIndex: 'orders', align: 'right' },
        { title: t('sales.customers'), dataIndex: 'customers', align: 'right' },
        { title: t('sales.previous'), align: 'right', render: (_, row) => formatMoney(row.previousAmount) },
        {
          title: t('sales.growth'),
          align: 'right',
          render: (_, row) => <GrowthText growth={growthOf(row)} />,
        },
      ]}
    />
  );
}
