import { BoxplotChart } from 'echarts/charts';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { echarts } from '../../../shared/charts/echarts';
import { pickLocalised } from '../../../shared/format/localised';
import type { ClvByGrade } from '../api/clv.api';

echarts.use([BoxplotChart]);

/** Box plot of 12-month CLV per current grade: does the grade order follow forecast value? */
export function ClvByGradeChart({ data }: { data: ClvByGrade }) {
  const { t, i18n } = useTranslation();
  const title = t('clv.byGrade');
  const names = data.grades.map((g) => pickLocalised(g.name, i18n.language));
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [
          t('clv.grade'),
          t('clv.customers'),
          t('clv.min'),
          'Q1',
          t('clv.median'),
          'Q3',
          t('clv.max'),
          t('clv.mean'),
        ],
        ...data.grades.map((g, i) => [
          names[i]!,
          g.customers,
          ...(g.box ?? [null, null, null, null, null]),
          g.mean,
        ]),
      ]}
    >
      <Chart
        height={300}
        exportName={title}
        testId="clv-by-grade"
        option={{
          tooltip: { trigger: 'item' },
          grid: { left: 64, right: 16, top: 32, bottom: 30 },
          xAxis: { type: 'category', data: names },
          yAxis: { type: 'value', name: t('clv.clv') },
          series: [
            {
              name: t('clv.clv'),
              type: 'boxplot',
              data: data.grades.map((g) => ({
                value: (g.box ?? []).map(Number),
                itemStyle: { borderColor: g.color ?? undefined },
              })),
            },
          ],
        }}
      />
    </ChartCard>
  );
}
