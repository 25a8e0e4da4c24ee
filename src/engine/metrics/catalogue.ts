import { text, type Localised } from '../i18n.js';

export type MetricUnit = 'currency' | 'days' | 'count' | 'ratio' | 'percent' | 'category' | 'date';

export interface MetricDefinition {
  readonly id: MetricId;
  readonly unit: MetricUnit;
  readonly name: Localised;
  readonly higherIsBetter: boolean;
  /** Smallest meaningful change in the metric's unit, used when explanations propose a new value. */
  readonly step: number;
}

export const METRIC_IDS = [
  'cumulative_sales',
  'sales_window',
  'profit_window',
  'orders_window',
  'sales_prev_window',
  'avg_monthly_sales',
  'avg_quarterly_sales',
  'avg_yearly_sales',
  'margin',
  'sales_growth',
  'recency_days',
  'frequency',
  'monetary',
  'tenure_days',
  'purchase_cycle_days',
  'avg_days_late',
  'avg_days_late_weighted',
  'late_invoice_share',
  'overdue_amount',
  'days_since_contact',
  'contacts_window',
  'cost_to_serve',
  'profit_after_cost_to_serve',
  'referred_buyers',
  'referred_sales_window',
  'nature',
  'industry',
  'province',
  'size_band',
  'customer_type',
  'lifecycle_stage',
  'registered_capital',
  'annual_revenue',
  'headcount',
  'potential_demand',
  'share_of_wallet',
  'upcoming_purchase_volume',
  'months_to_close',
  'clv_12m',
  'expected_purchases_12m',
  'p_alive',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

const CENT = 0.01;
const money = (id: MetricId, zh: string, en: string, higherIsBetter = true): MetricDefinition => ({
  id,
  unit: 'currency',
  name: text(zh, en),
  higherIsBetter,
  step: CENT,
});
const entry = (
  id: MetricId,
  unit: MetricUnit,
  zh: string,
  en: string,
  higherIsBetter: boolean,
  step: number,
): MetricDefinition => ({ id, unit, name: text(zh, en), higherIsBetter, step });

const definitions: readonly MetricDefinition[] = [
  money('cumulative_sales', '累计销售额', 'Cumulative sales'),
  money('sales_window', '窗口期销售额', 'Sales in window'),
  money('profit_window', '窗口期毛利', 'Gross profit in window'),
  entry('orders_window', 'count', '窗口期订单数', 'Orders in window', true, 1),
  money('sales_prev_window', '上一窗口期销售额', 'Sales in previous window'),
  money('avg_monthly_sales', '月均销售额', 'Average monthly sales'),
  money('avg_quarterly_sales', '季均销售额', 'Average quarterly sales'),
  money('avg_yearly_sales', '年均销售额', 'Average yearly sales'),
  entry('margin', 'ratio', '毛利率', 'Profit margin', true, 0.0001),
  entry('sales_growth', 'ratio', '销售增长率', 'Sales growth', true, 0.0001),
  entry('recency_days', 'days', '距最近购买天数', 'Days since last order', false, 1),
  entry('frequency', 'count', '购买次数', 'Purchase frequency', true, 1),
  money('monetary', '购买总金额', 'Monetary value'),
  entry('tenure_days', 'days', '合作天数', 'Tenure', true, 1),
  entry('purchase_cycle_days', 'days', '购买周期', 'Purchase cycle', false, 0.1),
  entry('avg_days_late', 'days', '平均逾期天数', 'Average days late', false, 0.01),
  entry('avg_days_late_weighted', 'days', '金额加权平均逾期天数', 'Amount-weighted days late', false, 0.01),
  entry('late_invoice_share', 'ratio', '逾期发票占比', 'Share of late invoices', false, 0.0001),
  money('overdue_amount', '逾期金额', 'Overdue amount', false),
  entry('days_since_contact', 'days', '距上次联系天数', 'Days since last contact', false, 1),
  entry('contacts_window', 'count', '窗口期联系次数', 'Contacts in window', true, 1),
  money('cost_to_serve', '服务成本', 'Cost to serve', false),
  money('profit_after_cost_to_serve', '扣除服务成本后利润', 'Profit after cost to serve'),
  // "客户背后的客户是一口井": what the customers a customer referred buy.
  entry('referred_buyers', 'count', '转介绍成交客户数', 'Referred customers who bought', true, 1),
  money('referred_sales_window', '转介绍客户窗口期销售额', 'Sales of referred customers in window'),
  entry('nature', 'category', '企业性质', 'Enterprise nature', true, 1),
  entry('industry', 'category', '行业', 'Industry', true, 1),
  entry('province', 'category', '省份', 'Province', true, 1),
  entry('size_band', 'category', '规模', 'Size band', true, 1),
  entry('customer_type', 'category', '客户类型', 'Customer type', true, 1),
  entry('lifecycle_stage', 'category', '生命周期阶段', 'Lifecycle stage', true, 1),
  money('registered_capital', '注册资本', 'Registered capital'),
  money('annual_revenue', '年营业收入', 'Annual revenue'),
  entry('headcount', 'count', '员工人数', 'Headcount', true, 1),
  money('potential_demand', '潜在需求', 'Potential demand'),
  entry('share_of_wallet', 'ratio', '我方采购份额', 'Share of wallet', true, 0.0001),
  money('upcoming_purchase_volume', '未来采购量', 'Upcoming purchase volume'),
  entry('months_to_close', 'count', '预计成交月数', 'Months to close', false, 1),
  // Purchase-pattern forecasts (BG/NBD + Gamma-Gamma, src/engine/clv), fitted by the run that uses them.
  money('clv_12m', '12个月客户终身价值', '12-month customer lifetime value'),
  entry(
    'expected_purchases_12m',
    'count',
    '未来12个月预期购买次数',
    'Expected purchases, next 12 months',
    true,
    0.01,
  ),
  entry('p_alive', 'ratio', '仍活跃概率', 'Probability still active', true, 0.0001),
];

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = Object.freeze(
  Object.fromEntries(definitions.map((d) => [d.id, d])) as Record<MetricId, MetricDefinition>,
);

export const isCategorical = (id: MetricId): boolean => METRICS[id].unit === 'category';
