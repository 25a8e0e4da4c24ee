import type { ColumnType, Generated } from 'kysely';
import type { Decimal, UserLevel } from '../../db/database.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** How a grade is served: one manager per customer, N customers per manager, through a channel agent, or the pool. */
export type ManagerMode = 'dedicated' | 'shared' | 'channel' | 'pool';
export const MANAGER_MODES: readonly ManagerMode[] = ['dedicated', 'shared', 'channel', 'pool'];

export interface ServicePolicyTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  model_id: number;
  /** Lower governs first when a customer is graded by several models with active policies. */
  priority: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  current_version_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ServicePolicyVersionTable {
  id: Generated<number>;
  policy_id: number;
  version: number;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

/** The service one grade gets; every figure is optional (NULL = the policy says nothing about it). */
export interface PolicyRuleColumns {
  grade_code: string;
  manager_mode: ManagerMode;
  max_customers_per_manager: number | null;
  required_level: UserLevel | null;
  contact_cadence_days: number | null;
  visit_cadence_days: number | null;
  credit_limit: Decimal | null;
  payment_terms_days: number | null;
  /** Fraction 0–1 (0.1500 = at most 15 % off list). */
  discount_ceiling: Decimal | null;
  /** 1 is served first. */
  delivery_priority: number | null;
  response_hours: number | null;
  /** NULL: never returns to the public pool. */
  pool_recall_days: number | null;
}

export interface ServicePolicyRuleTable extends PolicyRuleColumns {
  version_id: number;
}

/** One row per customer with a governing policy (see docs/policies.md for the precedence rule). */
export interface CustomerServicePolicyView extends PolicyRuleColumns {
  customer_id: number;
  policy_id: number;
  policy_version_id: number;
  model_id: number;
}

/** Tables and the view added by migration 009; merged into Database with `db.withTables<PolicyTables>()`. */
// A type alias, not an interface: Kysely's withTables<T>() needs T to be indexable.
export type PolicyTables = {
  service_policies: ServicePolicyTable;
  service_policy_versions: ServicePolicyVersionTable;
  service_policy_rules: ServicePolicyRuleTable;
  customer_service_policy: CustomerServicePolicyView;
};
