import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { echarts } from './echarts';

interface ChartProps {
  option: EChartsOption;
  height?: number;
  /** File name of the PNG the chart's toolbox saves. */
  exportName?: string;
  testId?: string;
  /** A click on a data item (a bar, a slice), by its index in its series. */
  onItemClick?: (item: { dataIndex: number; seriesIndex: number }) => void;
}

/** An ECharts chart with a "save as PNG" button in its corner when it has an export name. */
export function Chart({ option, height = 300, exportName, testId, onItemClick }: ChartProps) {
  const { t } = useTranslation();
  const toolbox = exportName
    ? {
        right: 8,
        top: 0,
        feature: { saveAsImage: { title: t('chart.savePng'), name: exportName, pixelRatio: 2 } },
      }
    : undefined;
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animationDuration: 400, ...option, ...(toolbox ? { toolbox } : {}) }}
        notMerge
        lazyUpdate
        onEvents={onItemClick ? { click: onItemClick } : undefined}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
