import { FunnelChart as EChartsFunnel } from 'echarts/charts';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { echarts } from '../../../shared/charts/echarts';
import { formatMoneyShort } from '../../../shared/format/money';
import { stageName, type Funnel } from '../api/opportunities.api';

// The shared ECharts build registers only what the other pages draw; the funnel adds its own series type.
echarts.use([EChartsFunnel]);

/** `reached` keeps the funnel's shape (it never grows down the stages); `amount` is the money in each stage now. */
export type FunnelMeasure = 'reached' | 'amount';

/** The open stages and "won", widest first: lost opportunities are not part of the funnel's shape. */
export function FunnelChart({ funnel, measure }: { funnel: Funnel; measure: FunnelMeasure }) {
  const { t, i18n } = useTranslation();
  const stages = funnel.stages.filter((stage) => stage.outcome !== 'lost');
  const value = (stage: (typeof stages)[number]) =>
    measure === 'reached' ? stage.reached : Number(stage.amount);
  const title = t('funnel.chart');
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [t('funnel.stage'), t('funnel.reached'), t('funnel.count'), t('funnel.amount')],
        ...stages.map((stage) => [
          stageName(stage, i18n.language),
          stage.reached,
          stage.count,
          Number(stage.amount),
        ]),
      ]}
    >
      <Chart
        height={360}
        exportName={title}
        testId="funnel-chart"
        option={{
          tooltip: {
            trigger: 'item',
            formatter: (params: unknown) => {
              const stage = stages[(params as { dataIndex: number }).dataIndex];
              if (!stage) return '';
              return [
                `<b>${stageName(stage, i18n.language)}</b>`,
                `${t('funnel.reached')}: ${stage.reached.toLocaleString()}`,
                `${t('funnel.count')}: ${stage.count.toLocaleString()}`,
                `${t('funnel.amount')}: ${formatMoneyShort(stage.amount, i18n.language)}`,
              ].join('<br/>');
            },
          },
          series: [
            {
              type: 'funnel',
              sort: 'none',
              // Labels beside the funnel, not inside it: a stage with few or no deals is too narrow for its name.
              left: '4%',
              width: '56%',
              minSize: '6%',
              gap: 2,
              label: { show: true, position: 'right' },
              labelLine: { show: true, length: 12 },
              data: stages.map((stage) => ({
                name: `${stageName(stage, i18n.language)} · ${
                  measure === 'reached' ? stage.reached : formatMoneyShort(stage.amount, i18n.language)
                }`,
                value: value(stage),
              })),
            },
          ],
        }}
      />
    </ChartCard>
  );
}
