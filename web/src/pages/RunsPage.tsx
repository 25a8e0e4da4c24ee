import { useState } from 'react';
import { Button, Select, Space, Table, Tag } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { formatDate, formatDateTime } from '../shared/format/dates';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import { countsByGrade, DistributionBar } from '../modules/grading/components/DistributionBar';
import { StartRunModal } from '../modules/grading/components/StartRunModal';
import { useRuns } from '../modules/grading/hooks/useGrading';
import { useModelLookup } from '../modules/grading/hooks/useModelLookup';

export default function RunsPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const modelId = Number(params.get('modelId')) || undefined;
  const runs = useRuns(modelId);
  const { models, byId } = useModelLookup();
  const [starting, setStarting] = useState(false);
  return (
    <PagePanel
      title={t('runs.title')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 280 }}
            placeholder={t('runs.allModels')}
            aria-label={t('runs.model')}
            value={modelId}
            onChange={(value?: number) => setParams(value ? { modelId: String(value) } : {})}
            options={(models.data?.items ?? []).map((m) => ({
              value: m.id,
              label: pickLocalised(m.name, i18n.language),
            }))}
          />
          {actor.role !== 'rep' && (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => setStarting(true)}
              disabled={!models.data}
            >
              {t('runs.start')}
            </Button>
          )}
        </Space>
      }
    >
      <QueryState query={runs} isEmpty={(data) => data.items.length === 0} emptyText={t('runs.empty')}>
        {(data) => (
          <Table
            size="middle"
            rowKey="id"
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: '#',
                dataIndex: 'id',
                key: 'id',
                render: (id: number) => <Link to={`/grading/runs/${id}`}>{id}</Link>,
              },
              {
                title: t('runs.model'),
                key: 'model',
                render: (_, run) => (
                  <Link to={`/grading/runs/${run.id}`}>
                    {pickLocalised(byId.get(run.modelId)?.name, i18n.language)}
                  </Link>
                ),
              },
              {
                title: t('runs.version'),
                dataIndex: 'version',
                key: 'version',
                render: (v: number) => `v${v}`,
              },
              { title: t('runs.asOf'), dataIndex: 'asOf', key: 'asOf', render: formatDate },
              {
                title: t('runs.trigger'),
                dataIndex: 'trigger',
                key: 'trigger',
                render: (v: string) => <Tag>{t(`runTrigger.${v}`)}</Tag>,
              },
              {
                title: t('runs.population'),
                dataIndex: 'population',
                key: 'population',
                align: 'right',
                render: (v: number) => v.toLocaleString(),
              },
              {
                title: t('runs.distribution'),
                key: 'distribution',
                render: (_, run) => {
                  const ladder = byId.get(run.modelId)?.ladder ?? [];
                  return (
                    <DistributionBar
                      ladder={ladder}
                      counts={countsByGrade(run.distribution, ladder.length)}
                    />
                  );
                },
              },
              {
                title: t('runs.duration'),
                key: 'duration',
                align: 'right',
                render: (_, run) =>
                  run.timings.totalMs === undefined
                    ? '—'
                    : t('runs.ms', { ms: Math.round(run.timings.totalMs) }),
              },
              {
                title: t('runs.finishedAt'),
                dataIndex: 'finishedAt',
                key: 'finishedAt',
                render: formatDateTime,
              },
            ]}
          />
        )}
      </QueryState>
      {starting && models.data && (
        <StartRunModal
          models={models.data.items}
          initialModelId={modelId}
          onClose={() => setStarting(false)}
        />
      )}
    </PagePanel>
  );
}
