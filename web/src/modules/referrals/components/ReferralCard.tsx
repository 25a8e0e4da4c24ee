import { Col, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChartCard, type SheetCell } from '../../../shared/charts/ChartCard';
import { QueryState } from '../../../shared/components/QueryState';
import { formatMoneyShort } from '../../../shared/format/money';
import { formatShare, pickLocalised } from '../../../shared/format/localised';
import type { AnalyticsFilter } from '../../analytics/api/analytics.api';
import {
  GradeFiguresTable,
  gradeSheetRows,
  type GradeColumn,
} from '../../analytics/components/GradeFiguresTable';
import { GradeTag } from '../../grading/components/GradeTag';
import type { ReferralAnalysis } from '../api/referrals.api';
import { useRunReferrals } from '../hooks/useReferrals';

type GradeRow = ReferralAnalysis['grades'][number];

/**
 * 客户转介绍分析: per grade of the referrer, who refers and what the customers they referred have bought; the
 * referrers who brought the most; and the share of the graded customers, and of their sales, that came by referral.
 */
export function ReferralCard({ runId, filter }: { runId: number; filter: AnalyticsFilter }) {
  const { t, i18n } = useTranslation();
  const analysis = useRunReferrals(runId, filter);
  const money = (value: string) => formatMoneyShort(value, i18n.language);
  const title = t('referral.analysis');
  const gradeTitle = t('grades.grade');
  const columns: GradeColumn<GradeRow>[] = [
    {
      key: 'customers',
      title: t('dashboard.customers'),
      cell: (g) => g.customers,
      show: (g) => g.customers.toLocaleString(),
    },
    {
      key: 'referrers',
      title: t('referral.referrers'),
      cell: (g) => g.referrers,
      show: (g) => g.referrers.toLocaleString(),
    },
    {
      key: 'referralRate',
      title: t('referral.referralRate'),
      cell: (g) => g.referralRate,
      show: (g) => formatShare(g.referralRate),
    },
    {
      key: 'referred',
      title: t('referral.referred'),
      cell: (g) => g.referred,
      show: (g) => g.referred.toLocaleString(),
    },
    {
      key: 'conversionRate',
      title: t('referral.converted'),
      cell: (g) => g.conversionRate,
      show: (g) => formatShare(g.conversionRate),
    },
    {
      key: 'sales',
      title: t('referral.broughtSales'),
      cell: (g) => Number(g.sales),
      show: (g) => money(g.sales),
    },
    {
      key: 'profit',
      title: t('referral.broughtProfit'),
      cell: (g) => Number(g.profit),
      show: (g) => money(g.profit),
    },
  ];
  const rows = (data: ReferralAnalysis): SheetCell[][] => [
    ...gradeSheetRows(data.grades, columns, gradeTitle, i18n.language),
    [],
    [
      t('referral.topReferrers'),
      gradeTitle,
      t('referral.referred'),
      t('referral.buyers'),
      t('referral.broughtSales'),
      t('referral.broughtProfit'),
    ],
    ...data.top.map((r) => [
      r.name,
      data.grades[r.grade] ? pickLocalised(data.grades[r.grade]!.name, i18n.language) : null,
      r.referred,
      r.buyers,
      Number(r.sales),
      Number(r.profit),
    ]),
  ];
  return (
    <ChartCard title={title} exportName={title} rows={() => (analysis.data ? rows(analysis.data) : [])}>
      <QueryState query={analysis}>
        {(data) => (
          <div data-testid="referral-analysis">
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col xs={12} xl={6}>
                <Statistic
                  title={
                    <Link to="/customers?referral=referred" data-testid="referred-customers-link">
                      {t('referral.cameByReferral')}
                    </Link>
                  }
                  value={data.sourced.referredCustomers}
                  suffix={
                    <Typography.Text type="secondary">({formatShare(data.sourced.share)})</Typography.Text>
                  }
                />
              </Col>
              <Col xs={12} xl={6}>
                <Statistic
                  title={t('referral.theirSales')}
                  value={money(data.sourced.referredSales)}
                  suffix={
                    <Typography.Text type="secondary">
                      ({formatShare(data.sourced.salesShare)})
                    </Typography.Text>
                  }
                />
              </Col>
              <Col xs={12} xl={6}>
                <Statistic
                  title={t('referral.referrers')}
                  value={data.totals.referrers}
                  suffix={
                    <Typography.Text type="secondary">
                      ({formatShare(data.totals.referralRate)})
                    </Typography.Text>
                  }
                />
              </Col>
              <Col xs={12} xl={6}>
                <Statistic
                  title={t('referral.conversionRate')}
                  value={formatShare(data.totals.conversionRate)}
                />
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={24}>
                <GradeFiguresTable
                  rows={data.grades}
                  columns={columns}
                  gradeTitle={gradeTitle}
                  testId="referral-grade-table"
                />
              </Col>
              <Col span={24} style={{ marginTop: 12 }}>
                <Table<ReferralAnalysis['top'][number]>
                  size="small"
                  rowKey="customerId"
                  pagination={false}
                  dataSource={data.top}
                  data-testid="top-referrers"
                  locale={{ emptyText: t('referral.noReferrers') }}
                  columns={[
                    {
                      title: t('referral.topReferrers'),
                      dataIndex: 'name',
                      render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link>,
                    },
                    {
                      title: gradeTitle,
                      key: 'grade',
                      render: (_, r) => <GradeTag grade={data.grades[r.grade]} />,
                    },
                    { title: t('referral.referred'), dataIndex: 'referred', align: 'right' },
                    { title: t('referral.buyers'), dataIndex: 'buyers', align: 'right' },
                    {
                      title: t('referral.broughtSales'),
                      key: 'sales',
                      align: 'right',
                      render: (_, r) => money(r.sales),
                    },
                    {
                      title: t('referral.broughtProfit'),
                      key: 'profit',
                      align: 'right',
                      render: (_, r) => money(r.profit),
                    },
                  ]}
                />
              </Col>
            </Row>
            <Typography.Text type="secondary">{t('referral.analysisNote')}</Typography.Text>
          </div>
        )}
      </QueryState>
    </ChartCard>
  );
}
