import { isoOrNull, isoTimestamp } from '../audit/owned-records.js';
import type { ContactLinkRow, OpportunityViewRow, StageRow } from './opportunity.repository.js';
import type { buyingRoles } from './opportunity.schema.js';
import { type OpportunityView, type StageView } from './opportunity.schema.js';

type BuyingRole = (typeof buyingRoles)[number];

export function toOpportunityView(
  row: OpportunityViewRow,
  links: readonly ContactLinkRow[],
): OpportunityView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    name: row.name,
    amount: row.amount,
    stage: row.stage,
    probability: row.probability === null ? null : Number(row.probability),
    effectiveProbability: Number(row.effective_probability),
    weightedAmount: row.weighted_amount,
    expectedCloseDate: row.expected_close_date,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    lostReason: row.lost_reason,
    note: row.note,
    contacts: links
      .filter((link) => link.opportunity_id === row.id)
      .map((link) => ({ contactId: link.contact_id, name: link.name, role: link.role as BuyingRole })),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
    closedAt: isoOrNull(row.closed_at),
  };
}

export const toStageView = (row: StageRow): StageView => ({
  code: row.code,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  probability: Number(row.probability),
  sort: row.sort,
  outcome: row.outcome,
});
