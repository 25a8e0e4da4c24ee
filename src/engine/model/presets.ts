import { text } from '../i18n.js';
import { modelSchema, type GradeSpec, type Model, type ModelInput } from './schema.js';

const grade = (code: string, zh: string, en: string, color: string): GradeSpec => ({
  code,
  name: text(zh, en),
  color,
});

const ABCD: GradeSpec[] = [
  grade('A', 'A 类', 'Grade A', '#c41d7f'),
  grade('B', 'B 类', 'Grade B', '#1677ff'),
  grade('C', 'C 类', 'Grade C', '#52c41a'),
  grade('D', 'D 类', 'Grade D', '#8c8c8c'),
];

const define = (input: ModelInput): Model => Object.freeze(modelSchema.parse(input));

/**
 * The source material's composite (credit 10 % / order amount 30 % / profit contribution 60 %, 100-point base,
 * A/B/C/D by 20/30/30/20 quotas) exactly as the reference SQL computes it: percentile ranks with NULLs first,
 * sales = 0.75·sales + 0.25·growth, profit = 0.75·profit + 0.25·margin, ties broken by customer id.
 */
export const PRESET_COMPOSITE_QUOTAS: Model = define({
  id: 'preset-composite-credit-sales-profit',
  name: text(
    '综合加权（信用 10 / 下单金额 30 / 利润贡献 60）',
    'Composite (credit 10 / sales 30 / profit 60)',
  ),
  population: { hasOrders: true },
  lateness: 'final',
  factors: [
    {
      id: 'credit',
      name: text('信用状况', 'Credit'),
      metric: 'avg_days_late',
      normaliser: { kind: 'percentile', nulls: 'first' },
      weight: 10,
    },
    {
      id: 'sales',
      name: text('下单金额', 'Order amount'),
      weight: 30,
      factors: [
        {
          id: 'sales',
          metric: 'sales_window',
          normaliser: { kind: 'percentile', nulls: 'first' },
          weight: 75,
        },
        {
          id: 'growth',
          metric: 'sales_growth',
          normaliser: { kind: 'percentile', nulls: 'first' },
          weight: 25,
        },
      ],
    },
    {
      id: 'profit',
      name: text('利润贡献', 'Profit contribution'),
      weight: 60,
      factors: [
        {
          id: 'profit',
          metric: 'profit_window',
          normaliser: { kind: 'percentile', nulls: 'first' },
          weight: 75,
        },
        { id: 'margin', metric: 'margin', normaliser: { kind: 'percentile', nulls: 'first' }, weight: 25 },
      ],
    },
  ],
  method: { kind: 'quotas', quotas: [20, 30, 30, 20], ties: 'strict' },
  ladder: ABCD,
});

/** ABC by cumulative share of window sales, 80 / 15 / 5, as the reference. */
export const PRESET_ABC: Model = define({
  id: 'preset-abc-80-15-5',
  name: text('ABC 分类（80/15/5）', 'ABC analysis (80/15/5)'),
  population: { hasOrders: true },
  method: { kind: 'abc', metric: 'sales_window', shares: [80, 15, 5] },
  ladder: ABCD.slice(0, 3),
});

/** RFM 5×5×5 with the eleven named segments. */
export const PRESET_RFM: Model = define({
  id: 'preset-rfm-555',
  name: text('RFM 5×5×5 客户分群', 'RFM 5×5×5 segments'),
  population: { hasOrders: true },
  method: {
    kind: 'rfm',
    tiles: 5,
    segments: [
      { code: 'champions', r: [4, 5], fm: [4, 5] },
      { code: 'cant_lose', r: [1, 1], fm: [4, 5] },
      { code: 'loyal', r: [2, 5], fm: [3, 5] },
      { code: 'at_risk', r: [1, 2], fm: [2, 5] },
      { code: 'new', r: [5, 5], fm: [1, 1.5] },
      { code: 'promising', r: [4, 4], fm: [1, 1.5] },
      { code: 'potential_loyalist', r: [4, 5], fm: [2, 2.5] },
      { code: 'need_attention', r: [3, 3], fm: [2, 2.5] },
      { code: 'about_to_sleep', r: [3, 3], fm: [1, 1.5] },
      { code: 'hibernating', r: [2, 2], fm: [1, 1.5] },
      { code: 'lost', r: [1, 1], fm: [1, 1.5] },
    ],
  },
  ladder: [
    grade('champions', '重要价值客户（冠军）', 'Champions', '#722ed1'),
    grade('loyal', '忠诚客户', 'Loyal', '#2f54eb'),
    grade('potential_loyalist', '潜在忠诚客户', 'Potential loyalist', '#1677ff'),
    grade('new', '新客户', 'New', '#13c2c2'),
    grade('promising', '有潜力客户', 'Promising', '#52c41a'),
    grade('need_attention', '需要关注', 'Need attention', '#a0d911'),
    grade('about_to_sleep', '即将沉睡', 'About to sleep', '#fadb14'),
    grade('at_risk', '有流失风险', 'At risk', '#fa8c16'),
    grade('cant_lose', '不能失去', "Can't lose", '#fa541c'),
    grade('hibernating', '沉睡客户', 'Hibernating', '#bfbfbf'),
    grade('lost', '已流失', 'Lost', '#595959'),
  ],
});

/** Prospects by expected time to close: A ≤ 3 months, B 4–6, C 7–12, D > 12 or unknown. */
export const PRESET_PROSPECT: Model = define({
  id: 'preset-prospect-3-6-12',
  name: text('潜在客户分级（3/6/12 个月）', 'Prospect grade (3/6/12 months)'),
  population: { hasOrders: false },
  method: { kind: 'prospect', monthLimits: [3, 6, 12] },
  ladder: [
    grade('A', 'A 类（3 个月内成交）', 'A (closes within 3 months)', '#c41d7f'),
    grade('B', 'B 类（4–6 个月）', 'B (4–6 months)', '#1677ff'),
    grade('C', 'C 类（7–12 个月）', 'C (7–12 months)', '#52c41a'),
    grade('D', 'D 类（12 个月以上或未知）', 'D (over 12 months or unknown)', '#8c8c8c'),
  ],
});

