import { Input, Switch, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { formatDateTime } from '../shared/format/dates';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import { GradeTag } from '../modules/grading/components/GradeTag';
import { useChangeModel, useModels } from '../modules/grading/hooks/useGrading';

export default function ModelsPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const models = useModels();
  const change = useChangeModel();
  const canEdit = actor.role !== 'rep';
  return (
    <PagePanel title={t('models.title')}>
      <QueryState query={models} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <Table
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={data.items}
            columns={[
              {
                title: t('models.name'),
                key: 'name',
                render: (_, m) => (
                  <Link to={`/grading/models/${m.id}`}>{pickLocalised(m.name, i18n.language)}</Link>
                ),
              },
              {
                title: t('models.method'),
                key: 'method',
                render: (_, m) => <Tag>{t(`method.${m.method}`)}</Tag>,
              },
              {
                title: t('models.ladder'),
                key: 'ladder',
                render: (_, m) => m.ladder.map((g) => <GradeTag key={g.code} grade={g} />),
              },
              { title: t('runs.version'), key: 'version', render: (_, m) => `v${m.currentVersion}` },
              {
                title: t('models.active'),
                key: 'active',
                render: (_, m) => (
                  <Switch
                    size="small"
                    checked={m.active}
                    disabled={!canEdit}
                    aria-label={`${t('models.active')} ${pickLocalised(m.name, i18n.language)}`}
                    onChange={(active) => change.mutate({ id: m.id, active })}
                  />
                ),
              },
              {
                title: t('models.schedule'),
                key: 'schedule',
                width: 200,
                render: (_, m) =>
                  canEdit ? (
                    <Input
                      size="small"
                      defaultValue={m.schedule ?? ''}
                      placeholder={t('models.noSchedule')}
                      aria-label={`${t('models.schedule')} ${pickLocalised(m.name, i18n.language)}`}
                      onBlur={(e) => {
                        const schedule = e.target.value.trim() || null;
                        if (schedule !== m.schedule) change.mutate({ id: m.id, schedule });
                      }}
                    />
                  ) : (
                    (m.schedule ?? t('models.noSchedule'))
                  ),
              },
              {
                title: t('models.updatedAt'),
                key: 'updatedAt',
                render: (_, m) => formatDateTime(m.updatedAt),
              },
            ]}
          />
        )}
      </QueryState>
      {change.error && <Tag color="error">{change.error.message}</Tag>}
    </PagePanel>
  );
}
