import { useTranslation } from 'react-i18next';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { formatMoneyShort } from '../../../shared/format/money';
import { formatShare } from '../../../shared/format/localised';
import type { AnalyticsFilter, GradeFigures, RunAnalytics } from '../api/analytics.api';
import { runResultsPath } from '../../grading/resultsFilter';
import { GradeFiguresTable, gradeSheetRows, type GradeColumn } from './GradeFiguresTable';

const oneDecimal = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** Per grade (each opening its customers): window sales and profit, churn rate, repeat-purchase rate, purchase cycle and contact frequency. */
export function BehaviourTable({ data, filter }: { data: RunAnalytics; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation();
  const title = t('dashboard.behaviour');
  const gradeTitle = t('grades.grade');
  const money = (value: string) => formatMoneyShort(value, i18n.language);
  const columns: GradeColumn<GradeFigures>[] = [
    {
      key: 'count',
      title: t('dashboard.customers'),
      cell: (g) => g.count,
      show: (g) => g.count.toLocaleString(),
    },
    { key: 'sales', title: t('dashboard.sales'), cell: (g) => Number(g.sales), show: (g) => money(g.sales) },
    {
      key: 'profit',
      title: t('dashboard.profit'),
      cell: (g) => Number(g.profit),
      show: (g) => money(g.profit),
    },
    {
      key: 'churnRate',
      title: t('dashboard.churnRate'),
      cell: (g) => g.churnRate,
      show: (g) => formatShare(g.churnRate),
    },
    {
      key: 'repeatRate',
      title: t('dashboard.repeatRate'),
      cell: (g) => g.repeatRate,
      show: (g) => formatShare(g.repeatRate),
    },
    {
      key: 'avgCycleDays',
      title: t('dashboard.avgCycle'),
      cell: (g) => g.avgCycleDays,
      show: (g) => oneDecimal(g.avgCycleDays),
    },
    {
      key: 'contactsPerCustomer',
      title: t('dashboard.contacts'),
      cell: (g) => g.contactsPerCustomer,
      show: (g) => oneDecimal(g.contactsPerCustomer),
    },
  ];
  return (
    <ChartCard
      title={title}
      exportName={title}
      rows={() => gradeSheetRows(data.grades, columns, gradeTitle, i18n.language)}
    >
      <GradeFiguresTable
        rows={data.grades}
        columns={columns}
        gradeTitle={gradeTitle}
        testId="behaviour-table"
        gradeLink={(grade) => runResultsPath(data.runId, { ...filter, grade })}
      />
    </ChartCard>
  );
}