/** Share of wallet × upcoming purchase volume. */
export const PRESET_MATRIX: Model = define({
  id: 'preset-matrix-share-volume',
  name: text('采购份额 × 未来采购量矩阵', 'Share of wallet × upcoming volume'),
  method: { kind: 'matrix', shareOfWalletCut: 0.5, upcomingVolumeCut: 1_000_000 },
  ladder: [
    grade('keep', '保持', 'Keep', '#722ed1'),
    grade('keep_or_acquire', '保持或争取', 'Keep or acquire', '#1677ff'),
    grade('develop', '发展', 'Develop', '#52c41a'),
    grade('acquire_or_abandon', '争取或放弃', 'Acquire or abandon', '#8c8c8c'),
  ],
});

/** Most valuable (top 20 % by profit), most growable (top 20 % by growth of the rest), negative value. */
export const PRESET_VALUE_CLASSES: Model = define({
  id: 'preset-value-classes',
  name: text('客户价值分类（MVC/MGC/BZC）', 'Value classes (MVC/MGC/BZC)'),
  population: { hasOrders: true },
  method: { kind: 'value-classes', mvcTopPercent: 20, mgcTopPercent: 20 },
  ladder: [
    grade('MVC', '最有价值客户', 'Most valuable (MVC)', '#c41d7f'),
    grade('MGC', '最具成长性客户', 'Most growable (MGC)', '#1677ff'),
    grade('other', '普通客户', 'Other', '#52c41a'),
    grade('BZC', '负值客户', 'Negative value (BZC)', '#8c8c8c'),
  ],
});

/** Lifecycle stages derived from order history. */
export const PRESET_LIFECYCLE: Model = define({
  id: 'preset-lifecycle',
  name: text('客户生命周期', 'Customer lifecycle'),
  method: { kind: 'lifecycle' },
  ladder: [
    grade('target', '目标客户', 'Target', '#d9d9d9'),
    grade('intent', '意向客户', 'Intent', '#91caff'),
    grade('closed_new', '成交·新客户', 'Closed · new', '#13c2c2'),
    grade('closed_growing', '成交·成长', 'Closed · growing', '#52c41a'),
    grade('closed_stable', '成交·稳定', 'Closed · stable', '#1677ff'),
    grade('closed_declining', '成交·衰退', 'Closed · declining', '#fa8c16'),
    grade('churned', '已流失', 'Churned', '#595959'),
  ],
});

/** The same composite with a named company ladder: 关键/重点/一般/维持 by score thresholds. */
export const PRESET_KEY_ACCOUNT_THRESHOLDS: Model = define({
  ...PRESET_COMPOSITE_QUOTAS,
  id: 'preset-key-account-thresholds',
  name: text('关键客户分级（分数线 80/60/40）', 'Key accounts (score thresholds 80/60/40)'),
  method: { kind: 'thresholds', thresholds: [80, 60, 40] },
  ladder: [
    grade('key', '关键客户', 'Key', '#c41d7f'),
    grade('major', '重点客户', 'Major', '#1677ff'),
    grade('regular', '一般客户', 'Regular', '#52c41a'),
    grade('maintain', '维持客户', 'Maintain', '#8c8c8c'),
  ],
});

/**
 * "客户背后的客户是一口井": referrers graded by what the customers they referred bought — how many bought (0, 1, 2,
 * 3+) and their sales in the window in bands (up to ¥5万, ¥20万, ¥50万, more) — 核心推荐人 from 70 points (¥20万 from
 * one buyer, or ¥5万 from two), 推荐人 from 30 (any buyer). Bands, not percentiles: most customers refer nobody, and
 * ranked among them any referred sale would be near the top.
 */
export const PRESET_REFERRAL_VALUE: Model = define({
  id: 'preset-referral-value',
  name: text(
    '转介绍价值（推荐成交客户数 40 / 推荐客户销售额 60）',
    'Referral value (buyers 40 / their sales 60)',
  ),
  factors: [
    {
      id: 'buyers',
      name: text('转介绍成交客户数', 'Referred customers who bought'),
      metric: 'referred_buyers',
      normaliser: { kind: 'bins', edges: [0, 1, 2], scores: [0, 50, 80, 100] },
      weight: 40,
    },
    {
      id: 'sales',
      name: text('转介绍客户销售额', 'Sales of referred customers'),
      metric: 'referred_sales_window',
      normaliser: { kind: 'bins', edges: [0, 50_000, 200_000, 500_000], scores: [0, 40, 70, 90, 100] },
      weight: 60,
    },
  ],
  method: { kind: 'thresholds', thresholds: [70, 30] },
  ladder: [
    grade('key_referrer', '核心推荐人', 'Key referrer', '#c41d7f'),
    grade('referrer', '推荐人', 'Referrer', '#1677ff'),
    grade('none', '暂无转介绍', 'No referrals yet', '#8c8c8c'),
  ],
});

export const PRESETS: readonly Model[] = [
  PRESET_COMPOSITE_QUOTAS,
  PRESET_KEY_ACCOUNT_THRESHOLDS,
  PRESET_ABC,
  PRESET_RFM,
  PRESET_PROSPECT,
  PRESET_MATRIX,
  PRESET_VALUE_CLASSES,
  PRESET_LIFECYCLE,
  PRESET_REFERRAL_VALUE,
];
