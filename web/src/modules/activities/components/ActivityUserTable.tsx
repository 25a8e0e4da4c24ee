import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, enums } from '../../../shared/enums';
import type { ActivitySummary } from '../api/activities.api';

type UserRow = ActivitySummary['users'][number];

/** Each person's follow-ups in the period by kind, the busiest first; a name narrows the page to that person. */
export function ActivityUserTable({
  summary,
  onSelectUser,
}: {
  summary: ActivitySummary;
  onSelectUser: (userId: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={5}>{t('activityLog.byUser')}</Typography.Title>
      <Table<UserRow>
        size="small"
        rowKey={(row) => row.userId ?? 'nobody'}
        pagination={false}
        dataSource={summary.users}
        data-testid="activity-user-table"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('activityLog.user'),
            render: (_, row) =>
              row.userId === null ? (
                '—'
              ) : (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => onSelectUser(row.userId!)}
                >
                  {row.userName}
                </Button>
              ),
          },
          { title: t('activityLog.count'), align: 'right', render: (_, row) => <strong>{row.count}</strong> },
          { title: t('activityLog.customers'), dataIndex: 'customers', align: 'right' },
          ...enums.activityKind.map((kind, at) => ({
            key: kind,
            title: t(enumKey('activityKind', kind)),
            align: 'right' as const,
            render: (_: unknown, row: UserRow) => row.byKind[at]!.count || '—',
          })),
        ]}
      />
    </section>
  );
}
