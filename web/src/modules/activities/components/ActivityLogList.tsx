import { Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { QueryState } from '../../../shared/components/QueryState';
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
    <section data-testid="activity-log">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('activityLog.list')}
        </Typography.Title>
        <ExportMenu href={(format) => activitiesApi.exportUrl(filter, format)} />
      </Flex>
      <QueryState query={list} isEmpty={(page) => page.items.length === 0} emptyText={t('activityLog.empty')}>
        {(page) => (
          <>
            <Table<Activity>
              size="small"
              rowKey="id"
              pagination={false}
              loading={list.isFetching && list.isPlaceholderData}
              dataSource={page.items}
              data-testid="activity-log-table"
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('activityLog.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
                {
                  title: t('activityLog.customer'),
                  dataIndex: 'customerName',
                  render: (name: string, activity) => (
                    <Link to={`/customers/${activity.customerId}`}>{name}</Link>
                  ),
                },
                {
                  title: t('activityLog.kind'),
                  dataIndex: 'kind',
                  render: (kind: Activity['kind']) => (
                    <Tag icon={activityIcons[kind]}>{t(enumKey('activityKind', kind))}</Tag>
                  ),
                },
                { title: t('activityLog.subject'), dataIndex: 'subject', ellipsis: true },
                {
                  title: t('activityLog.contact'),
                  dataIndex: 'contactName',
                  render: (name: string | null) => name ?? '—',
                },
                {
                  title: t('activityLog.user'),
                  dataIndex: 'userName',
                  render: (name: string | null) => name ?? '—',
                },
                {
                  title: t('activityLog.nextAction'),
                  dataIndex: 'nextActionAt',
                  render: (at: string | null) => (at ? formatDateTime(at) : '—'),
                },
              ]}
            />
            <CursorPager
              cursors={cursors}
              nextCursor={page.nextCursor}
              summary={t('activityLog.countLabel', { count: page.total })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
