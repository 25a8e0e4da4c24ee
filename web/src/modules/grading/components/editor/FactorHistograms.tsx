import { Col, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../../shared/charts/Chart';
import { QueryState } from '../../../../shared/components/QueryState';
import type { FactorPreview, FactorPreviewRequest } from '../../api/grading.api';
import { useFactorPreview } from '../../hooks/useFactorPreview';
import { histogramBars } from './histogramBars';

function Histogram({
  title,
  bars,
  color,
  testId,
}: {
  title: string;
  bars: { label: string; count: number }[];
  color: string;
  testId: string;
}) {
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <Chart
        height={130}
        testId={testId}
        option={{
          animation: false,
          grid: { left: 4, right: 4, top: 8, bottom: 4, containLabel: true },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { fontSize: 10 } },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
          series: [
            { type: 'bar', barCategoryGap: '8%', itemStyle: { color }, data: bars.map((b) => b.count) },
          ],
        }}
      />
    </>
  );
}

/**
 * The factor's metric over the current population and the 0–100 score its normaliser gives it, refreshed (after a
 * pause) whenever the metric, normaliser, direction or model-wide settings change.
 */
export function FactorHistograms({ request, factorId }: { request: FactorPreviewRequest; factorId: string }) {
  const { t, i18n } = useTranslation();
  const preview = useFactorPreview(request);
  return (
    <div style={{ marginTop: 8 }} data-testid={`histograms-${factorId}`}>
      <QueryState query={preview}>
        {(data: FactorPreview) => {
          const { raw, score } = histogramBars(data, i18n.language, t('editor.histogramOthers'));
          return (
            <Spin spinning={preview.isFetching} size="small">
              <Row gutter={12}>
                <Col span={12}>
                  <Histogram
                    title={t('editor.histogramRaw', {
                      count: data.population,
                      nulls: data.raw.nulls,
                    })}
                    bars={raw}
                    color="#8c8c8c"
                    testId={`histogram-raw-${factorId}`}
                  />
                </Col>
                <Col span={12}>
                  <Histogram
                    title={t('editor.histogramScore', { nulls: data.score.nulls })}
                    bars={score}
                    color="#1677ff"
                    testId={`histogram-score-${factorId}`}
                  />
                </Col>
              </Row>
            </Spin>
          );
        }}
      </QueryState>
    </div>
  );
}
