import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Select, Space, Table, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
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
import { gradingApi, type Grade, type Run } from '../modules/grading/api/grading.api';
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

function Migration({ run, ladder, against }: { run: Run; ladder: readonly Grade[]; against?: number }) {
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
          from: ladder,
          to: ladder,
          matrix: migrationMatrix(data.cells, ladder.length, ladder.length),
        };
        return (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <MigrationTable data={matrix} />
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

function Results({ run, ladder }: { run: Run; ladder: readonly Grade[] }) {
  const { t, i18n } = useTranslation();
  const [grade, setGrade] = useState<number | undefined>();
  const cursors = useCursors();
  const results = useRunResults(run.id, grade, cursors.cursor);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        style={{ width: 220 }}
        placeholder={t('runDetail.allGrades')}
        aria-label={t('runDetail.gradeFilter')}
        value={grade}
        onChange={(value?: number) => {
          setGrade(value);
          cursors.reset();
        }}
        options={ladder.map((g, i) => ({ value: i, label: pickLocalised(g.name, i18n.language) }))}
      />
      <QueryState query={results}>
        {(page) => (
          <>
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              dataSource={page.items}
              data-testid="run-results"
              columns={[
                { title: t('customer.code'), dataIndex: 'code', key: 'code' },
                {
                  title: t('customer.name'),
                  key: 'name',
                  render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link>,
                },
                { title: t('customer.owner'), dataIndex: 'ownerName', key: 'owner' },
                {
                  title: t('grades.grade'),
                  key: 'grade',
                  render: (_, r) => <GradeTag grade={gradeAt(ladder, r.grade)} />,
                },
                {
                  title: t('grades.status'),
                  key: 'status',
                  render: (_, r) =>
                    r.status === 0 ? null : (
                      <Tag color={r.status === 2 ? 'purple' : 'gold'}>
                        {t(r.status === 2 ? 'gradeStatus.override' : 'gradeStatus.held')}
                      </Tag>
                    ),
                },
                {
                  title: t('grades.score'),
                  key: 'score',
                  align: 'right',
                  render: (_, r) => r.score?.toFixed(2) ?? '—',
                },
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
  const [against, setAgainst] = useState<number | undefined>();
  if (!Number.isInteger(id) || id <= 0 || (run.error instanceof ApiError && run.error.isNotFound))
    return <NotFoundPage />;
  return (
    <QueryState query={run}>
      {(data) => {
        const model = byId.get(data.modelId);
        const ladder = model?.ladder ?? [];
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PagePanel
              title={t('runDetail.title', { id: data.id, model: pickLocalised(model?.name, i18n.language) })}
              extra={
                <Space>
                  <ExportMenu href={(format) => gradingApi.runExportUrl(data.id, format)} />
                  {actor.role !== 'rep' && <Verify runId={data.id} />}
                </Space>
              }
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
                  title={
                    (against ?? data.previousRunId)
                      ? t('runDetail.migrationVs', { id: against ?? data.previousRunId })
                      : t('runDetail.migration')
                  }
                  extra={<CompareSelect run={data} value={against} onChange={setAgainst} />}
                  style={{ height: '100%' }}
                >
                  <Migration run={data} ladder={ladder} against={against} />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('runDetail.results')}>
              <Results run={data} ladder={ladder} />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
