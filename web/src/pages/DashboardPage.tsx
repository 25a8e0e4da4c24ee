import { lazy, Suspense, useState } from 'react';
import { Col, Empty, Row, Skeleton, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { formatMoneyShort } from '../shared/format/money';
import { formatShare } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import type { AnalyticsFilter, RunAnalytics } from '../modules/analytics/api/analytics.api';
import { DashboardFilters, type DashboardSelection } from '../modules/analytics/components/DashboardFilters';
import { LorenzChart } from '../modules/analytics/components/LorenzChart';
import { PyramidChart } from '../modules/analytics/components/PyramidChart';
import { shareOfTop } from '../modules/analytics/components/lorenz';
import { useRunAnalytics } from '../modules/analytics/hooks/useAnalytics';
import { useModels, useRuns } from '../modules/grading/hooks/useGrading';
import { FigureRow } from '../shared/components/FigureRow';

const DashboardDetails = lazy(() => import('../modules/analytics/components/DashboardDetails'));

function Figures({ data }: { data: RunAnalytics }) {
  const { t, i18n } = useTranslation();
  const figures = [
    { key: 'population', title: t('dashboard.population'), value: data.population.toLocaleString() },
    {
      key: 'sales',
      title: t('dashboard.windowSales', { months: data.windowMonths }),
      value: formatMoneyShort(data.totals.sales, i18n.language),
    },
    {
      key: 'profit',
      title: t('dashboard.windowProfit', { months: data.windowMonths }),
      value: formatMoneyShort(data.totals.profit, i18n.language),
    },
    {
      key: 'top20',
      title: t('dashboard.top20Profit'),
      value: formatShare(shareOfTop(data.concentration.profit.points, 0.2)),
    },
    { key: 'gini', title: t('dashboard.giniSales'), value: data.concentration.sales.gini?.toFixed(3) ?? '—' },
  ];
  return <FigureRow figures={figures} testIdPrefix="figure" />;
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const models = useModels();
  const [picked, setPicked] = useState<DashboardSelection>({});
  const [filter, setFilter] = useState<AnalyticsFilter>({});
  const active = models.data?.items.filter((m) => m.active) ?? [];
  const modelId = picked.modelId ?? (active.find((m) => m.key === 'composite') ?? active[0])?.id;
  const runs = useRuns(modelId);
  // The model names its newest run, so the figures load alongside the run list rather than after it.
  const runId = picked.runId ?? active.find((m) => m.id === modelId)?.latestRunId ?? runs.data?.items[0]?.id;
  const summary = useRunAnalytics(runId, filter);
  const compareRunId = picked.compareRunId ?? summary.data?.previousRunId ?? undefined;
  return (
    <PagePanel
      title={t('dashboard.title')}
      extra={
        <DashboardFilters
          models={active}
          runs={runs.data?.items ?? []}
          selection={{ modelId, runId, compareRunId }}
          onSelect={setPicked}
          filter={filter}
          onFilter={setFilter}
          wide={actor.role !== 'rep'}
        />
      }
    >
      {runs.data && runs.data.items.length === 0 ? (
        <Empty description={t('dashboard.noRuns')} />
      ) : (
        <QueryState query={summary}>
          {(data) => (
            <Spin spinning={summary.isFetching && summary.isPlaceholderData}>
              <Row gutter={[16, 16]}>
                <Col span={24}>
                  <Figures data={data} />
                </Col>
                <Col xs={24} xl={12}>
                  <PyramidChart data={data} filter={filter} />
                </Col>
                <Col xs={24} xl={12}>
                  <LorenzChart data={data} />
                </Col>
                <Suspense
                  fallback={
                    <Col span={24}>
                      <Skeleton active />
                    </Col>
                  }
                >
                  <DashboardDetails
                    data={data}
                    modelId={modelId}
                    compareRunId={compareRunId}
                    filter={filter}
                  />
                </Suspense>
              </Row>
            </Spin>
          )}
        </QueryState>
      )}
    </PagePanel>
  );
}
