import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowRightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { Chart } from '../shared/charts/Chart';
import { PagePanel } from '../shared/components/PagePanel';
import { CursorPager, useCursors } from '../shared/components/CursorPager';
import { ExportMenu } from '../shared/components/ExportMenu';
import { QueryState } from '../shared/components/QueryState';
import { formatDate, formatDateTime } from '../shared/format/dates';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import { gradingApi, type Grade, type Run, type RunResult } from '../modules/grading/api/grading.api';
import {
  comparedWith,
  narrowsCustomers,
  parseRunResultsFilter,
  runResultsQuery,
  type RunResultsFilter,
} from '../modules/grading/resultsFilter';
import { ResultsFilterTags } from '../modules/grading/components/ResultsFilterTags';
import { BulkAssignBar } from '../modules/customers/components/BulkAssignBar';
import { countsByGrade } from '../modules/grading/components/DistributionBar';
import { GradeTag, gradeAt } from '../modules/grading/components/GradeTag';
import { MigrationSankey, MigrationTable } from '../modules/grading/components/Migration';
import { migrationMatrix } from '../modules/grading/components/migration';
import {
  useRun,
  useRunMigration,
  useRunResults,
  useRuns,
  useVerifyRun,
} from '../modules/grading/hooks/useGrading';
import { useModelLookup } from '../modules/grading/hooks/useModelLookup';
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

/** The ladders of the run and of the run it is compared with: their model versions may name grades differently. */
interface Ladders {
  now: readonly Grade[];
  before: readonly Grade[];
}

