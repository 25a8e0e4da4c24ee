import { useRef } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Select, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { Chart } from '../shared/charts/Chart';
import { PagePanel } from '../shared/components/PagePanel';
import { ExportMenu } from '../shared/components/ExportMenu';
import { QueryState } from '../shared/components/QueryState';
import { formatDate, formatDateTime } from '../shared/format/dates';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import { gradingApi, type Grade, type Run } from '../modules/grading/api/grading.api';
import {
  comparedWith,
  parseRunResultsFilter,
  runResultsQuery,
  type RunResultsFilter,
} from '../modules/grading/resultsFilter';
import { countsByGrade } from '../modules/grading/components/DistributionBar';
import { MigrationSankey, MigrationTable } from '../modules/grading/components/Migration';
import { migrationMatrix } from '../modules/grading/components/migration';
import { useRun, useRuns, useVerifyRun } from '../modules/grading/hooks/useGrading';
import { useFilteredMigration } from '../modules/analytics/hooks/useAnalytics';
import { useModelLookup } from '../modules/grading/hooks/useModelLookup';
import { RunResults, type Ladders } from '../modules/grading/components/RunResults';
import NotFoundPage from './NotFoundPage';

function Distribution({ run, ladder }: { run: Run; ladder: readonly Grade[] }) {
  const { t, i18n } = useTranslation();
  const counts = countsByGrade(run.distribution, ladder.length);
  return (
    <Chart
      height={260}
      exportName={t('runDetail.distribution')}
      option={{
        grid: { left: 48, right: 16, top: 32, bottom: 30 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: ladder.map((g) => pickLocalised(g.name, i18n.language)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            label: { show: true, position: 'top' },
            data: counts.map((value, i) => ({ value, itemStyle: { color: ladder[i]?.color ?? '#1677ff' } })),
          },
        ],
      }}
    />
  );
}

/**
 * The migration from the compared run, from the analytics' statement (the dashboard's, served from the kept
 * summary when compared with the previous run); the compared run's ladder comes with it.
 */
function Migration({
  migration,
  ladders,
  onCellClick,
  selected,
}: {
  migration: ReturnType<typeof useFilteredMigration>;
  ladders: Ladders;
  onCellClick: (from: number, to: number) => void;
  selected?: { from: number; to: number };
}) {
  const { t } = useTranslation();
  return (
    <QueryState query={migration}>
      {(data) => {
        const matrix = {
          from: ladders.before,
          to: ladders.now,
          matrix: migrationMatrix(data.cells, ladders.before.length, ladders.now.length),
        };
        return (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <MigrationTable data={matrix} onCellClick={onCellClick} selected={selected} />
              <Typography.Text type="secondary">{t('runDetail.cellHint')}</Typography.Text>
            </Col>
            <Col xs={24} xl={12}>
              <MigrationSankey data={matrix} exportName={t('runDetail.migration')} height={280} />
            </Col>
          </Row>
        );
      }}
    </QueryState>
  );
}

function Verify({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const verify = useVerifyRun();
  return (
    <Space>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate(runId)}
      >
        {t('runDetail.verify')}
      </Button>
      {verify.data && (
        <Alert
          type={verify.data.identical ? 'success' : 'error'}
          showIcon
          title={
            verify.data.identical
              ? t('runDetail.identical')
              : t('runDetail.different', { count: verify.data.differences })
          }
          style={{ padding: '2px 12px' }}
        />
      )}
      {verify.error && (
        <Alert type="error" showIcon title={verify.error.message} style={{ padding: '2px 12px' }} />
      )}
    </Space>
  );
}

/** Another run of the same model to compare with; the previous run unless one is chosen. */
function CompareSelect({
  run,
  value,
  onChange,
}: {
  run: Run;
  value?: number;
  onChange: (id?: number) => void;
}) {
  const { t } = useTranslation();
  const runs = useRuns(run.modelId);
  return (
    <Select
      size="small"
      allowClear
      style={{ width: 220 }}
      aria-label={t('dashboard.compareWith')}
      placeholder={t('dashboard.compareWith')}
      value={value}
      onChange={onChange}
      options={(runs.data?.items ?? [])
        .filter((other) => other.id !== run.id)
        .map((other) => ({
          value: other.id,
          label: `#${other.id} · ${formatDate(other.asOf)} · v${other.version}`,
        }))}
    />
  );
}

