// User-facing names and messages of the CLV library, in both product languages.

export interface Bilingual {
  'zh-CN': string;
  'en-US': string;
}

export const CLV_METRIC_LABELS = {
  clv_12m: { 'zh-CN': '12个月客户终身价值', 'en-US': '12-month customer lifetime value' },
  expected_purchases_12m: {
    'zh-CN': '未来12个月预期购买次数',
    'en-US': 'Expected purchases, next 12 months',
  },
  p_alive: { 'zh-CN': '仍活跃概率', 'en-US': 'Probability still active' },
  expected_spend: { 'zh-CN': '预期单次消费金额', 'en-US': 'Expected spend per purchase' },
} as const satisfies Record<string, Bilingual>;

export const CHURN_REASON_LABELS = {
  lowPAlive: { 'zh-CN': '仍活跃概率低于阈值', 'en-US': 'Probability still active below threshold' },
  overdue: {
    'zh-CN': '距上次购买超过购买周期的倍数',
    'en-US': 'Time since last purchase beyond k purchase cycles',
  },
} as const satisfies Record<string, Bilingual>;

export const HOLDOUT_COLUMN_LABELS = {
  bucket: { 'zh-CN': '校准期重复购买', 'en-US': 'x' },
  customers: { 'zh-CN': '客户数', 'en-US': 'customers' },
  actual: { 'zh-CN': '实际', 'en-US': 'actual' },
  all: { 'zh-CN': '合计', 'en-US': 'all' },
} as const satisfies Record<string, Bilingual>;

export type Locale = keyof Bilingual;

const ERRORS = {
  columnLengths: { 'zh-CN': '输入列的长度不一致', 'en-US': 'Input columns differ in length' },
  frequencyInvalid: {
    'zh-CN': '重复购买次数 x 必须是非负整数',
    'en-US': 'Repeat purchases x must be a non-negative integer',
  },
  recencyInvalid: {
    'zh-CN': '须满足 0 ≤ t_x ≤ T 且均为有限值',
    'en-US': 'Times must satisfy 0 ≤ t_x ≤ T and be finite',
  },
  recencyWithoutRepeat: {
    'zh-CN': '没有重复购买的客户 t_x 必须为 0',
    'en-US': 't_x must be 0 for a customer without repeat purchases',
  },
  customerIndexInvalid: {
    'zh-CN': '客户索引必须是小于客户数的非负整数',
    'en-US': 'Customer indices must be non-negative integers below the customer count',
  },
  dayInvalid: { 'zh-CN': '日期序号必须是整数', 'en-US': 'Day numbers must be integers' },
  emptyFit: { 'zh-CN': '没有可用于拟合的客户', 'en-US': 'No customers to fit the model on' },
  spendInvalid: {
    'zh-CN': '平均消费金额须为有限非负数',
    'en-US': 'Mean spend must be finite and non-negative',
  },
  rateInvalid: {
    'zh-CN': '折现率、毛利率与期限须为有限非负数',
    'en-US': 'Discount rate, margin and horizon must be finite and non-negative',
  },
} as const satisfies Record<string, Bilingual>;

export type ClvErrorKey = keyof typeof ERRORS;

export class ClvInputError extends RangeError {
  readonly key: ClvErrorKey;
  readonly messages: Bilingual;
  constructor(key: ClvErrorKey) {
    const messages = ERRORS[key];
    super(`${messages['en-US']} / ${messages['zh-CN']}`);
    this.name = 'ClvInputError';
    this.key = key;
    this.messages = messages;
  }
}

export function clvError(key: ClvErrorKey): ClvInputError {
  return new ClvInputError(key);
}
