import { Table } from 'antd';
import { ToggleLink } from '../../../shared/components/ToggleLink';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format/money';
import { formatShare } from '../../../shared/format/localised';
import { stageName, type Funnel, type FunnelStage } from '../api/opportunities.api';

/**
 * Per stage: the pipeline now (count, amount, weighted), how far opportunities got, and how long they stayed. With
 * `onSelectStage`, a stage's name opens its opportunities (the funnel page's list below).
 */
export function FunnelTable({
  funnel,
  selectedStage,
  onSelectStage,
}: {
  funnel: Funnel;
  selectedStage?: string;
  onSelectStage?: (stage: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const days = (value: number | null) =>
    value === null ? '—' : t('funnel.days', { days: value.toFixed(1) });
  return (
    <Table<FunnelStage>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={funnel.stages}
      data-testid="funnel-table"
      // Large amounts in English outgrow a half-width column: the table scrolls inside it, not the page.
      scroll={{ x: 'max-content' }}
      rowClassName={(stage) => (stage.code === selectedStage ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: t('funnel.stage'),
          render: (_, stage) =>
            onSelectStage ? (
              <ToggleLink
                pressed={selectedStage === stage.code}
                onToggle={(pressed) => onSelectStage(pressed ? stage.code : undefined)}
              >
                {stageName(stage, i18n.language)}
              </ToggleLink>
            ) : (
              stageName(stage, i18n.language)
            ),
        },
        { title: t('funnel.probability'), align: 'right', render: (_, stage) => `${stage.probability}%` },
        { title: t('funnel.count'), dataIndex: 'count', align: 'right' },
        { title: t('funnel.amount'), align: 'right', render: (_, stage) => formatMoney(stage.amount) },
        {
          title: t('funnel.weightedAmount'),
          align: 'right',
          render: (_, stage) => formatMoney(stage.weightedAmount),
        },
        { title: t('funnel.reached'), dataIndex: 'reached', align: 'right' },
        {
          title: t('funnel.conversion'),
          align: 'right',
          render: (_, stage) => formatShare(stage.conversionToNext),
        },
        {
          title: t('funnel.timeInStage'),
          align: 'right',
          render: (_, stage) => days(stage.averageDaysInStage),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('funnel.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} />
          <Table.Summary.Cell index={2} align="right">
            {funnel.totals.count}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {formatMoney(funnel.totals.amount)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {formatMoney(funnel.totals.weightedAmount)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} colSpan={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
