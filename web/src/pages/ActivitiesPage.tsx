import { useState } from 'react';
import { Col, DatePicker, Row, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FigureRow } from '../shared/components/FigureRow';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { enumKey, enums, type ActivityKind } from '../shared/enums';
import { useActor } from '../modules/auth/hooks/useSession';
import type { ActivityFilter, ActivitySummary } from '../modules/activities/api/activities.api';
import { ActivityLogList } from '../modules/activities/components/ActivityLogList';
import { ActivityUserTable } from '../modules/activities/components/ActivityUserTable';
import { useActivitySummary } from '../modules/activities/hooks/useActivityLog';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { OwnerFilter } from '../modules/users/components/OwnerFilter';

const isoDay = (value: Dayjs) => value.format('YYYY-MM-DD');

function Totals({ summary }: { summary: ActivitySummary }) {
  const { t } = useTranslation();
  const visits = summary.total.byKind.find((k) => k.kind === 'visit')?.count ?? 0;
  return (
    <FigureRow
      testIdPrefix="activities"
      figures={[
        { key: 'count', title: t('activityLog.count'), value: summary.total.count.toLocaleString() },
        { key: 'visits', title: t('activityLog.visits'), value: visits.toLocaleString() },
        {
          key: 'customers',
          title: t('activityLog.customers'),
          value: summary.total.customers.toLocaleString(),
        },
        { key: 'people', title: t('activityLog.people'), value: summary.users.length.toLocaleString() },
      ]}
    />
  );
}

/** What following up was done, by whom and with whom: this month unless another period is chosen. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [filter, setFilter] = useState<ActivityFilter>(() => ({
    from: isoDay(dayjs().startOf('month')),
    to: isoDay(dayjs()),
  }));
  const summary = useActivitySummary(filter);
  return (
    <PagePanel
      title={t('activityLog.title')}
      extra={
        <Space wrap size={8}>
          <OwnerFilter
            label={t('activityLog.user')}
            value={filter.userId}
            onChange={(userId) => setFilter({ ...filter, userId })}
          />
          <AdminTeamFilter value={filter.teamId} onChange={(teamId) => setFilter({ ...filter, teamId })} />
          <Select<ActivityKind[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            aria-label={t('activityLog.kind')}
            placeholder={t('activityLog.kind')}
            style={{ minWidth: 160 }}
            value={[...(filter.kind ?? [])]}
            onChange={(kind) => setFilter({ ...filter, kind })}
            options={enums.activityKind.map((kind) => ({
              value: kind,
              label: t(enumKey('activityKind', kind)),
            }))}
          />
          <DatePicker.RangePicker
            aria-label={t('activityLog.period')}
            allowClear={false}
            value={[dayjs(filter.from), dayjs(filter.to)]}
            onChange={(range) =>
              range?.[0] && range[1] && setFilter({ ...filter, from: isoDay(range[0]), to: isoDay(range[1]) })
            }
          />
        </Space>
      }
    >
      <QueryState query={summary}>
        {(data) => (
          <Spin spinning={summary.isFetching && summary.isPlaceholderData}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Totals summary={data} />
              </Col>
              {actor.role !== 'rep' && (
                <Col span={24}>
                  <ActivityUserTable
                    summary={data}
                    onSelectUser={(userId) => setFilter({ ...filter, userId })}
                  />
                </Col>
              )}
              <Col span={24}>
                <ActivityLogList filter={filter} />
              </Col>
            </Row>
          </Spin>
        )}
      </QueryState>
    </PagePanel>
  );
}
