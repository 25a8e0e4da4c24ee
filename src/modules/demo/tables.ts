/** The tables the demo writes, in foreign-key order, with the columns it fills. Values are PostgreSQL text forms. */
export type Field = string | null;
export type Row = Field[];

export const demoTables = {
  customers: [
    'id',
    'code',
    'name',
    'short_name',
    'type',
    'lifecycle_stage',
    'owner_id',
    'team_id',
    'province',
    'city',
    'address',
    'industry',
    'nature',
    'size_band',
    'headcount',
    'registered_capital',
    'annual_revenue',
    'industry_position',
    'legal_representative',
    'phone',
    'website',
    'credit_limit',
    'payment_terms_days',
    'source',
    'referred_by_id',
    'potential_demand',
    'share_of_wallet',
    'upcoming_purchase_volume',
    'expected_close_date',
    'tags',
    'created_at',
    'updated_at',
  ],
  contacts: [
    'id',
    'customer_id',
    'name',
    'title',
    'department',
    'buying_role',
    'phone',
    'email',
    'wechat',
    'birthday',
    'gender',
    'hometown',
    'school',
    'interests',
    'is_key',
    'created_at',
    'updated_at',
  ],
  customer_relationships: ['customer_id', 'related_customer_id', 'kind', 'note', 'created_at'],
  orders: [
    'id',
    'customer_id',
    'order_no',
    'order_date',
    'amount',
    'cost',
    'gross_profit',
    'status',
    'created_at',
    'updated_at',
  ],
  order_lines: ['order_id', 'customer_id', 'product', 'quantity', 'unit_price', 'amount', 'cost'],
  payments: ['customer_id', 'order_id', 'due_date', 'paid_date', 'amount', 'created_at', 'updated_at'],
  activities: [
    'customer_id',
    'contact_id',
    'user_id',
    'kind',
    'at',
    'subject',
    'note',
    'next_action_at',
    'created_at',
    'updated_at',
  ],
} as const satisfies Record<string, readonly string[]>;

export type DemoTable = keyof typeof demoTables;
export const demoTableOrder = Object.keys(demoTables) as DemoTable[];

/** The tables whose ids the generator assigns itself, so that rows can reference each other before they are written. */
export const tablesWithGeneratedIds = ['customers', 'contacts', 'orders'] as const;

export type Chunk = Record<DemoTable, Row[]>;

export function emptyChunk(): Chunk {
  return {
    customers: [],
    contacts: [],
    customer_relationships: [],
    orders: [],
    order_lines: [],
    payments: [],
    activities: [],
  };
}
