import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCursors } from '../../../shared/components/CursorPager';
import {
  CustomerRecordList,
  customerColumn,
  personColumn,
} from '../../../shared/components/CustomerRecordList';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { formatDateTime } from '../../../shared/format/dates';
import { enumKey } from '../../../shared/enums';
import { activitiesApi, type Activity, type ActivityFilter } from '../api/activities.api';
import { useActivityList } from '../hooks/useActivityLog';
import { activityIcons } from './ActivityTimeline';

const PAGE_SIZE = 20;

/** The follow-ups the page's filters match, newest first, each with its customer, contact and who did it. */
export function ActivityLogList({ filter }: { filter: ActivityFilter }) {
  const { t } = useTranslation();
  const cursors = useCursors(filter);
  const list = useActivityList({ ...filter, cursor: cursors.cursor, limit: PAGE_SIZE });
  return (
    <CustomerRecordList
      testId="activity-log"
      title={t('activityLog.list')}
      actions={<ExportMenu href={(format) => activitiesApi.exportUrl(filter, format)} />}
      list={list}
      cursors={cursors}
      emptyText={t('activityLog.empty')}
      countLabel={(count) => t('activityLog.countLabel', { count })}
      columns={[
        { title: t('activityLog.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
        customerColumn<Activity>(t('activityLog.customer')),
        {
          title: t('activityLog.kind'),
          dataIndex: 'kind',
          render: (kind: Activity['kind']) => (
            <Tag icon={activityIcons[kind]}>{t(enumKey('activityKind', kind))}</Tag>
          ),
        },
        { title: t('activityLog.subject'), dataIndex: 'subject', ellipsis: true },
        personColumn<Activity>(t('activityLog.contact'), 'contactName'),
        personColumn<Activity>(t('activityLog.user'), 'userName'),
        {
          title: t('activityLog.nextAction'),
          dataIndex: 'nextActionAt',
          render: (at: string | null) => (at ? formatDateTime(at) : '—'),
        },
      ]}
    />
  );
}
