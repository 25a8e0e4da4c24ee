import type { Updateable } from 'kysely';
import type { CustomerTable } from '../../db/database.js';
import type { CustomerRowRow, CustomerViewRow } from './customer.repository.js';
import type { CustomerRowView, CustomerUpdateInput, CustomerView } from './customer.schema.js';

export const customerColumnOf = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  type: 'type',
  lifecycleStage: 'lifecycle_stage',
  lifecycleLocked: 'lifecycle_locked',
  ownerId: 'owner_id',
  teamId: 'team_id',
  province: 'province',
  city: 'city',
  address: 'address',
  industry: 'industry',
  nature: 'nature',
  sizeBand: 'size_band',
  headcount: 'headcount',
  registeredCapital: 'registered_capital',
  annualRevenue: 'annual_revenue',
  industryPosition: 'industry_position',
  legalRepresentative: 'legal_representative',
  phone: 'phone',
  website: 'website',
  creditLimit: 'credit_limit',
  paymentTermsDays: 'payment_terms_days',
  source: 'source',
  referredById: 'referred_by_id',
  potentialDemand: 'potential_demand',
  shareOfWallet: 'share_of_wallet',
  upcomingPurchaseVolume: 'upcoming_purchase_volume',
  expectedCloseDate: 'expected_close_date',
  tags: 'tags',
  custom: 'custom',
} as const satisfies Record<keyof CustomerUpdateInput, keyof CustomerTable>;

/** Only the fields present in the input become columns: a PATCH leaves everything else as it was. */
export function toCustomerColumns(input: CustomerUpdateInput): Updateable<CustomerTable> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(customerColumnOf)) {
    const value = input[field as keyof CustomerUpdateInput];
    if (value === undefined) continue;
    if (field === 'custom') columns[column] = JSON.stringify(value);
    else if (field === 'shareOfWallet') columns[column] = value === null ? null : String(value);
    else columns[column] = value;
  }
  return columns as Updateable<CustomerTable>;
}

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function toCustomerView(row: CustomerViewRow): CustomerView {
  return {
    ...toCustomerRow(row),
    shortName: row.short_name,
    address: row.address,
    nature: row.nature,
    sizeBand: row.size_band,
    headcount: row.headcount,
    registeredCapital: row.registered_capital,
    annualRevenue: row.annual_revenue,
    industryPosition: row.industry_position,
    legalRepresentative: row.legal_representative,
    phone: row.phone,
    website: row.website,
    creditLimit: row.credit_limit,
    paymentTermsDays: row.payment_terms_days,
    source: row.source,
    referredById: row.referred_by_id,
    referredByName: row.referred_by_name,
    potentialDemand: row.potential_demand,
    shareOfWallet: row.share_of_wallet === null ? null : Number(row.share_of_wallet),
    upcomingPurchaseVolume: row.upcoming_purchase_volume,
    expectedCloseDate: row.expected_close_date,
    tags: row.tags,
    custom: row.custom,
    stats: {
      orderCount: row.state_order_count ?? 0,
      amount: row.state_amount ?? '0.00',
      profit: row.state_profit ?? '0.00',
      firstOrder: row.state_first_order,
      lastOrder: row.state_last_order,
      unpaidAmount: row.state_unpaid_amount ?? '0.00',
      lastContact: row.state_last_contact,
      contactCount: row.state_contact_count ?? 0,
    },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The table row's fields; the whole record (`toCustomerView`) starts from them. */
export function toCustomerRow(row: CustomerRowRow): CustomerRowView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    lifecycleStage: row.lifecycle_stage,
    lifecycleLocked: row.lifecycle_locked,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    teamId: row.team_id,
    teamName: row.team_name,
    province: row.province,
    city: row.city,
    industry: row.industry,
    grades: row.grades.sort((a, b) => a.modelId - b.modelId),
    stats: { amount: row.state_amount ?? '0.00', lastOrder: row.state_last_order },
  };
}
