import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatDate } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import type { AnalyticsFilter, Trend } from '../api/analytics.api';
import { runResultsPath } from '../../grading/resultsFilter';

/** How the grade distribution moved over the model's runs, as stacked bars of counts; a bar opens its customers. */
export function TrendChart({ trend, filter }: { trend: Trend; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const title = t('dashboard.trend');
  const names = trend.ladder.map((g) => pickLocalised(g.name, i18n.language));
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [t('runs.asOf'), '#', ...names],
        ...trend.runs.map((run) => [run.asOf, run.runId, ...run.counts]),
      ]}
    >
      <Chart
        height={280}
        exportName={title}
        onItemClick={({ dataIndex, seriesIndex }) => {
          const run = trend.runs[dataIndex];
          if (run) void navigate(runResultsPath(run.runId, { ...filter, grade: seriesIndex }));
        }}
        option={{
          legend: { top: 0, left: 0 },
          tooltip: { trigger: 'axis' },
          grid: { left: 48, right: 16, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: trend.runs.map((run) => `${formatDate(run.asOf)} #${run.runId}`) },
          yAxis: { type: 'value', minInterval: 1 },
          series: trend.ladder.map((grade, i) => ({
            name: names[i],
            type: 'bar',
            stack: 'grades',
            barMaxWidth: 48,
            itemStyle: { color: grade.color ?? undefined },
            data: trend.runs.map((run) => run.counts[i] ?? 0),
          })),
        }}
      />
    </ChartCard>
  );
}
