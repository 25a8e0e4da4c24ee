import { useTranslation } from 'react-i18next';
import { PersonSummaryTable } from '../../../shared/components/PersonSummaryTable';
import { enumKey, enums } from '../../../shared/enums';
import type { ActivitySummary } from '../api/activities.api';

type UserRow = ActivitySummary['users'][number] & { id: number | null; name: string | null };

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
    <PersonSummaryTable<UserRow>
      title={t('activityLog.byUser')}
      personTitle={t('activityLog.user')}
      nobody="—"
      rows={summary.users.map((row) => ({ ...row, id: row.userId, name: row.userName }))}
      testId="activity-user-table"
      onSelect={onSelectUser}
      columns={[
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
  );
}
