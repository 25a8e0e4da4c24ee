import type { UserLevel } from '../../db/database.js';
import type { FieldProblem } from '../../server/errors.js';
import type { PolicyRuleInput } from './policy.schema.js';
import type { ManagerMode, PolicyRuleColumns } from './policy.tables.js';

/** junior < middle < senior: an owner meets a required level when their rank is at least the required one. */
export const LEVEL_RANK: Readonly<Record<UserLevel, number>> = { junior: 0, middle: 1, senior: 2 };

export const meetsLevel = (level: UserLevel, required: UserLevel | null) =>
  required === null || LEVEL_RANK[level] >= LEVEL_RANK[required];

/** Dedicated and shared grades need an owner of their own; channel and pool customers are served without one. */
export const needsOwner = (mode: ManagerMode) => mode === 'dedicated' || mode === 'shared';

/**
 * A rule set must give every grade of the model's ladder exactly one rule, and each rule's manager ratio must fit
 * its mode: dedicated is 1:1, shared names its N, channel and pool have neither N nor a required level.
 */
export function ruleProblems(ladder: readonly string[], rules: readonly PolicyRuleInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const at = (field: string) => `rules.${i}.${field}`;
    if (!ladder.includes(rule.gradeCode)) problems.push({ path: at('gradeCode'), reason: 'unknown_grade' });
    else if (seen.has(rule.gradeCode)) problems.push({ path: at('gradeCode'), reason: 'duplicate' });
    seen.add(rule.gradeCode);
    const max = rule.maxCustomersPerManager;
    const mode = rule.managerMode as ManagerMode;
    if (mode === 'dedicated' && max !== null && max !== 1)
      problems.push({ path: at('maxCustomersPerManager'), reason: 'mode_mismatch' });
    if (mode === 'shared' && max === null)
      problems.push({ path: at('maxCustomersPerManager'), reason: 'required' });
    if (!needsOwner(mode)) {
      if (max !== null) problems.push({ path: at('maxCustomersPerManager'), reason: 'mode_mismatch' });
      if (rule.requiredLevel !== null) problems.push({ path: at('requiredLevel'), reason: 'mode_mismatch' });
    }
  });
  const missing = ladder.filter((code) => !seen.has(code));
  if (missing.length > 0) problems.push({ path: 'rules', reason: 'missing_grade' });
  return problems;
}

export function toRuleColumns(rule: PolicyRuleInput): PolicyRuleColumns {
  const mode = rule.managerMode as ManagerMode;
  return {
    grade_code: rule.gradeCode,
    manager_mode: mode,
    max_customers_per_manager: mode === 'dedicated' ? 1 : rule.maxCustomersPerManager,
    required_level: rule.requiredLevel,
    contact_cadence_days: rule.contactCadenceDays,
    visit_cadence_days: rule.visitCadenceDays,
    credit_limit: rule.creditLimit,
    payment_terms_days: rule.paymentTermsDays,
    discount_ceiling: rule.discountCeiling,
    delivery_priority: rule.deliveryPriority,
    response_hours: rule.responseHours,
    pool_recall_days: rule.poolRecallDays,
  };
}

export function toRuleView(row: PolicyRuleColumns) {
  return {
    gradeCode: row.grade_code,
    managerMode: row.manager_mode,
    maxCustomersPerManager: row.max_customers_per_manager,
    requiredLevel: row.required_level,
    contactCadenceDays: row.contact_cadence_days,
    visitCadenceDays: row.visit_cadence_days,
    creditLimit: row.credit_limit,
    paymentTermsDays: row.payment_terms_days,
    discountCeiling: row.discount_ceiling,
    deliveryPriority: row.delivery_priority,
    responseHours: row.response_hours,
    poolRecallDays: row.pool_recall_days,
  };
}
