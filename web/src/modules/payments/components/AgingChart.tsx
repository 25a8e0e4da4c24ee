import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatMoneyShort } from '../../../shared/format/money';
import type { AgingFigures } from '../api/payments.api';

/** Not yet due in green, then warmer the longer a payment is overdue. */
const bucketColours = ['#52c41a', '#fadb14', '#faad14', '#fa8c16', '#f5222d', '#a8071a'];

/** The money owed in each aging bracket, as bars. */
export function AgingChart({ figures }: { figures: AgingFigures }) {
  const { t, i18n } = useTranslation();
  const title = t('receivables.aging');
  const names = figures.buckets.map((bucket) => t(`receivables.bucket.${bucket.bucket}`));
  const axisNames = figures.buckets.map((bucket) => t(`receivables.bucketShort.${bucket.bucket}`));
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [t('receivables.bucketColumn'), t('receivables.count'), t('receivables.amount')],
        ...figures.buckets.map((bucket, at) => [names[at]!, bucket.count, Number(bucket.amount)]),
      ]}
    >
      <Chart
        height={300}
        exportName={title}
        testId="aging-chart"
        option={{
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          tooltip: {
            trigger: 'item',
            formatter: (params: unknown) => {
              const at = (params as { dataIndex: number }).dataIndex;
              const bucket = figures.buckets[at]!;
              return `<b>${names[at]}</b><br/>${formatMoneyShort(bucket.amount, i18n.language)} · ${t(
                'receivables.countLabel',
                { count: bucket.count },
              )}`;
            },
          },
          xAxis: { type: 'category', data: axisNames, axisLabel: { interval: 0 } },
          yAxis: {
            type: 'value',
            axisLabel: { formatter: (value: number) => formatMoneyShort(value, i18n.language) },
          },
          series: [
            {
              type: 'bar',
              barMaxWidth: 48,
              data: figures.buckets.map((bucket, at) => ({
                value: Number(bucket.amount),
                itemStyle: { color: bucketColours[at] },
              })),
            },
          ],
        }}
      />
    </ChartCard>
  );
}
