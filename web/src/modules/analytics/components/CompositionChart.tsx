import { useState } from 'react';
import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { pickLocalised } from '../../../shared/format/localised';
import { runResultsPath } from '../../grading/resultsFilter';
import { useCompositionLabel } from '../hooks/useCompositionLabel';
import {
  compositionDimensions,
  type AnalyticsFilter,
  type CompositionDimension,
  type RunAnalytics,
} from '../api/analytics.api';
import { ProvinceMap } from '../map/ProvinceMap';

const TOP = 15;

type ProvinceView = 'map' | 'bars';

/**
 * Customers by industry, province, size, nature, type or lifecycle, split by grade; the biggest values first.
 * Provinces show on a map of China, or as the same ranked bars as the other dimensions. A bar opens its customers.
 */
export function CompositionChart({ data, filter }: { data: RunAnalytics; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const compositionLabel = useCompositionLabel();
  const [dimension, setDimension] = useState<CompositionDimension>('industry');
  const [provinceView, setProvinceView] = useState<ProvinceView>('map');
  const label = (key: string | null) => compositionLabel(dimension, key);
  /** A bar (one grade of one value) opens its customers in the run; the unknown value has no filter to carry. */
  const open = (keys: readonly (string | null | undefined)[], grade?: number) => {
    const values = keys.filter((key) => typeof key === 'string');
    if (values.length) void navigate(runResultsPath(data.runId, { ...filter, [dimension]: values, grade }));
  };
  const rows = data.composition[dimension] ?? [];
  const shown = rows.slice(0, TOP).reverse();
  const names = data.ladder.map((g) => pickLocalised(g.name, i18n.language));
  const title = t('dashboard.composition');
  return (
    <ChartCard
      title={title}
      exportName={`${title}-${t(`dashboard.dimension.${dimension}`)}`}
      rows={() => [
        [t(`dashboard.dimension.${dimension}`), ...names, t('dashboard.total')],
        ...rows.map((r) => [label(r.key), ...r.counts, r.total]),
      ]}
    >
      <Space wrap size={8}>
        <Segmented
          size="small"
          value={dimension}
          onChange={(value) => setDimension(value as CompositionDimension)}
          options={compositionDimensions.map((d) => ({ value: d, label: t(`dashboard.dimension.${d}`) }))}
        />
        {dimension === 'province' && (
          <Segmented<ProvinceView>
            size="small"
            value={provinceView}
            onChange={setProvinceView}
            options={[
              { value: 'map', label: t('dashboard.provinceMap') },
              { value: 'bars', label: t('dashboard.provinceBars') },
            ]}
          />
        )}
      </Space>
      {dimension === 'province' && provinceView === 'map' ? (
        <ProvinceMap
          data={data}
          exportName={`${title}-${t('dashboard.dimension.province')}`}
          onProvinceClick={open}
        />
      ) : (
        <Chart
          height={Math.max(220, 26 * shown.length + 60)}
          testId="composition-bars"
          onItemClick={({ dataIndex, seriesIndex }) => open([shown[dataIndex]?.key], seriesIndex)}
          exportName={`${title}-${t(`dashboard.dimension.${dimension}`)}`}
          option={{
            legend: { top: 4, left: 0 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: shown.map((r) => label(r.key)) },
            series: data.ladder.map((grade, i) => ({
              name: names[i],
              type: 'bar',
              stack: 'grades',
              itemStyle: { color: grade.color ?? undefined },
              data: shown.map((r) => r.counts[i] ?? 0),
            })),
          }}
        />
      )}
    </ChartCard>
  );
}