function Migration({
  run,
  ladders,
  against,
  onCellClick,
  selected,
}: {
  run: Run;
  ladders: Ladders;
  against?: number;
  onCellClick: (from: number, to: number) => void;
  selected?: { from: number; to: number };
}) {
  const { t } = useTranslation();
  const migration = useRunMigration(run.id, against);
  return (
    <QueryState
      query={migration}
      isEmpty={(data) => data.fromRunId === null}
      emptyText={t('runDetail.noPrevious')}
    >
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

const signed = (value: number) => `${value > 0 ? '+' : ''}${value.toFixed(2)}`;

/**
 * The run's results the filter keeps: a grade here, a grade in the compared run (a migration cell), and the
 * dashboard's filters; compared with another run, each customer's grade there and the change of score. A manager
 * or an admin selects customers across pages and gives them a new account manager.
 */
function Results({
  run,
  ladders,
  filter,
  onFilter,
}: {
  run: Run;
  ladders: Ladders;
  filter: RunResultsFilter;
  onFilter: (filter: RunResultsFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const cursors = useCursors(filter);
  const results = useRunResults(run.id, filter, cursors.cursor);
  const compared = filter.against;
  const canAssign = useActor().role !== 'rep';
  const [selected, setSelected] = useState<number[]>([]);
  const options = (ladder: readonly Grade[]) =>
    ladder.map((g, i) => ({ value: i, label: pickLocalised(g.name, i18n.language) }));
  const narrowed =
    filter.grade !== undefined || filter.fromGrade !== undefined || filter.moved || narrowsCustomers(filter);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {compared !== undefined && (
          <>
            <Select
              allowClear
              style={{ width: 240 }}
              prefix={t('runDetail.inRun', { id: compared })}
              placeholder={t('runDetail.allGrades')}
              aria-label={t('runDetail.fromGradeFilter', { id: compared })}
              value={filter.fromGrade}
              onChange={(fromGrade?: number) => onFilter({ ...filter, fromGrade })}
              options={[
                ...options(ladders.before),
                { value: -1, label: t('runDetail.notGradedThen', { id: compared }) },
              ]}
            />
            <ArrowRightOutlined aria-hidden />
          </>
        )}
        <Select
          allowClear
          style={{ width: 240 }}
          prefix={compared === undefined ? undefined : t('runDetail.thisRun')}
          placeholder={t('runDetail.allGrades')}
          aria-label={t('runDetail.gradeFilter')}
          value={filter.grade}
          onChange={(grade?: number) => onFilter({ ...filter, grade })}
          options={
            compared === undefined
              ? options(ladders.now)
              : [...options(ladders.now), { value: -1, label: t('runDetail.notGradedNow') }]
          }
        />
        {compared !== undefined && (
          <Checkbox
            checked={filter.moved ?? false}
            onChange={(event) => onFilter({ ...filter, moved: event.target.checked || undefined })}
          >
            {t('runDetail.movedOnly')}
          </Checkbox>
        )}
        <ResultsFilterTags filter={filter} onFilter={onFilter} />
        {narrowed && (
          <Button type="link" onClick={() => onFilter({ against: filter.against })}>
            {t('runDetail.clearFilters')}
          </Button>
        )}
      </Space>
      <QueryState query={results}>
        {(page) => (
          <>
            {selected.length > 0 && (
              <BulkAssignBar
                selected={selected}
                onDone={() => {
                  setSelected([]);
                  void results.refetch();
                }}
              />
            )}
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              dataSource={page.items}
              rowSelection={
                canAssign
                  ? {
                      selectedRowKeys: selected,
                      preserveSelectedRowKeys: true,
                      onChange: (keys) => setSelected(keys as number[]),
                    }
                  : undefined
              }
              data-testid="run-results"
              scroll={{ x: true }}
              columns={[
                { title: t('customer.code'), dataIndex: 'code', key: 'code' },
                {
                  title: t('customer.name'),
                  key: 'name',
                  render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link>,
                },
                { title: t('customer.owner'), dataIndex: 'ownerName', key: 'owner' },
                ...(compared === undefined
                  ? []
                  : [
                      {
                        title: t('runDetail.gradeIn', { id: compared }),
                        key: 'previousGrade',
                        render: (_: unknown, r: RunResult) => (
                          <GradeTag grade={gradeAt(ladders.before, r.previousGrade)} />
                        ),
                      },
                    ]),
                {
                  title: compared === undefined ? t('grades.grade') : t('runDetail.gradeNow'),
                  key: 'grade',
                  render: (_, r) => <GradeTag grade={gradeAt(ladders.now, r.grade)} />,
                },
                {
                  title: t('grades.status'),
                  key: 'status',
                  render: (_, r) =>
                    r.status === 1 || r.status === 2 ? (
                      <Tag color={r.status === 2 ? 'purple' : 'gold'}>
                        {t(r.status === 2 ? 'gradeStatus.override' : 'gradeStatus.held')}
                      </Tag>
                    ) : null,
                },
                {
                  title: t('grades.score'),
                  key: 'score',
                  align: 'right',
                  render: (_, r) => r.score?.toFixed(2) ?? '—',
                },
                ...(compared === undefined
                  ? []
                  : [
                      {
                        title: t('runDetail.scoreChange'),
                        key: 'scoreChange',
                        align: 'right' as const,
                        render: (_: unknown, r: RunResult) =>
                          r.score === null || r.previousScore === null ? (
                            '—'
                          ) : (
                            <Typography.Text
                              type={
                                r.score > r.previousScore
                                  ? 'success'
                                  : r.score < r.previousScore
                                    ? 'danger'
                                    : undefined
                              }
                            >
                              {signed(r.score - r.previousScore)}
                            </Typography.Text>
                          ),
                      },
                    ]),
              ]}
            />
            <CursorPager
              cursors={cursors}
              nextCursor={page.nextCursor}
              summary={t('state.total', { total: page.total.toLocaleString() })}
            />
          </>
        )}
      </QueryState>
    </Space>
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
  const comparedRun = useRun(filter.against ?? run.data?.previousRunId ?? 0);
  const setFilter = (next: RunResultsFilter) => setSearch(new URLSearchParams(runResultsQuery(next)));
  if (!Number.isInteger(id) || id <= 0 || (run.error instanceof ApiError && run.error.isNotFound))
    return <NotFoundPage />;
  return (
    <QueryState query={run}>
      {(data) => {
        const model = byId.get(data.modelId);
        const ladder = data.ladder ?? model?.ladder ?? [];
        const against = filter.against ?? data.previousRunId ?? undefined;
        const results = comparedWith(filter, against);
        const ladders = { now: ladder, before: (against && comparedRun.data?.ladder) || ladder };
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
                  <Migration
                    run={data}
                    ladders={ladders}
                    against={against}
                    onCellClick={showCell}
                    selected={
                      filter.fromGrade !== undefined && filter.grade !== undefined
                        ? { from: filter.fromGrade, to: filter.grade }
                        : undefined
                    }
                  />
                </Card>
              </Col>
            </Row>
            <div ref={resultsCard}>
              <Card
                size="small"
                title={t('runDetail.results')}
                extra={<ExportMenu href={(format) => gradingApi.runExportUrl(data.id, format, results)} />}
              >
                <Results
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
