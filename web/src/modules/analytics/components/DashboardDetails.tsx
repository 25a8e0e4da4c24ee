import { Col } from 'antd';
import { QueryState } from '../../../shared/components/QueryState';
import { ClvDashboard } from '../../clv/components/ClvDashboard';
import { ReferralCard } from '../../referrals/components/ReferralCard';
import type { AnalyticsFilter, RunAnalytics } from '../api/analytics.api';
import { useTrend } from '../hooks/useAnalytics';
import { BehaviourTable } from './BehaviourTable';
import { CompositionChart } from './CompositionChart';
import { DashboardFunnel } from './DashboardFunnel';
import { MigrationCard } from './MigrationCard';
import { TrendChart } from './TrendChart';

interface Props {
  readonly data: RunAnalytics;
  readonly modelId: number | undefined;
  readonly compareRunId: number | undefined;
  readonly filter: AnalyticsFilter;
}

/**
 * The dashboard's panels below the headline figures, the pyramid and the Lorenz curve: loaded as a chunk of their
 * own, so that the first screen shows without waiting for their code and data.
 */
export default function DashboardDetails({ data, modelId, compareRunId, filter }: Props) {
  const trend = useTrend(modelId, filter);
  return (
    <>
      <Col span={24}>
        <MigrationCard fromRunId={compareRunId} toRunId={data.runId} filter={filter} />
      </Col>
      <Col xs={24} xl={12}>
        <QueryState query={trend}>{(value) => <TrendChart trend={value} filter={filter} />}</QueryState>
      </Col>
      <Col xs={24} xl={12}>
        <CompositionChart data={data} filter={filter} />
      </Col>
      <Col span={24}>
        <BehaviourTable data={data} filter={filter} />
      </Col>
      <Col span={24}>
        <DashboardFunnel filter={filter} />
      </Col>
      <Col span={24}>
        <ReferralCard runId={data.runId} filter={filter} />
      </Col>
      <ClvDashboard modelId={modelId} filter={filter} />
    </>
  );
}
