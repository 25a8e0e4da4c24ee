import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { QueryState } from '../../../shared/components/QueryState';
import { pickLocalised } from '../../../shared/format/localised';
import type { RunAnalytics } from '../api/analytics.api';
import { CHINA, loadChinaMap } from './chinaMap';
import { toMapRegions } from './provinceNames';

/**
 * Customers per province on a map of China, shaded by count; the tooltip splits them by grade. A province opens its
 * customers: `onProvinceClick` gets the names its records use.
 */
export function ProvinceMap({
  data,
  exportName,
  onProvinceClick,
}: {
  data: RunAnalytics;
  exportName: string;
  onProvinceClick: (keys: readonly string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const map = useQuery({ queryKey: ['geo', CHINA], queryFn: loadChinaMap, staleTime: Infinity });
  const names = data.ladder.map((g) => pickLocalised(g.name, i18n.language));
  return (
    <QueryState query={map}>
      {(mapNames) => {
        const { regions, unmatched } = toMapRegions(data.composition.province ?? [], mapNames);
        const max = Math.max(1, ...regions.map((r) => r.value));
        return (
          <>
            <Chart
              height={380}
              exportName={exportName}
              testId="province-map"
              onItemClick={({ dataIndex }) => {
                const region = regions[dataIndex];
                if (region) onProvinceClick(region.keys);
              }}
              option={{
                tooltip: {
                  trigger: 'item',
                  formatter: (params: unknown) => {
                    const { name, dataIndex } = params as { name: string; dataIndex: number };
                    const region = regions.find((r) => r.name === name);
                    if (!region || dataIndex < 0) return `${name}: 0`;
                    const lines = region.counts.map((count, i) => `${names[i]}: ${count.toLocaleString()}`);
                    return [`<b>${name}</b> · ${region.value.toLocaleString()}`, ...lines].join('<br/>');
                  },
                },
                visualMap: {
                  type: 'continuous',
                  min: 0,
                  max,
                  left: 8,
                  bottom: 8,
                  calculable: true,
                  text: [t('dashboard.mapMore'), t('dashboard.mapFewer')],
                  inRange: { color: ['#e6f4ff', '#1677ff', '#002c8c'] },
                },
                series: [
                  {
                    type: 'map',
                    map: CHINA,
                    roam: false,
                    layoutCenter: ['50%', '52%'],
                    layoutSize: '100%',
                    label: { show: false },
                    emphasis: { label: { show: true } },
                    data: regions.map((r) => ({ name: r.name, value: r.value })),
                  },
                ],
              }}
            />
            {unmatched > 0 && (
              <Typography.Text type="secondary">
                {t('dashboard.mapUnmatched', { count: unmatched })}
              </Typography.Text>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
