import { useState } from 'react';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FigureRow } from '../shared/components/FigureRow';
import { PagePanel } from '../shared/components/PagePanel';
import { PeriodPicker, monthToDate } from '../shared/components/PeriodPicker';
import { ReportLayout } from '../shared/components/ReportLayout';
import { enumKey, enums, type ActivityKind } from '../shared/enums';
import type { ActivityFilter, ActivitySummary } from '../modules/activities/api/activities.api';
import { ActivityLogList } from '../modules/activities/components/ActivityLogList';
import { ActivityUserTable } from '../modules/activities/components/ActivityUserTable';
import { useActivitySummary } from '../modules/activities/hooks/useActivityLog';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { OwnerFilter } from '../modules/users/components/OwnerFilter';

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
  const [filter, setFilter] = useState<ActivityFilter>(monthToDate);
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
          <PeriodPicker
            label={t('activityLog.period')}
            from={filter.from}
            to={filter.to}
            onChange={(period) => setFilter({ ...filter, ...period })}
          />
        </Space>
      }
    >
      <ReportLayout
        summary={summary}
        figures={(data) => <Totals summary={data} />}
        perPerson={(data) => (
          <ActivityUserTable summary={data} onSelectUser={(userId) => setFilter({ ...filter, userId })} />
        )}
        list={<ActivityLogList filter={filter} />}
      />
    </PagePanel>
  );
}
