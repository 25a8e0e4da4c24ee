import type { PolicyRuleColumns } from './policy.tables.js';

export interface PresetPolicy {
  /** grading_models.key of the model whose grades the policy serves. */
  readonly modelKey: string;
  readonly name: { readonly 'zh-CN': string; readonly 'en-US': string };
  readonly priority: number;
  readonly active: boolean;
  readonly rules: readonly PolicyRuleColumns[];
}

type Rule = Omit<PolicyRuleColumns, 'grade_code'>;

/**
 * The four tiers of the source material (分级之后怎么办; 客户经理配置 1:1 / 1:2 / 1:3–5), as service levels.
 * docs/policies.md explains each figure.
 */
const KEY: Rule = {
  manager_mode: 'dedicated',
  max_customers_per_manager: 1,
  required_level: 'senior',
  contact_cadence_days: 7,
  visit_cadence_days: 30,
  credit_limit: '5000000.00',
  payment_terms_days: 90,
  discount_ceiling: '0.1500',
  delivery_priority: 1,
  response_hours: 4,
  pool_recall_days: null,
};
const IMPORTANT: Rule = {
  manager_mode: 'shared',
  max_customers_per_manager: 2,
  required_level: 'middle',
  contact_cadence_days: 14,
  visit_cadence_days: 60,
  credit_limit: '1000000.00',
  payment_terms_days: 60,
  discount_ceiling: '0.1000',
  delivery_priority: 2,
  response_hours: 8,
  pool_recall_days: 180,
};
const GENERAL: Rule = {
  manager_mode: 'shared',
  max_customers_per_manager: 5,
  required_level: 'junior',
  contact_cadence_days: 30,
  visit_cadence_days: 90,
  credit_limit: '200000.00',
  payment_terms_days: 30,
  discount_ceiling: '0.0500',
  delivery_priority: 3,
  response_hours: 24,
  pool_recall_days: 90,
};
const SMALL_VIA_CHANNEL: Rule = {
  manager_mode: 'channel',
  max_customers_per_manager: null,
  required_level: null,
  contact_cadence_days: 90,
  visit_cadence_days: null,
  credit_limit: '50000.00',
  payment_terms_days: 15,
  discount_ceiling: '0.0200',
  delivery_priority: 4,
  response_hours: 48,
  pool_recall_days: 60,
};
const SMALL_VIA_POOL: Rule = { ...SMALL_VIA_CHANNEL, manager_mode: 'pool', payment_terms_days: 0 };

const rules = (pairs: ReadonlyArray<readonly [string, Rule]>): PolicyRuleColumns[] =>
  pairs.map(([grade_code, rule]) => ({ grade_code, ...rule }));

/** Prospects have no orders yet: no credit or terms, short cadences for the near closes, quick recall. */
const prospect = (rule: Partial<Rule>): Rule => ({
  ...GENERAL,
  credit_limit: null,
  payment_terms_days: null,
  delivery_priority: null,
  ...rule,
});

export function presetPolicies(): PresetPolicy[] {
  return [
    {
      modelKey: 'composite',
      name: { 'zh-CN': '综合分级服务政策', 'en-US': 'Service policy by composite grade' },
      priority: 10,
      active: true,
      rules: rules([
        ['A', KEY],
        ['B', IMPORTANT],
        ['C', GENERAL],
        ['D', SMALL_VIA_POOL],
      ]),
    },
    {
      modelKey: 'key-accounts',
      name: {
        'zh-CN': '关键/重点/一般/维持客户服务政策',
        'en-US': 'Key / major / regular / maintain service policy',
      },
      priority: 20,
      // Its model ships inactive (never graded), so the policy does too.
      active: false,
      rules: rules([
        ['key', KEY],
        ['major', IMPORTANT],
        ['regular', GENERAL],
        ['maintain', SMALL_VIA_CHANNEL],
      ]),
    },
    {
      modelKey: 'abc',
      name: { 'zh-CN': 'ABC 分类服务政策', 'en-US': 'Service policy by ABC class' },
      priority: 30,
      active: true,
      rules: rules([
        ['A', KEY],
        ['B', IMPORTANT],
        ['C', SMALL_VIA_CHANNEL],
      ]),
    },
    {
      modelKey: 'prospect',
      name: { 'zh-CN': '潜在客户跟进政策', 'en-US': 'Prospect follow-up policy' },
      priority: 40,
      active: true,
      rules: rules([
        [
          'A',
          prospect({
            max_customers_per_manager: 2,
            required_level: 'middle',
            contact_cadence_days: 7,
            visit_cadence_days: 30,
            response_hours: 8,
            pool_recall_days: 30,
          }),
        ],
        ['B', prospect({ contact_cadence_days: 14, visit_cadence_days: 60, pool_recall_days: 45 })],
        ['C', prospect({ contact_cadence_days: 30, visit_cadence_days: null, pool_recall_days: 60 })],
        [
          'D',
          prospect({
            manager_mode: 'pool',
            max_customers_per_manager: null,
            required_level: null,
            contact_cadence_days: null,
            visit_cadence_days: null,
            response_hours: 48,
            pool_recall_days: 30,
          }),
        ],
      ]),
    },
  ];
}
