import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { runResultsPath } from '../../grading/resultsFilter';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { QueryState } from '../../../shared/components/QueryState';
import {
  migrationRows,
  MigrationSankey,
  MigrationTable,
  useMigrationLabels,
  type MigrationData,
} from '../../grading/components/Migration';
import { migrationMatrix, movedCount } from '../../grading/components/migration';
import type { AnalyticsFilter } from '../api/analytics.api';
import { useFilteredMigration } from '../hooks/useAnalytics';

function Body({
  data,
  title,
  onCellClick,
  moversLink,
}: {
  data: MigrationData;
  title: string;
  onCellClick: (from: number, to: number) => void;
  moversLink: string;
}) {
  const { t } = useTranslation();
  const labels = useMigrationLabels(data);
  // The movers the run still grades: its last column (those who left) is a cell of its own.
  const movers = movedCount(data.matrix.map((row) => row.slice(0, -1)));
  return (
    <ChartCard
      title={title}
      extra={<Link to={moversLink}>{t('dashboard.openMovers', { count: movers })}</Link>}
      exportName={title}
      rows={() => migrationRows(data, labels, t('migration.fromTo'))}
    >
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <MigrationTable data={data} onCellClick={onCellClick} />
        </Col>
        <Col xs={24} xl={13}>
          <MigrationSankey data={data} exportName={title} height={280} />
        </Col>
      </Row>
    </ChartCard>
  );
}

/** Grade migration between two runs among the filtered customers: matrix and Sankey; a count opens its customers. */
export function MigrationCard({
  fromRunId,
  toRunId,
  filter,
}: {
  fromRunId?: number;
  toRunId: number;
  filter: AnalyticsFilter;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const migration = useFilteredMigration(fromRunId, toRunId, filter);
  const title = t('dashboard.migration', { from: fromRunId ?? '—', to: toRunId });
  if (fromRunId === undefined)
    return (
      <ChartCard title={title} exportName={title} rows={() => []}>
        {t('runDetail.noPrevious')}
      </ChartCard>
    );
  return (
    <QueryState query={migration}>
      {(data) => (
        <Body
          title={title}
          moversLink={runResultsPath(toRunId, { ...filter, against: fromRunId, moved: true })}
          onCellClick={(fromGrade, grade) =>
            void navigate(runResultsPath(toRunId, { ...filter, against: fromRunId, fromGrade, grade }))
          }
          data={{
            from: data.ladders.from,
            to: data.ladders.to,
            matrix: migrationMatrix(data.cells, data.ladders.from.length, data.ladders.to.length),
          }}
        />
      )}
    </QueryState>
  );
}
