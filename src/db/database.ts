import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Money and other numeric(…) columns travel as exact decimal strings; dates as 'YYYY-MM-DD'. */
export type Decimal = string;
export type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export type Role = 'admin' | 'manager' | 'rep';
export type UserLevel = 'senior' | 'middle' | 'junior';

export interface TeamTable {
  id: Generated<number>;
  name: string;
  region: string | null;
  manager_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Generated<number>;
  login: string;
  name: string;
  password_hash: string;
  role: Role;
  team_id: number | null;
  level: ColumnType<UserLevel, UserLevel | undefined, UserLevel>;
  capacity: ColumnType<number, number | undefined, number>;
  email: string | null;
  phone: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: UpdatedAt;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date, Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface DictionaryEntryTable {
  kind: string;
  code: string;
  name_zh: string;
  name_en: string;
  sort: ColumnType<number, number | undefined, number>;
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export type LifecycleStage =
  'target' | 'intent' | 'closed_new' | 'closed_growing' | 'closed_stable' | 'closed_declining' | 'churned';
export type SizeBand = 'micro' | 'small' | 'medium' | 'large' | 'xlarge';

export interface CustomerTable {
  id: Generated<number>;
  code: Generated<string>;
  name: string;
  short_name: string | null;
  type: ColumnType<string, string | undefined, string>;
  lifecycle_stage: ColumnType<LifecycleStage, LifecycleStage | undefined, LifecycleStage>;
  lifecycle_locked: ColumnType<boolean, boolean | undefined, boolean>;
  owner_id: number | null;
  team_id: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  industry: string | null;
  nature: string | null;
  size_band: SizeBand | null;
  headcount: number | null;
  registered_capital: Decimal | null;
  annual_revenue: Decimal | null;
  industry_position: string | null;
  legal_representative: string | null;
  phone: string | null;
  website: string | null;
  credit_limit: Decimal | null;
  payment_terms_days: number | null;
  source: string | null;
  referred_by_id: number | null;
  potential_demand: Decimal | null;
  share_of_wallet: Decimal | null;
  upcoming_purchase_volume: Decimal | null;
  expected_close_date: DateString | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  custom: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  /** Set when the customer was merged into another (it is then deleted too); migration 025. */
  merged_into_id: number | null;
  /** The normalised company name and phone digits the duplicates report compares (generated; migration 026). */
  company_key: ColumnType<string, never, never>;
  phone_key: ColumnType<string | null, never, never>;
  /** The transaction that last changed what a kept dashboard summary reads, set by a trigger (migration 018). */
  figures_changed_by: ColumnType<string | null, never, never>;
}

export type BuyingRole = 'decision_maker' | 'influencer' | 'supporter' | 'opponent' | 'user' | 'gatekeeper';

export interface ContactTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  department: string | null;
  buying_role: BuyingRole | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: DateString | null;
  gender: 'male' | 'female' | null;
  hometown: string | null;
  school: string | null;
  interests: string | null;
  is_key: ColumnType<boolean, boolean | undefined, boolean>;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type RelationshipKind =
  'upstream' | 'downstream' | 'peer' | 'partner' | 'parent' | 'subsidiary' | 'referred';

export interface RelationshipTable {
  id: Generated<number>;
  customer_id: number;
  related_customer_id: number;
  kind: RelationshipKind;
  note: string | null;
  created_at: CreatedAt;
}

export type OrderStatus = 'confirmed' | 'completed' | 'cancelled';

export interface OrderTable {
  id: Generated<number>;
  customer_id: number;
  order_no: string;
  order_date: DateString;
  amount: Decimal;
  cost: Decimal | null;
  gross_profit: Decimal | null;
  /** Discount granted on the order (CNY), part of the cost to serve. */
  discount: ColumnType<Decimal, Decimal | undefined, Decimal>;
  currency: ColumnType<string, string | undefined, string>;
  status: ColumnType<OrderStatus, OrderStatus | undefined, OrderStatus>;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrderLineTable {
  id: Generated<number>;
  order_id: number;
  customer_id: number;
  product: string;
  quantity: Decimal;
  unit_price: Decimal;
  amount: Decimal;
  cost: Decimal | null;
}

export interface PaymentTable {
  id: Generated<number>;
  customer_id: number;
  order_id: number | null;
  due_date: DateString;
  paid_date: DateString | null;
  amount: Decimal;
  note: string | null;
  /** The payment this part was received of (a partial receipt splits it), if any. */
  split_from_id: Generated<number | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ActivityKind = 'visit' | 'call' | 'email' | 'sms' | 'wechat' | 'meeting' | 'other';

export interface ActivityTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  user_id: number | null;
  kind: ActivityKind;
  at: ColumnType<Date, Date | string, Date | string>;
  subject: string;
  note: string | null;
  next_action_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  user_id: number | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

/** Sums and counts per customer and month; see src/db/state-sql.ts for the meaning of each column. */
export interface CustomerMonthStatsTable {
  customer_id: number;
  month: DateString;
  order_count: number;
  amount: Decimal;
  profit: Decimal;
  profit_count: number;
  discount: Decimal;
  first_order: DateString | null;
  last_order: DateString | null;
  due_count: number;
  due_amount: Decimal;
  due_day_sum: number;
  due_amount_day_sum: Decimal;
  final_late_days: number;
  final_late_count: number;
  final_late_amount_days: Decimal;
  unpaid_count: number;
  unpaid_amount: Decimal;
  unpaid_due_day_sum: number;
  unpaid_amount_day_sum: Decimal;
  settled_count: number;
  settled_amount: Decimal;
  settled_due_day_sum: number;
  settled_amount_day_sum: Decimal;
  settled_late_days: number;
  settled_late_count: number;
  settled_late_amount_days: Decimal;
  contact_count: number;
  last_contact: DateString | null;
}

export interface CustomerStateTable {
  customer_id: number;
  order_count: number;
  amount: Decimal;
  profit: Decimal;
  profit_count: number;
  first_order: DateString | null;
  last_order: DateString | null;
  due_count: number;
  due_amount: Decimal;
  final_late_days: number;
  final_late_count: number;
  unpaid_count: number;
  unpaid_amount: Decimal;
  settled_count: number;
  contact_count: number;
  last_contact: DateString | null;
  updated_at: Date;
}

export interface GradingModelTable {
  id: Generated<number>;
  key: string;
  name_zh: string;
  name_en: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  current_version: number;
  schedule: string | null;
  schedule_timezone: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GradingModelVersionTable {
  model_id: number;
  version: number;
  definition: Json<unknown>;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export type GradeCause = 'run' | 'instant' | 'override' | 'override_expired';

export interface GradingRunTable {
  id: Generated<number>;
  model_id: number;
  version: number;
  as_of: DateString;
  trigger: 'manual' | 'schedule' | 'cli' | 'api';
  started_by: number | null;
  started_at: ColumnType<Date, Date | string, never>;
  finished_at: CreatedAt;
  population: number;
  params: Json<unknown>;
  distribution: Json<unknown>;
  migration: Json<unknown>;
  timings: Json<unknown>;
  previous_run_id: number | null;
}

/** The dashboard's company-wide figures of a run, kept while no customer changes (migration 014). */
export interface RunSummaryTable {
  run_id: number;
  /** Whose customers it counts: `scopeKey` of src/modules/shared/scope.ts ('all' for the whole company). */
  scope: string;
  /** The snapshot it was computed in (`pg_snapshot` text): what it counts is what this snapshot sees. */
  snapshot: string;
  summary: Json<unknown>;
}

/** Binary parts of a run's parameters (see src/modules/grading/params-codec.ts). */
export interface GradingRunBlobTable {
  run_id: number;
  index: number;
  data: Uint8Array;
}

export interface GradingResultTable {
  run_id: number;
  customer_id: number;
  grade: number;
  computed_grade: number;
  status: number;
  pending: number;
  score: number | null;
  rfm_code: number | null;
  factor_scores: number[];
  sales: Decimal | null;
  profit: Decimal | null;
  contacts: number | null;
  orders: number | null;
  first_order: DateString | null;
  last_order: DateString | null;
}

export interface CustomerGradeTable {
  model_id: number;
  customer_id: number;
  grade: number;
  grade_code: string;
  score: number | null;
  rfm_code: number | null;
  status: number;
  pending: ColumnType<number, number | undefined, number>;
  run_id: number | null;
  cause: GradeCause;
  updated_at: UpdatedAt;
}

export interface GradeChangeTable {
  id: Generated<number>;
  model_id: number;
  customer_id: number;
  at: CreatedAt;
  from_grade: number | null;
  /** NULL: the customer left the model's population. */
  to_grade: number | null;
  score: number | null;
  cause: GradeCause;
  run_id: number | null;
  detail: Json<unknown> | null;
}

export interface GradeOverrideTable {
  id: Generated<number>;
  model_id: number;
  customer_id: number;
  grade_code: string;
  reason: string;
  expires_on: DateString | null;
  created_by: number | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
  revoked_by: number | null;
}

export type AlertKind = 'upgrade' | 'downgrade' | 'entered_top' | 'left_top' | 'churn_risk' | 'pool_warning';

/** One inbox entry: a grade event as one recipient (the customer's owner or team manager) reads it. */
export interface AlertTable {
  id: Generated<number>;
  user_id: number;
  kind: AlertKind;
  model_id: number;
  customer_id: number;
  change_id: number;
  payload: Json<unknown>;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  /** Signs every body (HMAC-SHA256); shown once at creation, never returned or logged afterwards. */
  secret: string;
  events: string[];
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** The outbox: one row per event and subscribed webhook, sent by the delivery worker after the commit. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: Json<unknown>;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  /** Attempts made since the delivery was enqueued or last retried by hand. */
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: CreatedAt;
}

export interface WebhookDeliveryAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: ColumnType<Date, Date | string, never>;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface Database {
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  dictionary_entries: DictionaryEntryTable;
  customers: CustomerTable;
  contacts: ContactTable;
  customer_relationships: RelationshipTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  payments: PaymentTable;
  activities: ActivityTable;
  audit_log: AuditLogTable;
  customer_month_stats: CustomerMonthStatsTable;
  customer_state: CustomerStateTable;
  grading_models: GradingModelTable;
  grading_model_versions: GradingModelVersionTable;
  grading_runs: GradingRunTable;
  grading_results: GradingResultTable;
  run_summaries: RunSummaryTable;
  grading_run_blobs: GradingRunBlobTable;
  customer_grades: CustomerGradeTable;
  grade_changes: GradeChangeTable;
  grade_overrides: GradeOverrideTable;
  alerts: AlertTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptTable;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;
export type UserRow = Selectable<UserTable>;

export interface ImportTemplateTable {
  id: Generated<number>;
  name: string;
  entity: string;
  mapping: Json<unknown>;
  options: Json<unknown>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Tables added by migration 007 (imports); merged into Database where the import module queries them. */
// A type alias, not an interface: Kysely's withTables<T>() needs T to be indexable.
export type ImportTables = {
  import_templates: ImportTemplateTable;
};

export interface OpportunityStageTable {
  code: string;
  name_zh: string;
  name_en: string;
  /** Percent, 0–100. */
  probability: Decimal;
  sort: number;
  outcome: ColumnType<'open' | 'won' | 'lost', 'open' | 'won' | 'lost' | undefined, 'open' | 'won' | 'lost'>;
}

export interface OpportunityTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  amount: ColumnType<Decimal, Decimal | undefined, Decimal>;
  stage: string;
  /** Percent override of the stage's probability; NULL follows the stage. */
  probability: Decimal | null;
  expected_close_date: DateString | null;
  owner_id: number | null;
  lost_reason: string | null;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Date | null;
}

export interface OpportunityContactTable {
  opportunity_id: number;
  contact_id: number;
  role: string;
}

export interface OpportunityStageHistoryTable {
  id: Generated<number>;
  opportunity_id: number;
  customer_id: number;
  from_stage: string | null;
  to_stage: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  by: number | null;
}

/** Tables added by migration 008 (opportunities); merged into Database where the opportunity module queries them. */
export type OpportunityTables = {
  opportunity_stages: OpportunityStageTable;
  opportunities: OpportunityTable;
  opportunity_contacts: OpportunityContactTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
};
