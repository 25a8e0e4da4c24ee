import { Col } from 'antd';
import { QueryState } from '../../../shared/components/QueryState';
import type { AnalyticsFilter } from '../../analytics/api/analytics.api';
import { useClvByGrade, useGrowable } from '../hooks/useClv';
import { ClvByGradeChart } from './ClvByGradeChart';
import { GrowableTable } from './GrowableTable';

/** The dashboard's CLV panels (two columns of its grid): CLV per grade, and the most growable customers. */
export function ClvDashboard({ modelId, filter }: { modelId: number | undefined; filter: AnalyticsFilter }) {
  const byGrade = useClvByGrade(modelId, filter);
  const growable = useGrowable(modelId, filter);
  return (
    <>
      <Col xs={24} xl={12}>
        <QueryState query={byGrade} isEmpty={(data) => data.grades.every((g) => g.customers === 0)}>
          {(data) => <ClvByGradeChart data={data} />}
        </QueryState>
      </Col>
      <Col xs={24} xl={12}>
        <QueryState query={growable}>{(data) => <GrowableTable data={data} />}</QueryState>
      </Col>
    </>
  );
}
