import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatMoneyShort } from '../../../shared/format/money';
import { formatShare, pickLocalised } from '../../../shared/format/localised';
import type { AnalyticsFilter, RunAnalytics } from '../api/analytics.api';
import { runResultsPath } from '../../grading/resultsFilter';

/**
 * The customer-count pyramid (left) beside the inverted profit pyramid (right), best grade on top: few key
 * customers, most of the profit. Both sides are shares, so their widths compare. A bar opens its grade's customers.
 */
export function PyramidChart({ data, filter }: { data: RunAnalytics; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const grades = [...data.grades].reverse();
  const names = grades.map((g) => pickLocalised(g.name, i18n.language));
  const title = t('dashboard.pyramid');
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [
          t('grades.grade'),
          t('dashboard.customers'),
          t('dashboard.customerShare'),
          t('dashboard.sales'),
          t('dashboard.profit'),
          t('dashboard.profitShare'),
        ],
        ...data.grades.map((g) => [
          pickLocalised(g.name, i18n.language),
          g.count,
          g.share,
          Number(g.sales),
          Number(g.profit),
          g.profitShare,
        ]),
      ]}
    >
      <Chart
        height={300}
        exportName={title}
        testId="pyramid-chart"
        onItemClick={({ dataIndex }) => {
          const grade = grades[dataIndex]?.grade;
          if (grade !== undefined) void navigate(runResultsPath(data.runId, { ...filter, grade }));
        }}
        option={{
          legend: { top: 0, left: 0, data: [t('dashboard.customerShare'), t('dashboard.profitShare')] },
          tooltip: {
            trigger: 'axis',
            axisPointer: { type: 'shadow' },
            formatter: (params: unknown) => {
              const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
              const g = grades[index];
              if (!g) return '';
              return [
                `<b>${names[index]}</b>`,
                `${t('dashboard.customers')}: ${g.count.toLocaleString()} (${formatShare(g.share)})`,
                `${t('dashboard.profit')}: ${formatMoneyShort(g.profit, i18n.language)} (${formatShare(g.profitShare)})`,
              ].join('<br/>');
            },
          },
          grid: { left: 16, right: 16, top: 36, bottom: 24, containLabel: true },
          xAxis: {
            type: 'value',
            min: -100,
            max: 100,
            axisLabel: { formatter: (v: number) => `${Math.abs(v)}%` },
          },
          yAxis: { type: 'category', data: names, axisTick: { show: false } },
          series: [
            {
              name: t('dashboard.customerShare'),
              type: 'bar',
              stack: 'pyramid',
              barCategoryGap: '15%',
              label: {
                show: true,
                position: 'left',
                formatter: (p: { dataIndex: number }) => (grades[p.dataIndex]?.count ?? 0).toLocaleString(),
              },
              itemStyle: { color: '#5b8ff9' },
              data: grades.map((g) => -((g.share ?? 0) * 100)),
            },
            {
              name: t('dashboard.profitShare'),
              type: 'bar',
              stack: 'pyramid',
              label: {
                show: true,
                position: 'right',
                formatter: (p: { dataIndex: number }) =>
                  formatMoneyShort(grades[p.dataIndex]?.profit ?? '0', i18n.language),
              },
              itemStyle: { color: '#f6bd16' },
              data: grades.map((g) => Math.max(0, (g.profitShare ?? 0) * 100)),
            },
          ],
        }}
      />
    </ChartCard>
  );
}