export default function RunDetailPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const id = Number(useParams().id);
  const run = useRun(id);
  const { byId } = useModelLookup();
  const [search, setSearch] = useSearchParams();
  const resultsCard = useRef<HTMLDivElement>(null);
  const filter = parseRunResultsFilter(search);
  const against = filter.against ?? run.data?.previousRunId ?? undefined;
  const migration = useFilteredMigration(against, run.data?.id, {});
  const setFilter = (next: RunResultsFilter) => setSearch(new URLSearchParams(runResultsQuery(next)));
  if (!Number.isInteger(id) || id <= 0 || (run.error instanceof ApiError && run.error.isNotFound))
    return <NotFoundPage />;
  return (
    <QueryState query={run}>
      {(data) => {
        const model = byId.get(data.modelId);
        const ladder = data.ladder ?? model?.ladder ?? [];
        const results = comparedWith(filter, against);
        const ladders = { now: ladder, before: migration.data?.ladders.from ?? ladder };
        const showCell = (fromGrade: number, grade: number) => {
          setFilter({ ...results, fromGrade, grade, moved: undefined });
          resultsCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        };
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PagePanel
              title={t('runDetail.title', { id: data.id, model: pickLocalised(model?.name, i18n.language) })}
              extra={actor.role !== 'rep' && <Verify runId={data.id} />}
            >
              <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }}>
                <Descriptions.Item label={t('runs.version')}>v{data.version}</Descriptions.Item>
                <Descriptions.Item label={t('runs.asOf')}>{formatDate(data.asOf)}</Descriptions.Item>
                <Descriptions.Item label={t('runs.trigger')}>
                  {t(`runTrigger.${data.trigger}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('runs.population')}>
                  {data.population.toLocaleString()}
                </Descriptions.Item>
                <Descriptions.Item label={t('runs.duration')}>
                  {t('runs.ms', { ms: Math.round(data.timings.totalMs ?? 0) })}
                </Descriptions.Item>
                <Descriptions.Item label={t('runs.finishedAt')}>
                  {formatDateTime(data.finishedAt)}
                </Descriptions.Item>
              </Descriptions>
            </PagePanel>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={8}>
                <Card size="small" title={t('runDetail.distribution')} style={{ height: '100%' }}>
                  <Distribution run={data} ladder={ladder} />
                </Card>
              </Col>
              <Col xs={24} xl={16}>
                <Card
                  size="small"
                  title={against ? t('runDetail.migrationVs', { id: against }) : t('runDetail.migration')}
                  extra={
                    <CompareSelect
                      run={data}
                      value={filter.against}
                      onChange={(other) =>
                        setFilter({
                          ...filter,
                          against: other,
                          fromGrade: undefined,
                          grade: filter.grade === -1 ? undefined : filter.grade,
                        })
                      }
                    />
                  }
                  style={{ height: '100%' }}
                >
                  {against === undefined ? (
                    <Empty description={t('runDetail.noPrevious')} />
                  ) : (
                    <Migration
                      migration={migration}
                      ladders={ladders}
                      onCellClick={showCell}
                      selected={
                        filter.fromGrade !== undefined && filter.grade !== undefined
                          ? { from: filter.fromGrade, to: filter.grade }
                          : undefined
                      }
                    />
                  )}
                </Card>
              </Col>
            </Row>
            <div ref={resultsCard}>
              <Card
                size="small"
                title={t('runDetail.results')}
                extra={<ExportMenu href={(format) => gradingApi.runExportUrl(data.id, format, results)} />}
              >
                <RunResults
                  key={runResultsQuery(results)}
                  run={data}
                  ladders={ladders}
                  filter={results}
                  onFilter={setFilter}
                />
              </Card>
            </div>
          </Space>
        );
      }}
    </QueryState>
  );
}
