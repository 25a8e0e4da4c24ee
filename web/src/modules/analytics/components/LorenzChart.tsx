import { useState } from 'react';
import { InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatShare } from '../../../shared/format/localised';
import type { RunAnalytics } from '../api/analytics.api';
import { shareOfTop } from './lorenz';

/** Pareto/Lorenz curves of sales and profit, best customers first, with a "top x % bring y %" readout and Gini. */
export function LorenzChart({ data }: { data: RunAnalytics }) {
  const { t } = useTranslation();
  const [top, setTop] = useState(20);
  const { sales, profit } = data.concentration;
  const title = t('dashboard.lorenz');
  const series = (name: string, points: typeof sales.points, color: string) => ({
    name,
    type: 'line' as const,
    showSymbol: false,
    smooth: false,
    itemStyle: { color },
    data: points.map((p) => [p.customers * 100, p.value * 100]),
  });
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [t('dashboard.customerShare'), t('dashboard.salesShare'), t('dashboard.profitShare')],
        ...sales.points.map((p, i) => [p.customers, p.value, profit.points[i]?.value ?? null]),
      ]}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }} data-testid="lorenz-readout">
        <Typography.Text>{t('dashboard.topPrefix')}</Typography.Text>
        <InputNumber
          size="small"
          min={1}
          max={100}
          value={top}
          onChange={(value) => setTop(value ?? 20)}
          aria-label={t('dashboard.topShare')}
          style={{ width: 64 }}
        />
        <Typography.Text>
          {t('dashboard.topReadout', {
            sales: formatShare(shareOfTop(sales.points, top / 100)),
            profit: formatShare(shareOfTop(profit.points, top / 100)),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          · Gini {t('dashboard.sales')} {sales.gini?.toFixed(3) ?? '—'} / {t('dashboard.profit')}{' '}
          {profit.gini?.toFixed(3) ?? '—'}
        </Typography.Text>
      </Space>
      <Chart
        height={260}
        exportName={title}
        option={{
          legend: { top: 0, left: 0 },
          tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
          grid: { left: 44, right: 16, top: 36, bottom: 36 },
          xAxis: {
            type: 'value',
            min: 0,
            max: 100,
            name: t('dashboard.customerShare'),
            nameLocation: 'middle',
            nameGap: 24,
            axisLabel: { formatter: '{value}%' },
          },
          yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
          series: [
            series(t('dashboard.sales'), sales.points, '#5b8ff9'),
            series(t('dashboard.profit'), profit.points, '#f6bd16'),
            {
              name: t('dashboard.equality'),
              type: 'line',
              showSymbol: false,
              lineStyle: { type: 'dashed', color: '#bfbfbf' },
              itemStyle: { color: '#bfbfbf' },
              data: [
                [0, 0],
                [100, 100],
              ],
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#ff4d4f' },
                label: { formatter: `${top}%` },
                data: [{ xAxis: top }],
              },
            },
          ],
        }}
      />
    </ChartCard>
  );
}
