import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatMoneyShort } from '../../../shared/format/money';
import { formatShare } from '../../../shared/format/localised';
import { GradeTag } from '../../grading/components/GradeTag';
import type { GradeFigures, RunAnalytics } from '../api/analytics.api';

const oneDecimal = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** Per grade: window sales and profit, churn rate, repeat-purchase rate, purchase cycle and contact frequency. */
export function BehaviourTable({ data }: { data: RunAnalytics }) {
  const { t, i18n } = useTranslation();
  const title = t('dashboard.behaviour');
  const columns: { key: keyof GradeFigures; title: string; render: (g: GradeFigures) => string }[] = [
    { key: 'count', title: t('dashboard.customers'), render: (g) => g.count.toLocaleString() },
    { key: 'sales', title: t('dashboard.sales'), render: (g) => formatMoneyShort(g.sales, i18n.language) },
    { key: 'profit', title: t('dashboard.profit'), render: (g) => formatMoneyShort(g.profit, i18n.language) },
    { key: 'churnRate', title: t('dashboard.churnRate'), render: (g) => formatShare(g.churnRate) },
    { key: 'repeatRate', title: t('dashboard.repeatRate'), render: (g) => formatShare(g.repeatRate) },
    { key: 'avgCycleDays', title: t('dashboard.avgCycle'), render: (g) => oneDecimal(g.avgCycleDays) },
    {
      key: 'contactsPerCustomer',
      title: t('dashboard.contacts'),
      render: (g) => oneDecimal(g.contactsPerCustomer),
    },
  ];
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => [
        [t('grades.grade'), ...columns.map((c) => c.title)],
        ...data.grades.map((g) => [
          g.code,
          ...columns.map((c) => {
            const value = g[c.key];
            return typeof value === 'number' || value === null ? value : Number(value);
          }),
        ]),
      ]}
    >
      <Table
        size="small"
        rowKey="grade"
        pagination={false}
        dataSource={data.grades}
        data-testid="behaviour-table"
        columns={[
          { title: t('grades.grade'), key: 'grade', render: (_, g) => <GradeTag grade={g} /> },
          ...columns.map((c) => ({
            title: c.title,
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, g: GradeFigures) => c.render(g),
          })),
        ]}
      />
    </ChartCard>
  );
}
